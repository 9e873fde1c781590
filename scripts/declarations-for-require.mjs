// Under `module: node16`, a CommonJS declaration file may not import an ES-module-only package
// (TS1479), and msw is one. We only need its types, so in every .d.cts its imports become type-only
// imports resolved as ES imports. Run by `npm run build`, after tsup.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

const MSW_IMPORT = /^import (type )?\{([^}]*)\} from '(msw(?:\/[\w-]+)?)'( with \{[^}]*\})?;$/
const AS_TYPES = (names, from) => `import type {${names}} from '${from}' with { 'resolution-mode': 'import' };`

for (const name of readdirSync('dist').filter((file) => file.endsWith('.d.cts'))) {
  const path = `dist/${name}`
  const lines = readFileSync(path, 'utf8').split('\n')
  const fixed = lines.map((line) => {
    if (!/from 'msw[/']/.test(line)) return line
    const match = MSW_IMPORT.exec(line)
    if (match === null) throw new Error(`${path} imports msw in a form this script does not rewrite: ${line}`)
    return AS_TYPES(match[2], match[3])
  })
  writeFileSync(path, fixed.join('\n'))
}
