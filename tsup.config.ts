import { defineConfig } from 'tsup'

const entry = { index: 'src/index.ts', cookies: 'src/cookies/index.ts', mock: 'src/mock/index.ts', msw: 'src/msw/index.ts', 'mock-cli': 'src/mock/cli.ts' }
// tough-cookie (dual format) and msw (the user's own copy, a peer) are always imported, never inlined.
const external = ['tough-cookie', 'msw']

// ky is ESM-only: the ESM build keeps it as a dependency, the CommonJS build inlines it,
// because `require()` of an ESM-only package fails on Node 22 before 22.12.
export default defineConfig([
  { entry, format: ['esm'], dts: true, sourcemap: true, target: 'es2022', external: ['ky', ...external] },
  { entry, format: ['cjs'], dts: true, sourcemap: true, target: 'es2022', noExternal: ['ky'], external },
])
