import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const typescript7 = fileURLToPath(new URL('./node_modules/typescript7/bin/tsc', import.meta.url))
const typeTests = { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' }

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      // Type tests run under both compilers: tools need TypeScript 5.9, users compile with 7.
      { test: { name: 'types', include: [], typecheck: typeTests } },
      { test: { name: 'types-ts7', include: [], typecheck: { ...typeTests, checker: typescript7 } } },
    ],
  },
})
