// Under `module: node16`, a CommonJS declaration file may not import an ES-module-only package
// (TS1479), and msw and ky are. We only need their types, so in every .d.cts their imports become
// type-only imports resolved as ES imports. Run by `npm run build`, after tsup.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'

const ESM_ONLY = /from '(?:msw|ky)[/']/
const ESM_IMPORT = /^import (type )?\{([^}]*)\} from '((?:msw|ky)(?:\/[\w-]+)?)'( with \{[^}]*\})?;$/
const AS_TYPES = (names, from) => `import type {${names}} from '${from}' with { 'resolution-mode': 'import' };`

for (const name of readdirSync('dist').filter((file) => file.endsWith('.d.cts'))) {
  const path = `dist/${name}`
  const lines = readFileSync(path, 'utf8').split('\n')
  const fixed = lines.map((line) => {
    if (!ESM_ONLY.test(line)) return line
    const match = ESM_IMPORT.exec(line)
    if (match === null) throw new Error(`${path} imports an ES-module-only package in a form this script does not rewrite: ${line}`)
    return AS_TYPES(match[2], match[3])
  })
  writeFileSync(path, fixed.join('\n'))
}
