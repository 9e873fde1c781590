import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'

// The published package, as a user installs it: `npm pack` of the build (`npm test` builds first), then `npm install`
// of the tarball into a scratch project, then ESM, CommonJS and TypeScript 7 consumers.

const root = fileURLToPath(new URL('../..', import.meta.url))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
let scratch = ''

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

// One smoke script per entry point; each prints JSON. `imports` become import or require lines.
interface Smoke {
  readonly imports: Record<string, string>
  readonly body: string
  readonly expected: unknown
}

const smokes: Record<string, Smoke> = {
  // A loopback server answering session_inactive, called through the package.
  'kratos-settings': {
    imports: { http: 'node:http', sdk: 'kratos-settings' },
    body: `
const server = http.createServer((request, response) => {
  response.writeHead(401, { 'content-type': 'application/json', 'set-cookie': 'csrf=1; Path=/' })
  response.end(JSON.stringify({ error: { id: 'session_inactive', code: 401, message: 'No active session' } }))
})
server.listen(0, '127.0.0.1', async () => {
  const kratos = sdk.createKratosClient({ baseUrl: 'http://127.0.0.1:' + server.address().port + '/auth' })
  const result = await kratos.createBrowserSettingsFlow(undefined, 'ory_kratos_session=x')
  console.log(JSON.stringify({ kind: result.kind, id: result.error.id, guard: sdk.isKratosError(result.error, 'session_inactive'), setCookie: result.setCookie }))
  server.close()
})`,
    expected: { kind: 'error', id: 'session_inactive', guard: true, setCookie: ['csrf=1; Path=/'] },
  },
  'kratos-settings/cookies': {
    imports: { cookies: 'kratos-settings/cookies' },
    body: `
const headers = new Headers()
cookies.forwardSetCookie(['csrf_token_x=a+b=; Domain=kratos.test; Path=/; HttpOnly'], headers, { domain: false })
console.log(JSON.stringify({ cookie: cookies.getCookieHeader({ headers: { cookie: 'a=1' } }), setCookie: headers.getSetCookie() }))`,
    expected: { cookie: 'a=1', setCookie: ['csrf_token_x=a+b=; Path=/; HttpOnly'] },
  },
  // msw is the consumer's own copy (an optional peer), intercepting the SDK's fetch.
  'kratos-settings/msw': {
    imports: { node: 'msw/node', kit: 'kratos-settings/msw', mock: 'kratos-settings/mock', sdk: 'kratos-settings' },
    body: `
const server = node.setupServer(...kit.createKratosHandlers({ baseUrl: 'http://kratos.test/auth' }))
server.listen({ onUnhandledFrame: 'error' })
sdk.createKratosClient({ baseUrl: 'http://kratos.test/auth' }).createBrowserSettingsFlow(undefined, mock.SESSION_COOKIE + '=x').then((result) => {
  console.log(JSON.stringify({ kind: result.kind, csrfCookies: result.setCookie.filter((c) => c.startsWith(mock.CSRF_COOKIE + '=')).length }))
  server.close()
})`,
    expected: { kind: 'flow', csrfCookies: 1 },
  },
}

const asEsm = ({ imports, body }: Smoke) =>
  Object.entries(imports)
    .map(([name, from]) => `import * as ${name} from '${from}'`)
    .join('\n') + body
const asCjs = ({ imports, body }: Smoke) =>
  Object.entries(imports)
    .map(([name, from]) => `const ${name} = require('${from}')`)
    .join('\n') + body

const consumer = `import { createKratosClient, isKratosError, unwrapFlow, type SettingsFlowResult } from 'kratos-settings'
import { forwardSetCookie, getCookieHeader } from 'kratos-settings/cookies'
import { makeSettingsFlow } from 'kratos-settings/mock'
import { createKratosHandlers } from 'kratos-settings/msw'
import type { HttpHandler } from 'msw'

export const handlers: HttpHandler[] = createKratosHandlers({ baseUrl: 'https://auth.example.com', kratosVersion: 'v25.4.0' })
export const flowId: string = makeSettingsFlow({ state: 'success' }).id

export async function forward(request: Request, response: Response): Promise<void> {
  const result = await kratos.createBrowserSettingsFlow(undefined, getCookieHeader(request))
  forwardSetCookie(result.setCookie, response, { domain: false })
}

const kratos = createKratosClient({ baseUrl: 'https://auth.example.com' })

export async function describeFlow(cookie: string): Promise<string> {
  const result: SettingsFlowResult = await kratos.createBrowserSettingsFlow(undefined, cookie, { mode: 'json' })
  switch (result.kind) {
    case 'flow':
      return unwrapFlow(result).ui.action
    case 'redirect':
      return result.location ?? ''
    case 'error':
      return result.error.id === 'session_aal2_required' ? result.error.redirectBrowserTo : result.error.message
    case 'unexpected':
      return result.error.problem
    default: {
      const unreachable: never = result
      return unreachable
    }
  }
}

export function redirectTarget(error: unknown): string | undefined {
  return isKratosError(error, 'session_refresh_required') ? error.redirectBrowserTo : undefined
}
`

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kratos-settings-consumer-'))
  run(npm, ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], root)
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  const msw = JSON.parse(readFileSync(join(root, 'node_modules/msw/package.json'), 'utf8')).version
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, `msw@${msw}`], scratch)
}, 180_000)

describe('the packed package', () => {
  test('ships the MIT license package.json names', () => {
    const installed = join(scratch, 'node_modules/kratos-settings')
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).license).toBe('MIT')
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
  })

  test('ships only what an entry point or the command uses, and a README that cites no file it lacks', () => {
    const installed = join(scratch, 'node_modules/kratos-settings')
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: unknown; bin: Record<string, string> }
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(targets) : [])
    const roots = [...targets(manifest.exports), ...Object.values(manifest.bin)].filter((target) => target.startsWith('./dist/'))
    const used = new Set<string>()
    const queue = roots.map((target) => join(installed, target))
    while (queue.length > 0) {
      const file = queue.pop()!
      if (used.has(file)) continue
      used.add(file)
      const text = readFileSync(file, 'utf8')
      for (const [, target] of text.matchAll(/(?:from |import\(|require\()["'](\.[^"']+)["']/g)) {
        const path = join(file, '..', target!)
        // A declaration file names its sibling's JavaScript: './x.js' is './x.d.ts' to TypeScript.
        const declaration = /\.d\.c?ts$/.test(file) ? path.replace(/\.(c?)js$/, '.d.$1ts') : path
        queue.push(existsSync(path) ? path : declaration)
      }
      const map = /\/\/# sourceMappingURL=(\S+)$/m.exec(text)?.[1]
      if (map !== undefined) used.add(join(file, '..', map))
    }
    const shipped = readdirSync(join(installed, 'dist')).map((name) => join(installed, 'dist', name))
    expect(shipped.filter((file) => !used.has(file)).map((file) => file.slice(installed.length + 1))).toEqual([])
    const readme = readFileSync(join(installed, 'README.md'), 'utf8')
    for (const [cited] of readme.matchAll(/\b[A-Z]+\.md\b/g)) expect(readdirSync(installed), cited).toContain(cited)
  })

  describe.each(Object.entries(smokes))('%s', (entry, smoke) => {
    const file = entry.replaceAll('/', '-')

    test('works through import() from an ES module', () => {
      writeFileSync(join(scratch, `${file}.mjs`), asEsm(smoke))
      expect(JSON.parse(run(process.execPath, [`${file}.mjs`], scratch))).toEqual(smoke.expected)
    })

    // Neither publint nor attw notices a CommonJS build that fails when it runs.
    test('works through require() from a CommonJS file', () => {
      writeFileSync(join(scratch, `${file}.cjs`), asCjs(smoke))
      expect(JSON.parse(run(process.execPath, [`${file}.cjs`], scratch))).toEqual(smoke.expected)
    })
  })

  // The peer range is ^2.10.0 || ^3.0.0: a project on msw 2 installs the package, and the kit works there.
  test('installs beside msw 2.10.0, the lower bound of the peer range, and the msw kit works with it, from ESM and CommonJS', () => {
    const msw2 = mkdtempSync(join(tmpdir(), 'kratos-settings-msw2-'))
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!
    writeFileSync(join(msw2, 'package.json'), JSON.stringify({ name: 'consumer-msw2', private: true }))
    run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, tarball), 'msw@2.10.0'], msw2)
    const smoke = smokes['kratos-settings/msw']!
    const onMsw2 = { ...smoke, body: smoke.body.replace("{ onUnhandledFrame: 'error' }", "{ onUnhandledRequest: 'error' }") }
    writeFileSync(join(msw2, 'smoke.mjs'), asEsm(onMsw2))
    writeFileSync(join(msw2, 'smoke.cjs'), asCjs(onMsw2))
    expect(JSON.parse(run(process.execPath, ['smoke.mjs'], msw2))).toEqual(smoke.expected)
    expect(JSON.parse(run(process.execPath, ['smoke.cjs'], msw2))).toEqual(smoke.expected)
  }, 180_000)

  test('type-checks with TypeScript 7 from ESM and CommonJS consumers, our declarations included', () => {
    writeFileSync(join(scratch, 'consumer.mts'), consumer)
    writeFileSync(join(scratch, 'consumer.cts'), consumer)
    expect(typecheck(['consumer.mts', 'consumer.cts'])).toEqual({ status: 0, output: '' })
  })

  // Under node16, a CommonJS file may import ESM-only msw only as types resolved by import (TS1479, TS1541):
  // the consumer's own import says so, and so must our declarations.
  test.each([[7], [5.9]] as const)('type-checks with module node16 from ESM and CommonJS consumers too (TypeScript %s)', (version) => {
    const node16 = consumer.replace("from 'msw'\n", "from 'msw' with { 'resolution-mode': 'import' }\n")
    expect(node16).not.toBe(consumer)
    writeFileSync(join(scratch, 'consumer.mts'), node16)
    writeFileSync(join(scratch, 'consumer.cts'), node16)
    expect(typecheck(['consumer.mts', 'consumer.cts'], 'Node16', version)).toEqual({ status: 0, output: '' })
  })

  test('that type check fails on a type error, so it is not vacuous', () => {
    writeFileSync(join(scratch, 'broken.mts'), "import { forwardSetCookie } from 'kratos-settings/cookies'\nforwardSetCookie('a=1', new Headers())\n")
    const { status, output } = typecheck(['broken.mts'])
    expect(status).not.toBe(0)
    expect(output).toContain('TS2345')
  })
})

const TSC = { 7: 'node_modules/typescript7/bin/tsc', 5.9: 'node_modules/typescript/bin/tsc' } as const

/** Runs TypeScript (7 unless told) over `files` in the scratch project, with strict settings and no @types. */
function typecheck(files: string[], module: 'NodeNext' | 'Node16' = 'NodeNext', version: keyof typeof TSC = 7): { status: number | null; output: string } {
  const compilerOptions = {
    target: 'ES2022',
    module,
    moduleResolution: module,
    lib: ['ES2022', 'DOM'],
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    noEmit: true,
  }
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }))
  const tsc = join(root, TSC[version])
  expect(run(process.execPath, [tsc, '--version'], scratch)).toMatch(new RegExp(`^Version ${String(version).replace('.', '\\.')}\\.`))
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' })
  return { status: result.status, output: result.stdout + result.stderr }
}
