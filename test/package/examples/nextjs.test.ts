import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../src/mock/index.js'
import { chromiumForTests } from '../../helpers/chromium.js'
import { freePort } from '../../helpers/http-server.js'

// examples/nextjs built with `next build`, served by `next start` on 127.0.0.1, against the mock
// Kratos on another loopback port, driven by headless Chromium. Needs the package built (npm test does it).

const app = fileURLToPath(new URL('../../../examples/nextjs', import.meta.url))
const next = fileURLToPath(new URL('../../../node_modules/next/dist/bin/next', import.meta.url))
const cli = fileURLToPath(new URL('../../../dist/mock-cli.js', import.meta.url))
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

let kratos: { origin: string }
let mock: ChildProcess | undefined
let appUrl = ''
let server: ChildProcess | undefined
let browser: Browser

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

beforeAll(async () => {
  const port = await freePort()
  appUrl = `http://127.0.0.1:${port}`
  // The mock Kratos as a user's end-to-end test runs it: the kratos-settings-mock command, in its
  // own process. Kratos sends the browser back to the app's /settings after a form post.
  const kratosPort = await freePort()
  mock = spawn(process.execPath, [cli, '--port', String(kratosPort), '--ui-url', appUrl], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    mock!.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0]!.trim()))
    mock!.once('exit', (code) => reject(new Error(`kratos-settings-mock exited with ${code}`)))
  })
  kratos = { origin: new URL(url).origin }

  execFileSync(process.execPath, [next, 'build'], { cwd: app, env, stdio: 'pipe' })
  // Its own process group: `next start` runs the server in a child, which must stop with it.
  server = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app,
    env: { ...env, KRATOS_URL: kratos.origin },
    stdio: 'ignore',
    detached: true,
  })
  await waitUntilUp(appUrl, server)
  browser = await chromium.launch((await chromiumForTests()).launchOptions)
}, 240_000)

afterAll(async () => {
  await browser?.close()
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  mock?.kill('SIGTERM')
})

async function browserWithSession(token?: string): Promise<BrowserContext> {
  const context = await browser.newContext()
  if (token !== undefined) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: appUrl }])
  return context
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
    await expect(page.locator('[role="status"]').count()).resolves.toBe(0)

    await profile.locator('input[name="traits.email"]').fill('ada@example.org')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('[role="status"]').textContent()).resolves.toBe('Saved.')
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

  test('a session too old to change the email: the save sends the browser to Kratos’ login with refresh=true', async () => {
    const context = await browserWithSession('stale-e2e')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.email"]').fill('new@example.org')
    await Promise.all([page.waitForURL((url) => url.origin === kratos.origin), profile.locator('button[name="method"]').click()])
    const landed = new URL(page.url())
    expect(landed.pathname).toBe('/self-service/login/browser')
    expect(landed.searchParams.get('refresh')).toBe('true')
    await context.close()
  })

  test('a form post without the CSRF cookie: the update route says Kratos refused it', async () => {
    const context = await browserWithSession('e2e-csrf')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    await context.clearCookies({ name: CSRF_COOKIE })
    const profile = page.locator('form[data-group="profile"]')
    await profile.locator('input[name="traits.email"]').fill('csrf@example.org')
    await profile.locator('button[name="method"]').click()
    await expect(page.locator('body').textContent()).resolves.toMatch(/^Kratos answered 403: Kratos error security_csrf_violation/)
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
    await expect(page.locator('[role="status"]').textContent()).resolves.toBe('Saved.')
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

  test('without a session, the browser lands on Kratos’ login, coming back to /settings afterwards', async () => {
    const context = await browserWithSession()
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    const landed = new URL(page.url())
    expect(landed.origin + landed.pathname).toBe(`${kratos.origin}/self-service/login/browser`)
    expect(landed.searchParams.get('return_to')).toBe(`${appUrl}/settings`)
    await context.close()
  })

  test('with an AAL1 session, the browser lands on the second-factor login Kratos names', async () => {
    const context = await browserWithSession('aal1')
    const page = await context.newPage()
    await page.goto(`${appUrl}/settings`)
    expect(page.url()).toBe(`${kratos.origin}/self-service/login/browser?aal=aal2`)
    await context.close()
  })
})
