import { describe, expect, test } from 'vitest'
import { createMockKratos, SESSION_COOKIE, type MockKratosOptions } from '../../../src/mock/index.js'

const BASE = 'http://kratos.test'
const APP = 'http://app.test'

/** A browser against the mock handler: keeps cookies, never follows a redirect by itself. */
function browser(options: Partial<MockKratosOptions> = {}) {
  const kratos = createMockKratos({ baseUrl: BASE, uiUrl: `${APP}/ui`, allowedReturnUrls: [`${APP}/`], ...options })
  const cookies = new Map<string, string>()
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (!headers.has('accept')) headers.set('accept', 'text/html')
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = (await kratos(new Request(url, { ...init, headers })))!
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = ''] = pair.split('=', 1)
      if (/Max-Age=0/.test(line)) cookies.delete(name)
      else cookies.set(name, pair.slice(name.length + 1))
    }
    return response
  }
  /** Fills in the sign-in page's form as a user would, and submits it. */
  const signInOnPage = async (pageUrl: string, identifier: string, session: string) => {
    const html = await (await send(pageUrl)).text()
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&')
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(html)![1]!
    const body = new URLSearchParams({ csrf_token: csrf, method: 'password', identifier, mock_session: session })
    return send(action, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
  return { send, cookies, signInOnPage }
}

const location = (response: Response) => response.headers.get('location')!

describe("signing in on the mock's own page", () => {
  test('a browser without a session goes to the login, signs in, and comes back to return_to', async () => {
    const b = browser()
    const start = await b.send(`${BASE}/self-service/settings/browser?return_to=${encodeURIComponent(`${APP}/settings`)}`)
    expect(location(start)).toBe(`${BASE}/self-service/login/browser?return_to=${encodeURIComponent(`${APP}/settings`)}`)
    const login = await b.send(location(start))
    expect(login.status).toBe(303)
    expect(location(login)).toMatch(new RegExp(`^${BASE}/mock/login\\?flow=[0-9a-f-]{36}$`))
    const signedIn = await b.signInOnPage(location(login), 'grace', 'aal2')
    expect(signedIn.status).toBe(303)
    expect(location(signedIn)).toBe(`${APP}/settings`)
    expect(b.cookies.has(SESSION_COOKIE)).toBe(true)
    const flow = await (await b.send(`${BASE}/self-service/settings/browser`, { headers: { accept: 'application/json' } })).json()
    expect(flow.identity.traits.email).toBe('grace@example.com')
  })

  test('an AAL1 session chosen on the page must add its second factor, as at Kratos', async () => {
    const b = browser()
    const login = await b.send(`${BASE}/self-service/login/browser`)
    await b.signInOnPage(location(login), 'grace', 'aal1')
    const create = await b.send(`${BASE}/self-service/settings/browser`)
    expect(location(create)).toBe(`${BASE}/self-service/login/browser?aal=aal2`)
    const second = await b.send(location(create))
    const page = await (await b.send(location(second))).text()
    expect(page).toContain('<h1>Second factor</h1>')
    await b.signInOnPage(location(second), 'grace', 'aal2')
    expect((await b.send(`${BASE}/self-service/settings/browser`)).headers.get('location')).toMatch(`${APP}/ui/settings?flow=`)
  })

  test('a change refused for an old session is applied after signing in again (continuity)', async () => {
    const b = browser()
    b.cookies.set(SESSION_COOKIE, 'stale-grace')
    const flow = await (await b.send(`${BASE}/self-service/settings/browser`, { headers: { accept: 'application/json' } })).json()
    const csrf = flow.ui.nodes.find((node: any) => node.attributes.name === 'csrf_token').attributes.value
    const body = new URLSearchParams({ method: 'password', csrf_token: csrf, password: 'a-new-Passw0rd-for-grace' })
    const refused = await b.send(`${BASE}/self-service/settings?flow=${flow.id}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(location(refused)).toMatch(`${BASE}/self-service/login/browser?refresh=true`)
    expect(b.cookies.has('ory_kratos_continuity')).toBe(true)
    const login = await b.send(location(refused))
    const page = await (await b.send(location(login))).text()
    expect(page).toContain('<h1>Confirm it is you</h1>')
    expect(page).toContain('value="grace@example.com" readonly')
    const back = await b.signInOnPage(location(login), 'grace@example.com', '')
    expect(location(back)).toBe(`${BASE}/self-service/settings?flow=${flow.id}`)
    const resumed = await b.send(location(back))
    expect(resumed.status).toBe(303)
    expect(resumed.headers.getSetCookie().map((line) => line.split('=')[0])).toEqual(['ory_kratos_continuity', 'ory_kratos_continuity', SESSION_COOKIE])
    expect(b.cookies.has('ory_kratos_continuity')).toBe(false)
    const after = await (await b.send(`${BASE}/self-service/settings/flows?id=${flow.id}`, { headers: { accept: 'application/json' } })).json()
    expect(after.state).toBe('success')
  })

  test('coming back without the continuity cookie applies nothing and goes on to the settings UI', async () => {
    const b = browser()
    b.cookies.set(SESSION_COOKIE, 'grace')
    const flow = await (await b.send(`${BASE}/self-service/settings/browser`, { headers: { accept: 'application/json' } })).json()
    const back = await b.send(`${BASE}/self-service/settings?flow=${flow.id}`)
    expect(location(back)).toBe(`${APP}/ui/settings?flow=${flow.id}`)
    expect((await (await b.send(`${BASE}/self-service/settings/flows?id=${flow.id}`, { headers: { accept: 'application/json' } })).json()).state).toBe('show_form')
  })

  test('a JSON client gets the login flow, signs in, and gets the session; signed in, it gets session_already_available', async () => {
    const b = browser()
    const login = await (await b.send(`${BASE}/self-service/login/browser`, { headers: { accept: 'application/json' } })).json()
    expect(login.ui.nodes.map((node: any) => node.attributes.name)).toEqual(['csrf_token', 'identifier', 'password', 'method'])
    const csrf = login.ui.nodes[0].attributes.value
    const answer = await b.send(login.ui.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', identifier: 'ada', password: 'x', csrf_token: csrf }),
    })
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({
      session: { active: true, identity: { traits: { email: 'ada@example.com' } } },
      continue_with: [{ action: 'redirect_browser_to', redirect_browser_to: `${APP}/` }],
    })
    const again = await b.send(`${BASE}/self-service/login/browser`, { headers: { accept: 'application/json' } })
    expect(again.status).toBe(400)
    expect((await again.json()).error.id).toBe('session_already_available')
  })

  test('a login without the CSRF token, for an unknown flow, or to a return_to not allowed is refused as Kratos refuses it', async () => {
    const b = browser()
    const login = await (await b.send(`${BASE}/self-service/login/browser`, { headers: { accept: 'application/json' } })).json()
    const post = (url: string, body: object) => b.send(url, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await (await post(login.ui.action, { method: 'password', identifier: 'ada' })).json()).error.id).toBe('security_csrf_violation')
    expect((await post(`${BASE}/self-service/login?flow=${crypto.randomUUID()}`, { identifier: 'ada' })).status).toBe(404)
    const forbidden = await b.send(`${BASE}/self-service/login/browser?return_to=${encodeURIComponent('https://evil.example/')}`, { headers: { accept: 'application/json' } })
    expect((await forbidden.json()).error.id).toBe('self_service_flow_return_to_forbidden')
    expect(b.cookies.has(SESSION_COOKIE)).toBe(false)
  })

  test('the page shows a hostile return_to only as an inert URL', async () => {
    const b = browser({ allowedReturnUrls: ['http://app.test/'] })
    b.cookies.set(SESSION_COOKIE, 'stale-x')
    const login = await b.send(`${BASE}/self-service/login/browser?refresh=true&return_to=${encodeURIComponent('http://app.test/"><script>alert(1)</script>')}`)
    const page = await (await b.send(location(login))).text()
    expect(page).not.toContain('<script>')
    expect(page).toContain('<code>http://app.test/%22%3E%3Cscript%3Ealert(1)%3C/script%3E</code>')
  })

  test('an unknown flow on the page starts a new login; loginUiUrl and errorUiUrl send browsers to the app instead', async () => {
    const b = browser()
    expect(location(await b.send(`${BASE}/mock/login?flow=nope`))).toBe(`${BASE}/self-service/login/browser`)
    const app = browser({ loginUiUrl: `${APP}/login`, errorUiUrl: `${APP}/error` })
    expect(location(await app.send(`${BASE}/self-service/login/browser`))).toMatch(`${APP}/login?flow=`)
    expect(location(await app.send(`${BASE}/self-service/settings/flows?id=x`))).toBe(`${APP}/login`)
    app.cookies.set(SESSION_COOKIE, 'ada')
    expect(location(await app.send(`${BASE}/self-service/settings/browser?return_to=https%3A%2F%2Fevil.example%2F`))).toMatch(`${APP}/error?id=`)
  })
})

describe('CORS (serve.public.cors with credentials)', () => {
  const PAGE = 'http://localhost:5173'
  const kratos = createMockKratos({ baseUrl: BASE, corsOrigins: [PAGE] })
  const create = (origin?: string) =>
    kratos(new Request(`${BASE}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=ada`, ...(origin === undefined ? {} : { origin }) } }))

  test('an allowed origin reads credentialed answers, Set-Cookie exposed; another origin, or none, gets no CORS header', async () => {
    const allowed = (await create(PAGE))!
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PAGE)
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('vary')).toContain('Origin')
    for (const origin of ['http://evil.example', 'null', undefined]) {
      const response = (await create(origin))!
      expect(
        [...response.headers.keys()].filter((name) => name.startsWith('access-control-')),
        String(origin),
      ).toEqual([])
    }
    const without = createMockKratos({ baseUrl: BASE })
    const answer = (await without(new Request(`${BASE}/self-service/settings/browser`, { headers: { accept: 'application/json', origin: PAGE } })))!
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a preflight for a JSON POST is allowed for the origin, refused (no CORS header) for another origin or header', async () => {
    const preflight = (origin: string, headers = 'content-type') =>
      kratos(new Request(`${BASE}/self-service/settings?flow=x`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } }))
    const ok = (await preflight(PAGE))!
    expect(ok.status).toBe(204)
    expect(Object.fromEntries([...ok.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': PAGE,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    })
    for (const refused of [await preflight('http://evil.example'), await preflight(PAGE, 'content-type, x-evil')]) {
      expect(refused!.status).toBe(204)
      expect(refused!.headers.get('access-control-allow-origin')).toBeNull()
    }
  })
})
