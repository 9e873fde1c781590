import { defineConfig } from 'tsup'

const entry = { index: 'src/index.ts', cookies: 'src/cookies/index.ts', mock: 'src/mock/index.ts', msw: 'src/msw/index.ts', 'mock-cli': 'src/mock/cli.ts' }

// tough-cookie (dual format) and msw (the user's own copy, a peer) are imported, never inlined.
export default defineConfig({ entry, format: ['esm', 'cjs'], dts: true, sourcemap: true, target: 'es2022', external: ['tough-cookie', 'msw'] })
