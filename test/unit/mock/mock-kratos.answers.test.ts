import { describe, expect, test } from 'vitest'
import { getCsrfToken, isNodeType, type SettingsFlow } from '../../../src/index.js'
import { DEFAULT_FLOW_LIFESPAN_MS } from '../../../src/mock/fixtures.js'
import { createMockKratos, CSRF_COOKIE, SESSION_COOKIE } from '../../../src/mock/index.js'
import { BASE, harness, type Harness } from '../../contract/behaviour/harness.js'

type Json = Record<string, any>

const PASSWORD = 'correct horse battery staple'
const LOGIN = `${BASE}/self-service/login/browser`
const JSON_HEADERS = { accept: 'application/json' }

const inputs = (flow: SettingsFlow) => flow.ui.nodes.flatMap((node) => (isNodeType(node, 'input') ? [[node.attributes.name, node.attributes.value] as const] : []))

const passwordChange = (flow: SettingsFlow) => ({ method: 'password', password: PASSWORD, csrf_token: getCsrfToken(flow) })

function post(h: Harness, flowId: string, body: string, headers: Record<string, string>) {
  return h.send(new Request(`${BASE}/self-service/settings?flow=${flowId}`, { method: 'POST', headers, body }))
}

describe('session cookies', () => {
  test('a session token holding "=" is read whole, and re-issued as it was after a save', async () => {
    const h = harness()
    const s = await h.start('tok=en')
    const saved = await h.update(s.flow.id, passwordChange(s.flow), s.cookie)
    expect(saved.status).toBe(200)
    expect(saved.headers.getSetCookie()[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=tok=en; Path=/;`))
    expect((await h.get(s.flow.id, `${SESSION_COOKIE}=token`)).status).toBe(403)
  })

  test('an empty session cookie is no session: 401 session_inactive', async () => {
    const response = await harness().create(`${SESSION_COOKIE}=`)
    expect(response.status).toBe(401)
    expect(((await response.json()) as Json)['error'].id).toBe('session_inactive')
  })

  test("an aal1 session's identity has a second factor, which its full session can remove", async () => {
    const h = harness()
    expect((await h.create(`${SESSION_COOKIE}=aal1-bob`)).status).toBe(403)
    const s = await h.start('bob')
    const unlink = { totp_unlink: true, csrf_token: getCsrfToken(s.flow) }
    const removed = await h.update(s.flow.id, unlink, s.cookie)
    expect(removed.status).toBe(200)
    expect(((await removed.json()) as SettingsFlow).state).toBe('success')
    expect((await h.update(s.flow.id, unlink, s.cookie)).status).toBe(400)
  })

  test('a session is privileged for an hour by default: a password change 30 minutes in needs no new login', async () => {
    const h = harness()
    const s = await h.start()
    h.advance(30 * 60_000)
    const response = await h.update(s.flow.id, passwordChange(s.flow), s.cookie)
    expect(response.status).toBe(200)
  })
})

describe('configuration', () => {
  test('a baseUrl with a trailing slash serves the endpoints under it', async () => {
    const kratos = createMockKratos({ baseUrl: 'http://kratos.test/auth/' })
    const response = (await kratos(new Request('http://kratos.test/auth/self-service/settings/browser', { headers: { ...JSON_HEADERS, cookie: `${SESSION_COOKIE}=ada` } })))!
    expect(response.status).toBe(200)
    const flow = (await response.json()) as SettingsFlow
    expect(flow.ui.action).toBe(`http://kratos.test/auth/self-service/settings?flow=${flow.id}`)
  })

  test('a uiUrl with a trailing slash sends browsers to <uiUrl>settings, without a double slash', async () => {
    const kratos = createMockKratos({ baseUrl: BASE, uiUrl: 'http://app.test/ui/' })
    const response = (await kratos(new Request(`${BASE}/self-service/settings/browser`, { headers: { accept: 'text/html', cookie: `${SESSION_COOKIE}=ada` } })))!
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/^http:\/\/app\.test\/ui\/settings\?flow=[0-9a-f-]{36}$/)
  })

  test('on an https base URL the CSRF and session cookies are Secure', async () => {
    const base = 'https://kratos.test'
    const kratos = createMockKratos({ baseUrl: base })
    const send = async (path: string, init: RequestInit) => (await kratos(new Request(`${base}/${path}`, init)))!
    const created = await send('self-service/settings/browser', { headers: { ...JSON_HEADERS, cookie: `${SESSION_COOKIE}=ada` } })
    const csrfCookie = created.headers.getSetCookie()[0]!
    expect(csrfCookie).toMatch(/; HttpOnly; SameSite=Lax; Secure$/)
    const flow = (await created.json()) as SettingsFlow
    const saved = await send(`self-service/settings?flow=${flow.id}`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=ada; ${csrfCookie.split(';')[0]}` },
      body: JSON.stringify(passwordChange(flow)),
    })
    expect(saved.status).toBe(200)
    expect(saved.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/)
  })

  test('on an http base URL no cookie is Secure', async () => {
    const h = harness()
    const created = await h.create(`${SESSION_COOKIE}=ada`)
    expect(created.headers.getSetCookie()[0]).toMatch(new RegExp(`^${CSRF_COOKIE}=[^;]+; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax$`))
    const s = await h.start()
    const saved = await h.update(s.flow.id, passwordChange(s.flow), s.cookie)
    expect(saved.headers.getSetCookie()[0]).toMatch(/; Max-Age=86400; HttpOnly; SameSite=Lax$/)
  })
})

describe('return_to on create', () => {
  test("by default a return_to on the UI's origin is allowed, but only with the UI's scheme", async () => {
    const h = harness()
    const allowed = await h.create(`${SESSION_COOKIE}=ada`, `?return_to=${encodeURIComponent('http://app.test/done')}`)
    expect(allowed.status).toBe(200)
    expect(((await allowed.json()) as SettingsFlow).return_to).toBe('http://app.test/done')
    // x/redir/secure_redirect.go:143-151: the scheme, host and path prefix must all match.
    const otherScheme = await h.create(`${SESSION_COOKIE}=ada`, `?return_to=${encodeURIComponent('https://app.test/done')}`)
    expect(otherScheme.status).toBe(400)
    expect(((await otherScheme.json()) as Json)['error']).toMatchObject({
      id: 'self_service_flow_return_to_forbidden',
      reason: 'Requested return_to URL "https://app.test/done" is not allowed.',
    })
  })

  test("an unparsable return_to is Kratos' id-less 400 Bad Request, for JSON clients and on the error UI", async () => {
    const h = harness()
    const query = `?return_to=${encodeURIComponent('http://[::1')}`
    const response = await h.create(`${SESSION_COOKIE}=ada`, query)
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as Json
    expect(error).toEqual({
      code: 400,
      status: 'Bad Request',
      message: 'The request was malformed or contained invalid parameters',
      reason: expect.stringMatching(/^Unable to parse the return_to query parameter as an URL: ./),
    })

    const browser = await h.create(`${SESSION_COOKIE}=ada`, query, 'text/html')
    expect(browser.status).toBe(303)
    const id = new URL(browser.headers.get('location')!).searchParams.get('id')!
    const stored = await h.send(new Request(`${BASE}/self-service/errors?id=${id}`))
    expect(stored.status).toBe(200)
    expect(await stored.json()).toEqual({ id, error, created_at: expect.stringMatching(/^2026-11-21T12:00:00/), updated_at: expect.stringMatching(/^2026-11-21T12:00:00/) })
  })

  test('an empty or missing return_to is not checked (even when the default return URL is not allowed) and not kept', async () => {
    // x/redir/secure_redirect.go:130-133: an empty return_to means the default, which is not checked.
    const h = harness({ defaultReturnUrl: 'http://elsewhere.test/' })
    for (const query of ['', '?return_to=']) {
      const response = await h.create(`${SESSION_COOKIE}=ada`, query)
      expect(response.status).toBe(200)
      expect(Object.hasOwn((await response.json()) as object, 'return_to')).toBe(false)
    }
  })

  test('an aal1 session asking for a flow with return_to is sent to the aal2 login with return_to = the create URL', async () => {
    const h = harness()
    const response = await h.create(`${SESSION_COOKIE}=aal1`, `?return_to=${encodeURIComponent('http://app.test/done')}`)
    expect(response.status).toBe(403)
    const body = (await response.json()) as Json
    const url = `${LOGIN}?aal=aal2&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%2Fbrowser%3Freturn_to%3Dhttp%253A%252F%252Fapp.test%252Fdone`
    expect(body['redirect_browser_to']).toBe(url)
    expect(body['error']).toMatchObject({ id: 'session_aal2_required', details: { redirect_browser_to: url } })
  })

  // selfservice/flow/settings/handler.go:376-378: only a non-empty return_to puts the request URL into the login URL.
  test('an aal1 session asking with an empty return_to is sent to the aal2 login without return_to', async () => {
    const response = await harness().create(`${SESSION_COOKIE}=aal1`, '?return_to=')
    expect(((await response.json()) as Json)['redirect_browser_to']).toBe(`${LOGIN}?aal=aal2`)
  })
})

describe('the flow form', () => {
  test("a new flow's inputs hold the identity's current traits, and its submit buttons their method", async () => {
    const h = harness()
    const s = await h.start()
    const traits = { email: 'grace@example.com', name: { first: 'Grace', last: 'Hopper' } }
    expect((await h.update(s.flow.id, { method: 'profile', traits, csrf_token: getCsrfToken(s.flow) }, s.cookie)).status).toBe(200)
    const next = await h.start()
    expect(inputs(next.flow).slice(0, 7)).toEqual([
      ['csrf_token', getCsrfToken(next.flow)],
      ['traits.email', 'grace@example.com'],
      ['traits.name.first', 'Grace'],
      ['traits.name.last', 'Hopper'],
      ['method', 'profile'],
      ['password', undefined],
      ['method', 'password'],
    ])
  })
})

describe('expiry', () => {
  test('a flow is still valid at the instant it expires, for get and update', async () => {
    const h = harness()
    const s = await h.start()
    h.advance(DEFAULT_FLOW_LIFESPAN_MS)
    expect((await h.get(s.flow.id, s.cookie)).status).toBe(200)
    const response = await h.update(s.flow.id, { method: 'profile', csrf_token: getCsrfToken(s.flow) }, s.cookie)
    expect(response.status).toBe(400)
    expect(((await response.json()) as SettingsFlow).id).toBe(s.flow.id)
  })

  test("getting an expired flow without return_to is Kratos' id-less 410, pointing at the init endpoint without return_to", async () => {
    const h = harness()
    const s = await h.start()
    h.advance(DEFAULT_FLOW_LIFESPAN_MS + 1)
    const response = await h.get(s.flow.id, s.cookie)
    expect(response.status).toBe(410)
    expect(await response.json()).toEqual({
      error: {
        code: 410,
        status: 'Gone',
        message: 'The requested resource is no longer available because it has expired or is otherwise invalid.',
        reason: 'The settings flow has expired. Redirect the user to the settings flow init endpoint to initialize a new settings flow.',
        details: { redirect_to: `${BASE}/self-service/settings/browser`, return_to: '' },
      },
    })
  })

  test('an update 90 s after expiry is 410 self_service_flow_expired, with a replacement flow keeping return_to and saying why', async () => {
    const h = harness()
    const s = await h.start('ada', 'http://app.test/done')
    h.advance(DEFAULT_FLOW_LIFESPAN_MS + 90_000)
    const response = await h.update(s.flow.id, passwordChange(s.flow), s.cookie)
    expect(response.status).toBe(410)
    const body = (await response.json()) as Json
    expect(body['error']).toMatchObject({ id: 'self_service_flow_expired', code: 410, reason: 'The self-service flow expired 1.50 minutes ago, initialize a new one.' })
    expect(body['since']).toBe(90_000_000_000)
    expect(Date.parse(body['expired_at'])).toBe(Date.parse(s.flow.expires_at))
    expect(body['use_flow_id']).not.toBe(s.flow.id)

    const replacement = await h.get(body['use_flow_id'], s.cookie)
    expect(replacement.status).toBe(200)
    const flow = (await replacement.json()) as SettingsFlow
    expect(flow.return_to).toBe('http://app.test/done')
    expect(flow.ui.messages).toEqual([expect.objectContaining({ id: 4050001, type: 'error', text: 'The settings flow expired 1.50 minutes ago, please try again.' })])
  })

  test('an update of an expired flow without the anti-CSRF cookie still gets a replacement flow', async () => {
    const h = harness()
    const s = await h.start()
    h.advance(DEFAULT_FLOW_LIFESPAN_MS + 1)
    const response = await h.update(s.flow.id, passwordChange(s.flow), `${SESSION_COOKIE}=ada`)
    expect(response.status).toBe(410)
    const body = (await response.json()) as Json
    expect((await h.get(body['use_flow_id'], s.cookie)).status).toBe(200)
  })
})

describe('update', () => {
  test("a malformed flow id is Kratos' id-less 400", async () => {
    const response = await harness().update('not-a-uuid', {}, `${SESSION_COOKIE}=ada`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 400, status: 'Bad Request', message: 'The request was malformed or contained invalid parameters', reason: 'The flow query parameter is missing or malformed.' },
    })
  })

  test("an unknown flow is Kratos' id-less 404 asking to restart (selfservice/flow/settings/handler.go:650)", async () => {
    const response = await harness().update(crypto.randomUUID(), {}, `${SESSION_COOKIE}=ada`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { code: 404, status: 'Not Found', message: 'The requested resource could not be found', reason: 'The settings request could not be found. Please restart the flow.' },
    })
  })

  test('a browser with an aal1 session is sent to the aal2 login, returning to the submit URL', async () => {
    const h = harness()
    const s = await h.start()
    const response = await h.update(s.flow.id, { method: 'password' }, `${SESSION_COOKIE}=aal1-ada`, 'form')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${LOGIN}?aal=aal2&return_to=${encodeURIComponent(`${BASE}/self-service/settings?flow=${s.flow.id}`)}`)
  })

  test("another identity's flow is 403 security_identity_mismatch with the update's reason (selfservice/flow/settings/flow.go:204-207)", async () => {
    const h = harness()
    const s = await h.start('ada')
    const response = await h.update(s.flow.id, passwordChange(s.flow), `${SESSION_COOKIE}=bob`)
    expect(response.status).toBe(403)
    expect(((await response.json()) as Json)['error']).toMatchObject({
      id: 'security_identity_mismatch',
      reason: 'The request was initiated by someone else and has been blocked for security reasons. Please go back and try again.',
    })
  })

  test('a JSON body is read as JSON when its Content-Type has parameters', async () => {
    const h = harness()
    const s = await h.start()
    const response = await post(h, s.flow.id, JSON.stringify(passwordChange(s.flow)), { ...JSON_HEADERS, 'content-type': 'application/json; charset=utf-8', cookie: s.cookie })
    expect(response.status).toBe(200)
    expect(((await response.json()) as SettingsFlow).state).toBe('success')
  })
})
