import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { EdgeVM } from '@edge-runtime/vm'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { chromium } from 'playwright-core'
import puppeteer from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../src/mock/index.js'
import { chromiumForTests } from '../../helpers/chromium.js'
import { freePort, startServer } from '../../helpers/http-server.js'
import { corsHeaders, serveMockKratos } from '../../helpers/serve-mock-kratos.js'
import { CASES, DIFFERENCES, TWO_COOKIES, type CaseId, type CaseResult, type RuntimeConfig, type RuntimeReport } from './cases.js'
import { NODE22 } from '../../../scripts/install-node22.mjs'

// The runtime conformance suite: cases.ts bundled with the package's build (dist/: `npm test` builds
// first), run in eight runtimes at once against servers on 127.0.0.1; each cell is checked against
// what that runtime is expected to do, and the whole is printed as one table.

const root = fileURLToPath(new URL('../../..', import.meta.url))
const bin = (path: string) => join(root, 'node_modules', path)
const requireFromHere = createRequire(import.meta.url)
const CURRENT_NODE = process.execPath
const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr'
// workerd refuses a date after its own release; a fixed one keeps the run the same from day to day.
const COMPATIBILITY_DATE = '2026-08-01'
const RUN_TIMEOUT_MS = 60_000

type Results = Record<CaseId, CaseResult>

/** The bundle for each way of reporting (entry.ts), and where the processes and the browsers find theirs. */
interface Bundles {
  readonly response: string
  readonly global: string
  /** The ESM bundle that prints its report, on disk. */
  readonly file: string
  /** A page on 127.0.0.1 that runs the global bundle: another port than the mock's, so calls are cross-origin. */
  readonly pageUrl: string
}

interface Target {
  /** The test's name. */
  readonly name: string
  /** The column's name, before the version. */
  readonly column: string
  /** What the report's `runtime` (navigator.userAgent, or the EdgeRuntime global) must match: proof of who ran the bundle. */
  readonly runtime: RegExp
  readonly browser: boolean
  /** Runs the cases; resolves with the runtime's version and its report, as JSON. */
  run(bundles: Bundles): Promise<{ version: string; report: string }>
}

const execFileAsync = promisify(execFile)
const tail = (text: string | undefined) => text?.trim().slice(-2000) || '(nothing)'

/** Runs the bundle in a process that prints its report (the last line of its output), and asks it its version. */
async function runProcess(command: string, args: string[], file: string, env: Record<string, string> = {}) {
  const options = { cwd: dirname(file), timeout: RUN_TIMEOUT_MS, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', ...env } }
  try {
    const [version, { stdout }] = await Promise.all([execFileAsync(command, ['--version'], options), execFileAsync(command, [...args, file], options)])
    return { version: /\d+\.\d+\.\d+\S*/.exec(version.stdout)?.[0] ?? version.stdout, report: stdout.trim().split('\n').at(-1)! }
  } catch (error) {
    const { killed, code, stdout, stderr } = error as { killed?: boolean; code?: unknown; stdout?: string; stderr?: string }
    throw new Error(`${killed ? `still running after ${RUN_TIMEOUT_MS / 1000} s` : `exit ${String(code)}`}; stdout: ${tail(stdout)}; stderr: ${tail(stderr)}`, { cause: error })
  }
}

/** The page's report, or an error that shows what went wrong in the page. */
async function pageReport(
  page: { goto(url: string): Promise<unknown>; evaluate(expression: string): Promise<unknown>; on(event: 'pageerror', listener: (error: unknown) => void): unknown },
  url: string,
) {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)))
  await page.goto(url)
  try {
    return String(await page.evaluate('globalThis.runtimeReport'))
  } catch (error) {
    throw new Error(`the page gave no report (${errors.join('; ') || 'no page error'})`, { cause: error })
  }
}

const TARGETS: readonly Target[] = [
  { name: 'Node 22.0.0', column: 'Node', runtime: /^Node\.js\/22$/, browser: false, run: ({ file }) => runProcess(NODE22, [], file) },
  { name: 'Node (current)', column: 'Node', runtime: /^Node\.js\/\d+$/, browser: false, run: ({ file }) => runProcess(CURRENT_NODE, [], file) },
  { name: 'Bun', column: 'Bun', runtime: /^Bun\//, browser: false, run: ({ file }) => runProcess(bin('@oven/bun-linux-x64/bin/bun'), [], file, { DO_NOT_TRACK: '1' }) },
  {
    name: 'Deno',
    column: 'Deno',
    runtime: /^Deno\//,
    browser: false,
    run: ({ file }) => runProcess(bin('@deno/linux-x64-glibc/deno'), ['run', '--allow-net=127.0.0.1', '--no-prompt'], file, { DENO_NO_UPDATE_CHECK: '1' }),
  },
  {
    name: 'workerd (miniflare)',
    column: 'workerd',
    runtime: /^Cloudflare-Workers$/,
    browser: false,
    async run({ response }) {
      // cf: false, or miniflare would download the values of request.cf.
      const worker = new Miniflare({ modules: true, script: response, compatibilityDate: COMPATIBILITY_DATE, cf: false })
      try {
        const report = await (await worker.dispatchFetch('http://localhost/')).text()
        const { version } = createRequire(requireFromHere.resolve('miniflare'))('workerd/package.json') as { version: string }
        return { version, report }
      } finally {
        await worker.dispose()
      }
    },
  },
  {
    name: 'Edge Runtime (@edge-runtime/vm)',
    column: 'Edge Runtime',
    runtime: /^edge-runtime$/,
    browser: false,
    async run({ global }) {
      const vm = new EdgeVM()
      vm.evaluate(global)
      const { version } = requireFromHere('@edge-runtime/vm/package.json') as { version: string }
      return { version: `(@edge-runtime/vm ${version})`, report: await vm.evaluate<Promise<string>>('globalThis.runtimeReport') }
    },
  },
  {
    name: 'Chromium',
    column: 'Chromium',
    runtime: /Chrome\//,
    browser: true,
    async run({ pageUrl }) {
      const { launchOptions } = await chromiumForTests()
      // Loopback goes direct; anything else would go to a proxy where nothing listens.
      const browser = await chromium.launch({ ...launchOptions, args: [...launchOptions.args, '--proxy-server=127.0.0.1:9'], headless: true })
      try {
        return { version: browser.version(), report: await pageReport(await browser.newPage(), pageUrl) }
      } finally {
        await browser.close()
      }
    },
  },
  {
    name: 'Firefox ESR',
    column: 'Firefox ESR',
    runtime: /Firefox\//,
    browser: true,
    async run({ pageUrl }) {
      if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: install Debian's firefox-esr (.ci/run does), or set FIREFOX_PATH`)
      const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi', extraPrefsFirefox: LOOPBACK_ONLY })
      try {
        const report = await pageReport(await browser.newPage(), pageUrl)
        return { version: (await browser.version()).replace(/^firefox\//i, ''), report }
      } finally {
        await browser.close()
      }
    },
  },
]

/** Firefox prefs that keep it on 127.0.0.1: no background services, and a proxy where nothing listens for anything not on loopback. */
const LOOPBACK_ONLY = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
}

const PASS = Object.fromEntries(Object.keys(CASES).map((id) => [id, 'pass'])) as Results
const SERVER_EXPECTED: Results = { ...PASS, credentials: `expected: ${DIFFERENCES.noCookieJar}`, cookieArgument: `expected: ${DIFFERENCES.cookieArgumentSent}` }
const BROWSER_EXPECTED: Results = { ...PASS, redirect: `expected: ${DIFFERENCES.opaqueRedirect}`, setCookie: `expected: ${DIFFERENCES.hiddenSetCookie}` }
const expectedFor = (target: Target): Results => (target.browser ? BROWSER_EXPECTED : SERVER_EXPECTED)

/** 64 KiB in 1 KiB chunks, with no Content-Length: only reading the stream finds it too large. */
function bigBody(request: IncomingMessage, response: ServerResponse) {
  response.writeHead(200, { 'content-type': 'application/json', ...corsHeaders(request.headers.origin) })
  for (let i = 0; i < 64; i++) response.write(' '.repeat(1024))
  response.end('{}')
}

function twoCookies(request: IncomingMessage, response: ServerResponse) {
  response.writeHead(303, { location: '/', 'set-cookie': TWO_COOKIES, ...corsHeaders(request.headers.origin) }).end()
}

type ReportTo = 'stdout' | 'response' | 'global'

/** The bundle for one way of reporting: the package as published (its exports, not tsconfig's paths to src/), the config inlined. */
async function bundle(reportTo: ReportTo, config: RuntimeConfig): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: reportTo === 'global' ? 'iife' : 'esm',
    platform: 'neutral',
    target: 'es2022',
    tsconfigRaw: '{}',
    define: { RUNTIME_CONFIG: JSON.stringify(config), REPORT_TO: JSON.stringify(reportTo) },
    logLevel: 'silent',
  })
  return outputFiles[0]!.text
}

interface Outcome {
  readonly version?: string
  readonly report?: RuntimeReport
  readonly error?: string
  readonly seconds: number
}

async function runTarget(target: Target, bundles: Bundles): Promise<Outcome> {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  try {
    const { version, report } = await target.run(bundles)
    try {
      return { version, report: JSON.parse(report) as RuntimeReport, seconds: seconds() }
    } catch {
      throw new Error(`its report is not JSON: ${tail(report)}`)
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), seconds: seconds() }
  }
}

/** The runtime × case table in Markdown: ✓ passes, "— (n)" a documented difference (note n), "✗ (n)" a failure (note n). */
function matrix(outcomes: ReadonlyMap<Target, Outcome>): string {
  const notes: string[] = []
  const note = (text: string) => `(${(notes.includes(text) ? notes.indexOf(text) : notes.push(text) - 1) + 1})`
  const cell = (target: Target, outcome: Outcome, id: CaseId) => {
    const result = outcome.report?.results[id] ?? `fail: no report: ${outcome.error ?? 'it did not run'}`
    if (result === 'pass') return '✓'
    if (result.startsWith('expected: ')) return `— ${note(result.slice('expected: '.length))}`
    return `✗ ${note(`${target.name}: ${result}`)}`
  }
  const columns = [...outcomes]
  const header = columns.map(([target, outcome]) => (outcome.version === undefined ? target.name : `${target.column} ${outcome.version}`))
  const rows = (Object.keys(CASES) as CaseId[]).map((id) => `| ${CASES[id].title} | ${columns.map(([target, outcome]) => cell(target, outcome, id)).join(' | ')} |`)
  const timing = columns.map(([target, outcome]) => `${target.name} ${outcome.seconds.toFixed(1)} s`).join(', ')
  return [
    'Runtime conformance (test/package/runtimes): ✓ passes; — differs as documented, and was checked to; ✗ fails.',
    '',
    `| Case | ${header.join(' | ')} |`,
    `|---|${header.map(() => '---|').join('')}`,
    ...rows,
    '',
    ...notes.map((text, i) => `(${i + 1}) ${text}`),
    '',
    `Time per runtime, all at once: ${timing}.`,
  ].join('\n')
}

const outcomes = new Map<Target, Outcome>()
const servers: Array<{ close(): Promise<void> }> = []
let scratch = ''
let pageOrigin = ''

describe('the runtime conformance suite', () => {
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/index.cjs'))) throw new Error('no build in dist/: run npm run build (npm test builds first)')
    // The browsers' page is served from its own loopback port; the mock allows that origin by CORS.
    let pageScripts = { global: '' }
    const page = await startServer((request, reply) => {
      if (request.url === '/runtime.js') reply.writeHead(200, { 'content-type': 'text/javascript' }).end(pageScripts.global)
      else reply.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>runtime conformance</title><script src="/runtime.js"></script>')
    })
    const [kratos, hanging, big, cookies] = await Promise.all([serveMockKratos('/auth', { corsOrigins: [page.url] }), startServer(() => {}), startServer(bigBody), startServer(twoCookies)])
    servers.push(page, kratos, hanging, big, cookies)
    const config: RuntimeConfig = {
      kratosUrl: kratos.baseUrl,
      hangingUrl: hanging.url,
      bigBodyUrl: big.url,
      twoCookiesUrl: cookies.url,
      closedUrl: `http://127.0.0.1:${await freePort()}`,
      sessionCookie: SESSION_COOKIE,
      csrfCookie: CSRF_COOKIE,
    }
    const [stdout, response, global] = await Promise.all([bundle('stdout', config), bundle('response', config), bundle('global', config)])
    scratch = await mkdtemp(join(tmpdir(), 'kratos-settings-runtimes-'))
    const file = join(scratch, 'runtime.mjs')
    await writeFile(file, stdout)
    pageScripts = { global }
    pageOrigin = page.url
    const bundles: Bundles = { response, global, file, pageUrl: `${page.url}/` }
    const results = await Promise.all(TARGETS.map((target) => runTarget(target, bundles)))
    TARGETS.forEach((target, i) => outcomes.set(target, results[i]!))
  }, RUN_TIMEOUT_MS + 30_000)

  afterAll(async () => {
    if (outcomes.size > 0) console.log(matrix(outcomes))
    await Promise.all(servers.map((server) => server.close()))
    if (scratch !== '') await rm(scratch, { recursive: true, force: true })
  })

  // Firefox comes from Debian, not npm: where it is not installed, npm test says so and goes on; CI installs it.
  const firefoxMissing = !existsSync(FIREFOX) && process.env['CI'] !== 'true'
  if (firefoxMissing) console.log(`runtimes: Firefox ESR not run (no ${FIREFOX}; install Debian's firefox-esr or set FIREFOX_PATH)`)

  const tested = TARGETS.filter((target) => !(firefoxMissing && target.name === 'Firefox ESR'))
  if (firefoxMissing) test.skip('Firefox ESR (not installed)', () => {})

  test.each(tested.map((target) => [target.name, target] as const))('%s', (_, target) => {
    const outcome = outcomes.get(target)
    if (outcome?.report === undefined) throw new Error(`${target.name} gave no report: ${outcome?.error ?? 'it did not run'}`)
    expect(outcome.report.runtime, 'who ran the bundle').toMatch(target.runtime)
    // The page's own origin: another port than the mock Kratos', so every call was cross-origin.
    if (target.browser) expect(outcome.report.origin, 'where the page was').toBe(pageOrigin)
    expect(outcome.report.results).toEqual(expectedFor(target))
  })
})
