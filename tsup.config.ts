import { defineConfig, type Options } from 'tsup'

const entry = { index: 'src/index.ts', cookies: 'src/cookies/index.ts', mock: 'src/mock/index.ts', msw: 'src/msw/index.ts' }

// tough-cookie (dual format) and msw (the user's own copy, a peer) are imported, never inlined.
const shared: Options = { entry, dts: { entry }, sourcemap: true, target: 'es2022', external: ['tough-cookie', 'msw'] }

export default defineConfig([
  // ky's 31 modules, imported one by one, cost ~13 ms of a cold start: the ESM build carries ky too.
  // The kratos-settings-mock command is built here only: ESM, no declarations (nothing imports it).
  { ...shared, entry: { ...entry, 'mock-cli': 'src/mock/cli.ts' }, format: ['esm'], noExternal: ['ky'] },
  // ky is ESM only, which require() on Node 22.0 cannot load: the CommonJS build carries its own copy.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
])
