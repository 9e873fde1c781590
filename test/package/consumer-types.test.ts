import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// Consumers of the packed package type-check with their own strict settings and skipLibCheck off, so our
// declarations are checked as they see them: every entry, every module setting, ESM and CommonJS, both compilers.

const root = fileURLToPath(new URL('../..', import.meta.url))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const TSC = { '5.9': 'node_modules/typescript/bin/tsc', '7': 'node_modules/typescript7/bin/tsc' } as const
type Compiler = keyof typeof TSC

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

const consumer = (msw: string) => `import {
  createKratosClient,
  isKratosError,
  unwrapFlow,
  type KratosClient,
  type SettingsFlow,
  type UpdateSettingsFlowResult,
} from 'kratos-settings'
import { forwardSetCookie, getCookieHeader } from 'kratos-settings/cookies'
import { createMockKratos, startMockKratos } from 'kratos-settings/mock'
import { createKratosHandlers } from 'kratos-settings/msw'
${msw}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

export const kratos: KratosClient = createKratosClient({ baseUrl: 'https://auth.example.com' })

export function describeResult(result: UpdateSettingsFlowResult): string {
  switch (result.kind) {
    case 'flow':
    case 'invalid':
      return result.flow.ui.action
    case 'redirect':
      return result.location ?? 'unknown'
    case 'error':
      return result.error.id === 'session_refresh_required' ? result.error.redirectBrowserTo : result.error.message
    case 'unexpected':
      return result.error.problem
    default: {
      const unreachable: never = result
      return unreachable
    }
  }
}

export async function startFlow(request: Request): Promise<SettingsFlow> {
  return unwrapFlow(await kratos.createBrowserSettingsFlow(undefined, getCookieHeader(request)))
}

export async function saveEmail(flow: SettingsFlow, email: string): Promise<Headers> {
  const result = await kratos.updateSettingsFlow(flow, { method: 'profile', traits: { email } }, getCookieHeader(new Headers()))
  const headers = new Headers()
  forwardSetCookie(result.setCookie, headers)
  return headers
}

export function redirectTarget(error: unknown): string | undefined {
  return isKratosError(error, 'session_refresh_required') ? error.redirectBrowserTo : undefined
}

export async function askMock(): Promise<Response | undefined> {
  const server = await startMockKratos()
  const handle = createMockKratos({ baseUrl: server.url })
  const response = await handle(new Request(server.url + '/self-service/settings/browser'))
  await server.close()
  return response
}

export const handlers: HttpHandler[] = createKratosHandlers({ baseUrl: 'https://auth.example.com' })

// Everything above still compiles if a declaration degrades to any; these lines do not.
export const typesAreExact: [
  Equal<ReturnType<typeof getCookieHeader>, string | undefined>,
  Equal<Awaited<ReturnType<KratosClient['updateSettingsFlow']>>, UpdateSettingsFlowResult>,
  Equal<SettingsFlow['id'], string>,
] = [true, true, true]

export function misuses(flow: SettingsFlow): void {
  // @ts-expect-error a cookie header is read from a request, headers or a cookie store, not a string
  getCookieHeader('a=1')
  // @ts-expect-error the Set-Cookie headers are an array
  forwardSetCookie('a=1', new Headers())
  // @ts-expect-error a profile update carries traits
  void kratos.updateSettingsFlow(flow, { method: 'profile' })
  // @ts-expect-error the mock server takes its URL from where it listens
  void startMockKratos({ baseUrl: 'http://127.0.0.1' })
  // @ts-expect-error the handlers need Kratos' URL
  createKratosHandlers({})
}
`

// A CommonJS file may import ESM-only msw only for its types, resolved as an ES import.
const sources = {
  'consumer.mts': consumer("import type { HttpHandler } from 'msw'"),
  'consumer.ts': consumer("import type { HttpHandler } from 'msw'"),
  'consumer.cts': consumer("import type { HttpHandler } from 'msw' with { 'resolution-mode': 'import' }"),
}

const settings = [
  { module: 'node16', moduleResolution: 'node16' },
  { module: 'nodenext', moduleResolution: 'nodenext' },
  // Next.js and Vite projects.
  { module: 'preserve', moduleResolution: 'bundler' },
] as const

const cells = (['5.9', '7'] as const).flatMap((compiler) => settings.flatMap((options) => (Object.keys(sources) as (keyof typeof sources)[]).map((file) => ({ compiler, file, ...options }))))

let scratch = ''
const versions: Partial<Record<Compiler, string>> = {}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/msw.d.cts'))) throw new Error('No dist/: run `npm run build` first.')
  scratch = mkdtempSync(join(tmpdir(), 'kratos-settings-consumer-types-'))
  run(npm, ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], root)
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!
  // "type": "module" makes consumer.ts an ES module like consumer.mts.
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], scratch)
  // msw is an optional peer: the consumer brings its own.
  symlinkSync(join(root, 'node_modules/msw'), join(scratch, 'node_modules/msw'), 'junction')
  for (const [file, source] of Object.entries(sources)) writeFileSync(join(scratch, file), source)
  for (const compiler of Object.keys(TSC) as Compiler[]) versions[compiler] = run(process.execPath, [join(root, TSC[compiler]), '--version'], scratch)
}, 180_000)

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true })
})

describe('the packed declarations type-check in a strict consumer with skipLibCheck off', () => {
  test.concurrent.each(cells)(
    'TypeScript $compiler, module $module, $file',
    async ({ compiler, file, module, moduleResolution }) => {
      expect(versions[compiler]).toMatch(new RegExp(`^Version ${compiler.replace('.', '\\.')}\\.`))
      // No @types/node: the declarations must not need it. skipDefaultLibCheck skips only TypeScript's own lib
      // files, which would double the time; every package's declarations, ours first, are still checked.
      const compilerOptions = {
        target: 'ES2022',
        module,
        moduleResolution,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        skipDefaultLibCheck: true,
        noEmit: true,
      }
      const tsconfig = `tsconfig.${compiler}.${module}.${file}.json`
      writeFileSync(join(scratch, tsconfig), JSON.stringify({ compilerOptions, files: [file] }))
      expect(await slot(() => tsc(compiler, tsconfig))).toEqual({ status: 0, output: '' })
    },
    120_000,
  )
})

/** Runs `compiler` on the project `tsconfig` in the scratch project. */
function tsc(compiler: Compiler, tsconfig: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, TSC[compiler]), '-p', tsconfig], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', (error) => resolve({ status: null, output: String(error) }))
    child.on('close', (status) => resolve({ status, output }))
  })
}

// Two compilers at a time: more would only compete for the same cores and memory.
let running = 0
const waiting: (() => void)[] = []
async function slot<T>(task: () => Promise<T>): Promise<T> {
  if (running < 2) running++
  else await new Promise<void>((resolve) => waiting.push(resolve))
  try {
    return await task()
  } finally {
    // A freed slot passes straight to the next waiter, so no newcomer can take it in between.
    const next = waiting.shift()
    if (next === undefined) running--
    else next()
  }
}
