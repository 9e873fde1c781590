import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

// The core runs along the request's path: request (arguments -> a request) -> transport (ky) ->
// response (-> a result) -> result (what a page does next), composed in client/. Kratos' behaviour
// (kratos/) and small helpers (utils/) are leaves that everyone may read; nothing imports back up
// the path, and the test kits read Kratos' behaviour, never the SDK's internals.
const src = fileURLToPath(new URL('../../src', import.meta.url))
const MAY_IMPORT: Record<string, readonly string[]> = {
  utils: ['types'],
  kratos: ['utils', 'types'],
  errors: ['kratos', 'utils'],
  flow: ['errors', 'kratos', 'utils', 'types'],
  request: ['errors', 'flow', 'kratos', 'utils', 'types'],
  transport: ['request', 'errors', 'utils'],
  response: ['request', 'result', 'errors', 'kratos', 'utils', 'types'],
  result: ['errors', 'kratos', 'utils', 'types'],
  client: ['request', 'transport', 'response', 'result', 'errors', 'kratos', 'types'],
  cookies: ['errors', 'kratos'],
  mock: ['kratos', 'utils', 'types'],
  msw: ['mock', 'kratos'],
}

/** Every file of src/ with the src/ folders (or top-level files) it imports, itself excluded. */
function imports(): Array<{ file: string; folder: string; imported: string[] }> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'))
  return files.map((file) => {
    const text = readFileSync(join(src, file), 'utf8')
    const targets = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map(([, path]) => relative(src, join(src, dirname(file), path!)))
    const folder = file.includes('/') ? file.split('/')[0]! : '(entry)'
    const imported = targets.map((target) => (target.startsWith('..') ? 'generated' : target.includes('/') ? target.split('/')[0]! : target.replace(/\.js$/, '')))
    return { file, folder, imported: imported.filter((name) => name !== folder) }
  })
}

// Modules with nothing to run: the entries (re-exports), the type names, a no-op.
const WITHOUT_BEHAVIOUR = new Set(['index.ts', 'cookies/index.ts', 'mock/index.ts', 'msw/index.ts', 'types.ts', 'utils/ignore.ts'])

describe('test/unit/ mirrors src/', () => {
  test('every module of src/ has its test file: <module>.test.ts, or <module>.<aspect>.test.ts', () => {
    const unit = fileURLToPath(new URL('.', import.meta.url))
    const tests = readdirSync(unit, { recursive: true, encoding: 'utf8' }).flatMap((file) => /^(.+?)(?:\.[a-z-]+)?\.test(?:-d)?\.ts$/.exec(file)?.slice(1, 2) ?? [])
    const modules = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !WITHOUT_BEHAVIOUR.has(file))
    expect(modules.filter((module) => !tests.includes(module.slice(0, -3)))).toEqual([])
    expect(tests.filter((test) => test !== 'layout' && !modules.includes(`${test}.ts`) && !WITHOUT_BEHAVIOUR.has(`${test}.ts`))).toEqual([])
  })
})

describe('the layout of src/', () => {
  const all = imports()

  test('every folder is one the layout knows', () => {
    expect(new Set(all.map(({ folder }) => folder))).toEqual(new Set([...Object.keys(MAY_IMPORT), '(entry)']))
  })

  test.each(Object.entries(MAY_IMPORT))('%s/ imports only from %j', (folder, allowed) => {
    const stray = all
      .filter((file) => file.folder === folder)
      .flatMap(({ file, imported }) => imported.filter((name) => !allowed.includes(name) && name !== 'generated').map((name) => `${file} -> ${name}`))
    expect(stray).toEqual([])
  })

  test('the check sees a stray import: the entry files import from folders the rules would refuse to a leaf', () => {
    const entry = all.find(({ file }) => file === 'index.ts')!
    expect(entry.imported.filter((name) => !MAY_IMPORT['utils']!.includes(name)).length).toBeGreaterThan(0)
  })
})
