import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createServer, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../src/mock/index.js'
import { chromiumForTests } from '../../helpers/chromium.js'
import { startHelper } from '../../contract/kratos/helper-server.js'
import { kratosTarget } from '../../contract/kratos/kratos-target.js'
import { freePort } from '../../helpers/http-server.js'

// examples/nextjs built with `next build`, served by `next start` on 127.0.0.1, against the mock
// Kratos on another loopback port, driven by headless Chromium. Needs the package built (npm test does it).

const app = fileURLToPath(new URL('../../../examples/nextjs', import.meta.url))
const next = fileURLToPath(new URL('../../../node_modules/next/dist/bin/next', import.meta.url))
const cli = fileURLToPath(new URL('../../../dist/mock-cli.js', import.meta.url))
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } as Record<string, string>

const FLOW_LIFESPAN_MS = 10_000
const screenshots = process.env['E2E_SCREENSHOTS']

let kratos: { origin: string }
let appUrl = ''
let browser: Browser
const children: ChildProcess[] = []
const closers: Array<() => Promise<void>> = []

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`)
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not answer within 30 s`)
}

/** The kratos-settings-mock command, as a user's end-to-end test runs it; resolves with the URL it prints. */
async function startMock(args: string[]): Promise<string> {
  const mock = spawn(process.execPath, [cli, ...args, '--identity-schema', `${app}/identity.schema.json`, '--verification-hook', '--flow-lifespan', String(FLOW_LIFESPAN_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(mock)
  return new Promise<string>((resolve, reject) => {
    mock.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0]!.trim()))
    mock.once('exit', (code) => reject(new Error(`kratos-settings-mock exited with ${code}`)))
  })
}

/** `next start` of the built example on 127.0.0.1:`port`, with this environment. */
async function startApp(port: number, appEnv: Record<string, string>): Promise<void> {
  // Its own process group: `next start` runs the server in a child, which must stop with it.
  const server = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: app, env: { ...env, ...appEnv }, stdio: 'ignore', detached: true })
  children.push(server)
  await waitUntilUp(`http://127.0.0.1:${port}`, server)
}

beforeAll(async () => {
  const port = await freePort()
  appUrl = `http://127.0.0.1:${port}`
  // Kratos sends the browser back to the app's /settings after a form post; the mock and the app
  // share the host 127.0.0.1, so the session cookie the mock's sign-in page sets reaches the app.
  const url = await startMock(['--port', String(await freePort()), '--ui-url', appUrl])
  kratos = { origin: new URL(url).origin }
  execFileSync(process.execPath, [next, 'build'], { cwd: app, env, stdio: 'pipe' })
  await startApp(port, { KRATOS_URL: kratos.origin })
  browser = await chromium.launch((await chromiumForTests()).launchOptions)
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all(closers.map((close) => close()))
  for (const child of children) {
    if (child.exitCode !== null || child.pid === undefined) continue
    if (child.spawnargs.includes('start')) process.kill(-child.pid, 'SIGTERM')
    else child.kill('SIGTERM')
  }
})

async function browserWithSession(token?: string): Promise<BrowserContext> {
  const context = await browser.newContext()
  if (token !== undefined) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: appUrl }])
  return context
}

/** Signs in on the mock's own page as the user would: a name and the kind of session. */
async function signInOnMockPage(page: Page, name: string, session: '' | 'aal1' | 'aal2' | 'stale', kratosUrl = kratos.origin): Promise<void> {
  expect(page.url()).toMatch(`${kratosUrl}/mock/login?flow=`)
  const identifier = page.locator('input[name="identifier"]')
  if ((await identifier.getAttribute('readonly')) === null) await identifier.fill(name)
  await page.locator('select[name="mock_session"]').selectOption(session)
  const before = page.url()
  await Promise.all([page.waitForURL((url) => url.href !== before), page.locator('button[type="submit"]').click()])
}

/** A reverse proxy on 127.0.0.1:`port` that forwards everything to `target`, as an ingress in front of Kratos would. */
async function startProxy(port: number, target: { host: string; port: number }): Promise<void> {
  const proxy = createServer((incoming, outgoing) => {
    const upstream = request({ host: target.host, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    upstream.on('error', () => outgoing.writeHead(502).end())
    incoming.pipe(upstream)
  })
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve))
  closers.push(() => new Promise<void>((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve()))))
}

/** Every URL a page requests, and every Location and Set-Cookie it is answered with. */
function watch(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (sent) => seen.push(sent.url()))
  page.on('response', (answer) => seen.push(answer.headers()['location'] ?? '', answer.headers()['set-cookie'] ?? ''))
  return seen
}

const shot = async (page: Page, name: string) => {
  if (screenshots !== undefined) await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true })
}

describe('examples/nextjs against the mock Kratos, in Chromium', () => {
  test('with a session, /settings shows the form and the browser holds the CSRF cookie, byte for byte', async () => {
    const context = await browserWithSession('e2e-session')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    expect(new URL(page.url()).pathname).toBe('/settings')
    await expect(page.locator('h1').textContent()).resolves.toBe('Account settings')
    expect(await page.locator('form[data-group="profile"] input[name="traits.email"]').inputValue()).toBe('e2e-session@example.com')
    const token = await page.locator('form[data-group="profile"] input[name="csrf_token"]').inputValue()
    const csrf = (await context.cookies()).find((cookie) => cookie.name === CSRF_COOKIE)
    expect(csrf).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    // Kratos' cookie is base64 ending in "=": a layer that URL-encodes it would leave "%3D" here.
    expect(csrf?.value).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(token).not.toBe(csrf?.value)
    await context.close()
  })

  test('the form posts to the app, which updates the flow: Kratos’ validation message, then success, with Kratos’ session cookie forwarded byte for byte', async () => {
    // Shaped like Kratos' session cookie (base64url with "=" padding), which Kratos issues again after a save.
    const token = 'MTc2MzY4ODAwMHxlMmUtZWRpdG9yfA='
    const context = await browserWithSession(token)
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    const toKratos: string[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(kratos.origin)) toKratos.push(request.url())
    })
    const profile = page.locator('form[data-group="profile"]')
    // Valid for the browser's own check, but not for Kratos' schema (the mock wants a dot in the domain).
    await profile.locator('input[name="traits.email"]').fill('ada@localhost')
    // The button shows Kratos' label and sends the method as its value.
    await expect(profile.locator('button[name="method"]').textContent()).resolves.toBe('Save')
    await Promise.all([page.waitForURL(/\/settings\?flow=/), profile.locator('button[name="method"]').click()])
    const flowId = new URL(page.url()).searchParams.get('flow')
    await expect(profile.locator('[data-message-type="error"]').textContent()).resolves.toBe('Enter a valid email address')
    expect(await profile.locator('input[name="traits.email"]').inputValue()).toBe('ada@localhost')
    await expect(page.locator('p[role="status"]').count()).resolves.toBe(0)

    await profile.locator('input[name="traits.email"]').fill('ada@example.org')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('p[role="status"]').first().textContent()).resolves.toBe('Saved.')
    expect(new URL(page.url()).searchParams.get('flow')).toBe(flowId)
    expect(await profile.locator('input[name="traits.email"]').inputValue()).toBe('ada@example.org')
    await expect(profile.locator('[data-message-type="error"]').count()).resolves.toBe(0)
    // The browser never posted to Kratos itself: app/settings/update did.
    expect(toKratos).toEqual([])
    const session = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)
    expect(session).toMatchObject({ value: token, httpOnly: true, sameSite: 'Lax', path: '/' })
    // Kratos' Set-Cookie came with an expiry: the forwarded cookie is no longer a session-only one.
    expect(session?.expires).toBeGreaterThan(Date.now() / 1000)
    await context.close()
  })

  test('a session too old to change the email: the user signs in again on Kratos’ page and the change is applied (continuity)', async () => {
    const context = await browserWithSession('stale-e2e')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.email"]').fill('renewed@example.org')
    await Promise.all([page.waitForURL((url) => url.origin === kratos.origin), profile.locator('button[name="method"]').click()])
    await shot(page, '5-reauthenticate')
    await expect(page.locator('h1').textContent()).resolves.toBe('Confirm it is you')
    await signInOnMockPage(page, 'stale-e2e', '')
    expect(page.url()).toMatch(`${appUrl}/settings?flow=`)
    expect(await profile.locator('input[name="traits.email"]').inputValue()).toBe('renewed@example.org')
    await context.close()
  })

  test('a form post without the CSRF cookie: a new form, saying why, which then saves', async () => {
    const context = await browserWithSession('e2e-csrf')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    await context.clearCookies({ name: CSRF_COOKIE })
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.email"]').fill('csrf@example.org')
    await Promise.all([page.waitForURL(/notice=csrf/), profile.locator('button[name="method"]').click()])
    await shot(page, '4-csrf')
    await expect(page.locator('p[role="alert"]').textContent()).resolves.toBe('Your browser’s security cookie did not match, so here is a new form. Please try again.')
    await profile.locator('input[name="traits.email"]').fill('csrf@example.org')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('p[role="status"]').first().textContent()).resolves.toBe('Saved.')
    await context.close()
  })

  test('a flow that expired while the form was open: a new form, saying why', async () => {
    const context = await browserWithSession('e2e-expired')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    await page.waitForTimeout(FLOW_LIFESPAN_MS + 500)
    const profile = page.locator('form[data-group="profile"]')
    await Promise.all([page.waitForURL(/notice=restarted/), profile.locator('button[name="method"]').click()])
    await shot(page, '3-expired')
    await expect(page.locator('p[role="alert"]').textContent()).resolves.toBe('That form had expired, so here is a new one. Please try again.')
    await context.close()
  }, 30_000)

  test('a checkbox trait is saved checked and unchecked', async () => {
    const context = await browserWithSession('e2e-checkbox')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    const box = page.locator('form[data-group="profile"] input[type="checkbox"][name="traits.newsletter"]')
    expect(await box.isChecked()).toBe(false)
    for (const checked of [true, false]) {
      await box.setChecked(checked)
      await page.locator('form[data-group="profile"] button[name="method"]').click()
      await expect(page.locator('p[role="status"]').first().textContent()).resolves.toBe('Saved.')
      expect(await box.isChecked()).toBe(checked)
    }
    await context.close()
  })

  test('a flow Kratos does not know (expired and cleaned up, or never made): the page starts a new one, which saves', async () => {
    const context = await browserWithSession('e2e-restart')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings?flow=00000000-0000-4000-8000-000000000000`)
    const flowId = new URL(page.url()).searchParams.get('flow')
    expect(flowId).toMatch(/^[0-9a-f-]{36}$/)
    expect(flowId).not.toBe('00000000-0000-4000-8000-000000000000')
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('p[role="status"]').first().textContent()).resolves.toBe('Saved.')
    await context.close()
  })

  test('a post the form cannot send (no flow id, an unknown method) is a 400 from the update route, not a 500', async () => {
    for (const [path, form] of [
      ['/settings/update', { method: 'profile' }],
      ['/settings/update?flow=x', { method: 'nonsense' }],
    ] as const) {
      const response = await fetch(`${appUrl}${path}`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' })
      expect(response.status).toBe(400)
    }
  })

  test('without a session: Kratos’ login, the mock’s sign-in page, and back to the settings form', async () => {
    const context = await browserWithSession()
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    await shot(page, '1-sign-in')
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in')
    await signInOnMockPage(page, 'grace', '')
    expect(page.url()).toMatch(`${appUrl}/settings?flow=`)
    expect(await page.locator('form[data-group="profile"] input[name="traits.email"]').inputValue()).toBe('grace@example.com')
    await shot(page, '2-settings')
    await context.close()
  })

  test('a session without its second factor: Kratos’ second-factor page, then back to the settings form', async () => {
    const context = await browserWithSession()
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    await signInOnMockPage(page, 'e2e-aal1', 'aal1')
    expect(page.url()).toMatch(`${kratos.origin}/mock/login?flow=`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Second factor')
    await shot(page, '6-second-factor')
    await signInOnMockPage(page, 'e2e-aal1', 'aal2')
    expect(page.url()).toMatch(`${appUrl}/settings?flow=`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Account settings')
    await context.close()
  })

  test('an email change asks for verification: the page says where the link went', async () => {
    const context = await browserWithSession('e2e-verify')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.email"]').fill('verify-me@example.org')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('p[role="status"]').nth(1).textContent()).resolves.toBe('We sent a verification link to verify-me@example.org.')
    await shot(page, '7-verification')
    await context.close()
  })
})

// A split deployment: the app's server reaches Kratos at an internal address (the mock on
// 127.0.0.2), browsers at a public one (a reverse proxy on 127.0.0.1, the app's host, so cookies are
// shared). The browser must never see the internal address.
describe('examples/nextjs with Kratos at one address for the server and another for browsers, in Chromium', () => {
  const internal = { host: '127.0.0.2', port: 0 }
  let publicUrl = ''
  let splitApp = ''

  beforeAll(async () => {
    internal.port = await freePort()
    const proxyPort = await freePort()
    publicUrl = `http://127.0.0.1:${proxyPort}`
    const appPort = await freePort()
    splitApp = `http://127.0.0.1:${appPort}`
    await startProxy(proxyPort, internal)
    await startMock(['--host', internal.host, '--port', String(internal.port), '--public-url', publicUrl, '--ui-url', splitApp])
    await startApp(appPort, { KRATOS_URL: `http://${internal.host}:${internal.port}`, KRATOS_BROWSER_URL: publicUrl })
  }, 120_000)

  test('sign-in, a save and a second factor go through the public address only', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const seen = watch(page)
    await page.goto(`${splitApp}/settings`)
    expect(page.url()).toMatch(`${publicUrl}/mock/login?flow=`)
    await signInOnMockPage(page, 'split', 'aal1', publicUrl)
    // Kratos built this second-factor login's return_to from the host the app's request told it.
    expect(page.url()).toMatch(`${publicUrl}/mock/login?flow=`)
    await signInOnMockPage(page, 'split', 'aal2', publicUrl)
    expect(page.url()).toMatch(`${splitApp}/settings?flow=`)
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.name.first"]').fill('Split')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('p[role="status"]').first().textContent()).resolves.toBe('Saved.')
    seen.push(await page.content())
    expect(seen.filter((text) => text.includes(internal.host))).toEqual([])
    expect(seen.some((text) => text.startsWith(`${publicUrl}/self-service/login/browser?aal=aal2&return_to=${encodeURIComponent(`${publicUrl}/self-service/settings/browser`)}`))).toBe(true)
    await context.close()
  })
})

// The same split against a running Kratos (test/contract/kratos/config: kratos.yml + split.yml), when
// KRATOS_SPLIT_URL and KRATOS_SPLIT_ADMIN_URL name it: Kratos listens on 127.0.0.1:4473, its public URL
// is a proxy on 127.0.0.1:4470, and the app runs on 127.0.0.1:4455, where split.yml sends browsers.
const split = { url: process.env['KRATOS_SPLIT_URL'], admin: process.env['KRATOS_SPLIT_ADMIN_URL'] }
describe.runIf(split.url !== undefined && split.admin !== undefined)('examples/nextjs against a running Kratos at one address for the server and another for browsers', () => {
  const PUBLIC = 'http://127.0.0.1:4470'
  const APP = 'http://127.0.0.1:4455'
  const internal = new URL(split.url ?? 'http://127.0.0.1:4473')
  let stopHelper: () => Promise<void> = async () => {}

  beforeAll(async () => {
    stopHelper = await startHelper()
    await startProxy(4470, { host: internal.hostname, port: Number(internal.port) })
    await startApp(4455, { KRATOS_URL: internal.origin, KRATOS_BROWSER_URL: PUBLIC })
  }, 120_000)
  afterAll(() => stopHelper())

  /** A browser holding the session Kratos' own login gave `user`, signed in through the public address. */
  const signedIn = async (options: Parameters<ReturnType<typeof kratosTarget>['user']>[0]) => {
    const user = await kratosTarget('split', `${PUBLIC}/`, split.admin!).user(options)
    const context = await browser.newContext()
    await context.addCookies([...user.browser.cookies].map(([name, value]) => ({ name, value, url: APP })))
    return context
  }

  test('a save goes through the app; a second factor is asked for at the public address, coming back there', async () => {
    const context = await signedIn({})
    const page = await context.newPage()
    const seen = watch(page)
    await page.goto(`${APP}/settings`)
    expect(page.url()).toMatch(`${APP}/settings?flow=`)
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.name.first"]').fill('Split')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('p[role="status"]').first().textContent()).resolves.toBe('Saved.')

    const second = await signedIn({ totp: true, aal1: true })
    const secondPage = await second.newPage()
    const secondSeen = watch(secondPage)
    await secondPage.goto(`${APP}/settings`).catch(() => undefined)
    // Kratos' login UI (split.yml keeps kratos.yml's, which nobody serves) with an aal2 flow.
    expect(secondPage.url()).toMatch(`${APP}/ui/login?flow=`)
    const login = secondSeen.find((url) => url.startsWith(`${PUBLIC}/self-service/login/browser?aal=aal2`))
    expect(new URL(login!).searchParams.get('return_to')).toBe(`${PUBLIC}/self-service/settings/browser?return_to=%2Fsettings`)
    expect([...seen, ...secondSeen].filter((text) => text.includes(`:${internal.port}`))).toEqual([])
    await context.close()
    await second.close()
  })
})
