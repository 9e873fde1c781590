import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

// README code blocks that start with `// <path>` show that whole file, which a test runs.
const root = new URL('..', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const shown = [...readme.matchAll(/```tsx?\n\/\/ (\S+)\n([\s\S]*?)\n```/g)].map(([, path, body]) => ({ path: path!, body: body! }))

describe('README.md', () => {
  test('shows the examples of every use: Next.js, Node servers, the browser, tests with msw, the lifecycle', () => {
    expect(shown.map(({ path }) => path)).toEqual([
      'examples/nextjs/app/settings/page.tsx',
      'examples/nextjs/app/settings/start/route.ts',
      'examples/node/settings-handler.ts',
      'examples/browser/load-settings-flow.ts',
      'examples/nextjs/app/settings/start/route.test.ts',
      'examples/node/change-email.ts',
    ])
  })

  test.each(shown)('shows $path as it is', ({ path, body }) => {
    expect(body).toBe(readFileSync(new URL(path, root), 'utf8').trimEnd())
  })
})
