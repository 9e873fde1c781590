import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))

test('generated/kratos.ts is what `npm run generate` makes from openapi/settings.yaml', () => {
  const fresh = join(mkdtempSync(join(tmpdir(), 'kratos-generate-')), 'kratos.ts')
  const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js')
  execFileSync(process.execPath, [cli, 'openapi/settings.yaml', '-o', fresh], { cwd: root, stdio: 'pipe' })
  expect(readFileSync(join(root, 'generated/kratos.ts'), 'utf8')).toBe(readFileSync(fresh, 'utf8'))
})
