import { describe, expect, test } from 'vitest'
import { getCsrfToken, getFlowMessages } from '../../../src/index.js'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../src/mock/index.js'
import { createKratosHandlers } from '../../../src/msw/index.js'
import { server, testClient, useMsw } from '../../helpers/msw.js'

useMsw()

const BASE_URL = 'http://kratos.test/auth'
const session = `${SESSION_COOKIE}=token`
const client = () => testClient({ baseUrl: BASE_URL })

describe('createKratosHandlers', () => {
  test('answers with a flow and a CSRF cookie whose value is the flow’s CSRF token, under a path prefix', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const result = await client().createBrowserSettingsFlow('http://kratos.test/welcome', session)
    expect(result.kind).toBe('flow')
    if (result.kind !== 'flow') return
    expect(result.flow.return_to).toBe('http://kratos.test/welcome')
    expect(result.flow.ui.action).toBe(`${BASE_URL}/self-service/settings?flow=${result.flow.id}`)
    expect(result.setCookie).toHaveLength(1)
    // As nosurf: the cookie holds 32 bytes in base64; the flow's token is a masking of them, never the same text.
    const [pair] = result.setCookie[0]!.split(';')
    expect(pair).toMatch(new RegExp(`^${CSRF_COOKIE}=[A-Za-z0-9+/]{43}=$`))
    expect(getCsrfToken(result.flow)).toMatch(/^[A-Za-z0-9+/]{86}==$/)
    expect(result.setCookie[0]).toMatch(/; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/)
  })

  test('keeps the CSRF cookie the browser already holds, as Kratos does', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const kept = btoa('k'.repeat(32))
    const result = await client().createBrowserSettingsFlow(undefined, `${session}; ${CSRF_COOKIE}=${kept}`)
    expect(result.setCookie).toEqual([])
    expect(result.kind).toBe('flow')
  })

  test('answers a browser navigation with a 303 to the settings UI', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL, uiUrl: 'http://app.test/ui' }))
    const result = await client().createBrowserSettingsFlow(undefined, session, { mode: 'redirect' })
    expect(result).toMatchObject({ kind: 'redirect', status: 303, location: expect.stringMatching(/^http:\/\/app\.test\/ui\/settings\?flow=/) })
    expect(result.setCookie).toHaveLength(1)
  })

  test('answers 401 session_inactive without a session cookie, or a 303 to login in browser mode', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const json = await client().createBrowserSettingsFlow()
    expect(json).toMatchObject({ kind: 'error', status: 401, error: { id: 'session_inactive' } })
    const browser = await client().createBrowserSettingsFlow(undefined, 'other=1', { mode: 'redirect' })
    expect(browser).toMatchObject({ kind: 'redirect', status: 303, location: `${BASE_URL}/self-service/login/browser` })
  })

  test('answers session_aal2_required for an AAL1 session, pointing at the second-factor login', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const result = await client().createBrowserSettingsFlow(undefined, `${SESSION_COOKIE}=aal1`)
    expect(result.kind === 'error' && result.error.id === 'session_aal2_required' && result.error.redirectBrowserTo).toBe(`${BASE_URL}/self-service/login/browser?aal=aal2`)
  })

  test('answers self_service_flow_return_to_forbidden for a return_to off the allow list', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL, allowedReturnUrls: ['https://app.example.com/'] }))
    const result = await client().createBrowserSettingsFlow('https://evil.example.net/', session)
    expect(result).toMatchObject({ kind: 'error', status: 400, error: { id: 'self_service_flow_return_to_forbidden' } })
  })
})

describe('createKratosHandlers: the settings lifecycle', () => {
  const start = async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const created = await client().createBrowserSettingsFlow(undefined, session)
    if (created.kind !== 'flow') throw new Error(`expected a flow, got ${created.kind}`)
    const cookie = `${session}; ${created.setCookie[0]!.split(';')[0]}`
    return { flow: created.flow, cookie }
  }

  test('reads a created flow back by id', async () => {
    const { flow, cookie } = await start()
    expect(await client().getSettingsFlow(flow.id, cookie)).toMatchObject({ kind: 'flow', status: 200, flow: { id: flow.id } })
  })

  test('answers 404 without an error id for an unknown flow, as Kratos does', async () => {
    const { cookie } = await start()
    const result = await client().getSettingsFlow('00000000-0000-4000-8000-000000000000', cookie)
    expect(result).toMatchObject({ kind: 'error', status: 404, error: { id: 'self_service_flow_not_found', body: { error: { code: 404, message: 'Unable to locate the resource' } } } })
  })

  test('answers security_identity_mismatch for another session’s flow', async () => {
    const { flow } = await start()
    const result = await client().getSettingsFlow(flow.id, `${SESSION_COOKIE}=someone-else`)
    expect(result).toMatchObject({ kind: 'error', status: 403, error: { id: 'security_identity_mismatch' } })
  })

  test('rejects an update whose CSRF token does not match the cookie', async () => {
    const { flow } = await start()
    const result = await client().updateSettingsFlow(flow, { method: 'password', password: 'long enough' }, `${session}; ${CSRF_COOKIE}=other`)
    expect(result).toMatchObject({ kind: 'error', status: 403, error: { id: 'security_csrf_violation' } })
  })

  test('keeps the flow with a message on the field for an invalid profile, then saves a valid one', async () => {
    const { flow, cookie } = await start()
    const invalid = await client().updateSettingsFlow(flow, { method: 'profile', traits: { email: 'not-an-email', name: { first: 'Ada' } } }, cookie)
    expect(invalid.kind).toBe('invalid')
    if (invalid.kind !== 'invalid') return
    expect(invalid.flow.id).toBe(flow.id)
    expect(getFlowMessages(invalid.flow).map(({ message, node }) => [message.id, node?.attributes.node_type === 'input' && node.attributes.name])).toEqual([[4000040, 'traits.email']])

    const saved = await client().updateSettingsFlow(invalid.flow, { method: 'profile', traits: { email: 'ada@example.org' } }, cookie, { encoding: 'form' })
    expect(saved).toMatchObject({ kind: 'flow', status: 200, flow: { id: flow.id, state: 'success', identity: { traits: { email: 'ada@example.org' } } } })
    // Without the show_verification_ui hook (Kratos' default), a new email asks for no verification (recorded: U34 needs the hook).
    expect(saved.kind === 'flow' && saved.flow.continue_with).toEqual([
      // Kratos always ends a JSON success with where to send the browser (hook.go:357-368); it is never stored.
      { action: 'redirect_browser_to', redirect_browser_to: `http://kratos.test/ui/settings?flow=${flow.id}` },
    ])
    expect(await client().getSettingsFlow(flow.id, cookie)).toMatchObject({ flow: { state: 'success' } })
  })

  test('answers a browser’s form post with a 303 back to the settings UI', async () => {
    const { flow, cookie } = await start()
    const result = await client().updateSettingsFlow(flow, { method: 'password', password: 'short' }, cookie, { encoding: 'form', mode: 'redirect' })
    expect(result).toMatchObject({ kind: 'redirect', status: 303, location: `http://kratos.test/ui/settings?flow=${flow.id}` })
  })
})

describe("createKratosHandlers: Kratos' login flow and the mock's pages", () => {
  test('a JSON client signs in through the login flow under the prefix, and the session it gets changes settings', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const started = await fetch(`${BASE_URL}/self-service/login/browser`, { headers: { accept: 'application/json' } })
    const csrfCookie = started.headers.getSetCookie()[0]!.split(';')[0]!
    const login = (await started.json()) as { ui: { action: string; nodes: Array<{ attributes: { value?: string } }> } }
    expect(login.ui.action).toMatch(`${BASE_URL}/self-service/login?flow=`)
    const signedIn = await fetch(login.ui.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', cookie: csrfCookie },
      body: JSON.stringify({ method: 'password', identifier: 'grace', password: 'x', csrf_token: login.ui.nodes[0]!.attributes.value }),
    })
    const sessionCookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!
    const result = await client().createBrowserSettingsFlow(undefined, `${sessionCookie}; ${csrfCookie}`)
    expect(result.kind === 'flow' && result.flow.identity.traits).toMatchObject({ email: 'grace@example.com' })
    const page = await fetch(`${BASE_URL}/mock/login?flow=unknown`, { redirect: 'manual' })
    expect(page.headers.get('location')).toBe(`${BASE_URL}/self-service/login/browser`)
  })
})
