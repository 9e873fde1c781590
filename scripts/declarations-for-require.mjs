// Under `module: node16`, a CommonJS declaration file may not import an ES-module-only package
// (TS1479), and msw is one. We only need its types, so in every .d.cts its imports become type-only
// imports resolved as ES imports. Run by `npm run build`, after tsup.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

const ESM_ONLY = /^import \{([^}]*)\} from '(msw(?:\/[\w-]+)?)';$/gm

for (const name of readdirSync('dist').filter((file) => file.endsWith('.d.cts'))) {
  const path = `dist/${name}`
  const text = readFileSync(path, 'utf8')
  const fixed = text.replace(ESM_ONLY, "import type {$1} from '$2' with { 'resolution-mode': 'import' };")
  if (/from 'msw[/']/.test(fixed.replace(/^import type .* with \{ 'resolution-mode': 'import' \};$/gm, ''))) {
    throw new Error(`${path} imports msw in a form this script does not rewrite`)
  }
  if (fixed !== text) writeFileSync(path, fixed)
}
