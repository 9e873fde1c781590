import { defineConfig } from 'vitest/config'

// The node tests that exercise src/ directly, for StrykerJS (`npm run test:mutation`): no build,
// no browser, no Next.js, no Prism, no packed tarball; each mutant runs only the tests that cover it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.browser.test.ts', 'test/examples/**', 'test/package/**', 'test/openapi/generated.test.ts', 'test/reliability/conformance.test.ts', 'test/security/structure.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    env: { KRATOS_SETTINGS_MUTATION: '1' },
  },
})
