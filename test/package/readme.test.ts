import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { KNOWN_ERRORS, type KnownErrorId } from '../../src/kratos/errors.js'
import { makeKratosError } from '../../src/mock/index.js'
import { isJsonObject } from '../../src/utils/json.js'

// README code blocks that start with `// <path>` show that whole file, which a test runs.
const root = new URL('../..', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const shown = [...readme.matchAll(/```tsx?\n\/\/ (\S+)\n([\s\S]*?)\n```/g)].map(([, path, body]) => ({ path: path!, body: body! }))

describe('README.md', () => {
  // A complete Next.js app (layout included) and a server-to-server job are shown whole, as files a test runs.
  test('fits in 22.5 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(22_500)
  })

  test('says how to run the demo and the tests from a clone', () => {
    expect(readme).toMatch(/^npm install && npm start\b/m)
    expect(readme).toMatch(/^npm test\b/m)
  })

  test('shows a complete example of each use: Next.js, the browser, tests with msw', () => {
    expect(shown.map(({ path }) => path)).toEqual([
      'examples/nextjs/lib/kratos.ts',
      'examples/nextjs/app/settings/start/route.ts',
      'examples/nextjs/app/settings/page.tsx',
      'examples/nextjs/app/settings/update/route.ts',
      'examples/nextjs/components/settings-form.tsx',
      'examples/nextjs/app/layout.tsx',
      'examples/browser/load-settings-flow.ts',
      'examples/nextjs/app/settings/start/route.test.ts',
      'examples/node/change-email-job.ts',
    ])
    // Complete: every relative import is of a file the README shows too.
    const paths = new Set(shown.map(({ path }) => path.replace(/\.tsx?$/, '')))
    for (const { path, body } of shown) {
      for (const [, target] of body.matchAll(/from '(\.[^']+)'/g)) {
        expect(paths, `${path} imports ${target}`).toContain(new URL(target!, new URL(path, 'file:///')).pathname.slice(1))
      }
    }
  })

  test.each(shown)('shows $path as it is', ({ path, body }) => {
    expect(body).toBe(readFileSync(new URL(path, root), 'utf8').trimEnd())
  })

  test("the errors table has every known id once, with the status and the payload fields of the SDK's table", () => {
    const rows = [...readme.matchAll(/^\| `([a-z0-9_]+)` \| (\d+) \|(.*)\|$/gm)].map(([, id, status, payload]) => ({ id: id!, status: Number(status), payload: payload! }))
    expect(rows.map(({ id }) => id)).toEqual(Object.keys(KNOWN_ERRORS))
    for (const { id, status, payload } of rows) {
      const known = KNOWN_ERRORS[id as KnownErrorId]
      expect(status, id).toBe(known.status)
      // The fields the payload reader finds in the body Kratos sends for this id.
      const body = makeKratosError(id)
      const details = isJsonObject(body.error.details) ? body.error.details : undefined
      const read = known.read(body, details)
      const fields = read.ok ? Object.keys(read.value) : []
      const named = [...payload.matchAll(/`(\w+)\??`/g)].map(([, field]) => field)
      expect(named, id).toEqual(expect.arrayContaining(fields))
    }
  })
})
