import { defineConfig } from 'tsup'

const entry = { index: 'src/index.ts' }

// ky is ESM-only: the ESM build keeps it as a dependency, the CommonJS build inlines it,
// because `require()` of an ESM-only package fails on Node 22 before 22.12.
export default defineConfig([
  { entry, format: ['esm'], dts: true, sourcemap: true, target: 'es2022', external: ['ky'] },
  { entry, format: ['cjs'], dts: true, sourcemap: true, target: 'es2022', noExternal: ['ky'] },
])
