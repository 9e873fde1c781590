import { describe, expect, test } from 'vitest'
import { createMockKratos } from '../../../src/mock/index.js'
import { BASE, CSRF_COOKIE, SESSION_COOKIE, UI, getCsrfToken, harness, type Harness } from '../../contract/behaviour/harness.js'

type Json = Record<string, any>

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const VALID_CSRF_COOKIE = `${CSRF_COOKIE}=${btoa('k'.repeat(32))}`

async function started(h: Harness, token = 'ada') {
  const s = await h.start(token)
  return { ...s, csrf: getCsrfToken(s.flow)! }
}

const nodes = (flow: Json): Json[] => flow['ui'].nodes
const named = (flow: Json, name: string): Json[] => nodes(flow).filter((node) => node.attributes.name === name)
const nodeKeys = (flow: Json): string[] => nodes(flow).map((node) => node.attributes.name ?? node.attributes.id)

describe('errors the mock answers as Kratos does, forced through their natural conditions', () => {
  test('an AAL1 session sends a browser to the second-factor login on the mock itself', async () => {
    const response = await harness().create(`${SESSION_COOKIE}=aal1-ada`, '', 'text/html')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${BASE}/self-service/login/browser?aal=aal2`)
  })

  test('an AAL1 session of a JSON client gets redirect_browser_to on the mock, also in details', async () => {
    const response = await harness().create(`${SESSION_COOKIE}=aal1-ada`)
    expect(response.status).toBe(403)
    const body = (await response.json()) as Json
    expect(body['redirect_browser_to']).toBe(`${BASE}/self-service/login/browser?aal=aal2`)
    expect(body['error']).toMatchObject({ id: 'session_aal2_required', details: { redirect_browser_to: `${BASE}/self-service/login/browser?aal=aal2` } })
  })

  test("another error sends a browser to the mock's error page, which reads it back from /self-service/errors", async () => {
    const h = harness()
    const response = await h.create(`${SESSION_COOKIE}=ada`, `?return_to=${encodeURIComponent('https://evil.example/')}`, 'text/html')
    expect(response.status).toBe(303)
    const location = response.headers.get('location')!
    expect(location).toMatch(new RegExp(`^${BASE}/mock/error\\?id=${UUID}$`))
    const page = await h.send(new Request(location))
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('self_service_flow_return_to_forbidden')
    const id = new URL(location).searchParams.get('id')!
    const stored = await h.send(new Request(`${BASE}/self-service/errors?id=${id}`))
    expect(stored.status).toBe(200)
    expect(await stored.json()).toMatchObject({ id, error: { id: 'self_service_flow_return_to_forbidden', code: 400 } })
  })
})

describe('routes', () => {
  test.each([
    ['POST', 'self-service/settings/browser'],
    ['POST', 'self-service/settings/flows?id=x'],
    ['POST', 'self-service/errors?id=x'],
  ])('%s /%s is not a route Kratos serves, so the mock leaves it alone', async (method, path) => {
    const kratos = createMockKratos({ baseUrl: BASE })
    expect(await kratos(new Request(`${BASE}/${path}`, { method, headers: { cookie: `${SESSION_COOKIE}=ada` } }))).toBeUndefined()
  })
})

describe('the CSRF cookie (nosurf; the submit endpoint is ignored: selfservice/flow/settings/handler.go:103-104)', () => {
  test('create and get keep a valid CSRF cookie the browser already holds', async () => {
    const h = harness()
    const cookie = `${SESSION_COOKIE}=ada; ${VALID_CSRF_COOKIE}`
    const created = await h.create(cookie)
    expect(created.status).toBe(200)
    expect(created.headers.getSetCookie()).toEqual([])
    const flow = (await created.json()) as Json
    const fetched = await h.get(flow['id'], cookie)
    expect(fetched.status).toBe(200)
    expect(fetched.headers.getSetCookie()).toEqual([])
  })

  test('an update without any cookie gets no CSRF cookie with its 401, nor with its 302 to login', async () => {
    const h = harness()
    const json = await h.update('7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f', { method: 'password', password: 'x' }, undefined)
    expect(json.status).toBe(401)
    expect(json.headers.getSetCookie()).toEqual([])
    const browser = await h.update('7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f', { method: 'password', password: 'x' }, undefined, 'form')
    expect(browser.status).toBe(302)
    expect(browser.headers.getSetCookie()).toEqual([])
  })

  test('an update of an unknown flow gets no CSRF cookie', async () => {
    const response = await harness().update('7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f', { method: 'password', password: 'x' }, `${SESSION_COOKIE}=ada`)
    expect(response.status).toBe(404)
    expect(response.headers.getSetCookie()).toEqual([])
  })
})

describe('privileged sessions', () => {
  // session/manager_http.go:547: privileged while authenticated_at + max age is after now.
  test.each([
    [60_000, 403, 'a session exactly privileged_session_max_age old needs a refresh for TOTP'],
    [59_999, 400, 'a session one millisecond younger is still privileged'],
  ])('after %i ms: %i (%s)', async (age, status) => {
    const h = harness({ privilegedSessionMaxAgeMs: 60_000 })
    const s = await started(h)
    h.advance(age)
    const response = await h.update(s.flow.id, { method: 'totp', csrf_token: s.csrf }, s.cookie)
    expect(response.status).toBe(status)
    if (status === 403) expect(((await response.json()) as Json)['error'].id).toBe('session_refresh_required')
  })

  test('session_refresh_required points redirect_browser_to at a refresh login that returns to the submit URL', async () => {
    const h = harness()
    const s = await started(h, 'stale')
    const response = await h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, s.cookie)
    expect(response.status).toBe(403)
    const returnTo = encodeURIComponent(`${BASE}/self-service/settings?flow=${s.flow.id}`)
    expect(((await response.json()) as Json)['redirect_browser_to']).toBe(`${BASE}/self-service/login/browser?refresh=true&return_to=${returnTo}`)
  })
})

describe('linking an OIDC provider (selfservice/flow/error.go:177-191)', () => {
  test('a JSON client gets 422 browser_location_change_required naming the provider URL in redirect_browser_to and the reason', async () => {
    const h = harness()
    const s = await started(h)
    const response = await h.update(s.flow.id, { link: 'github' }, s.cookie)
    expect(response.status).toBe(422)
    const body = (await response.json()) as Json
    expect(body['redirect_browser_to']).toMatch(new RegExp(`^${BASE}/mock-oidc/github/oauth2/auth\\?state=${UUID}$`))
    expect(body['error']).toMatchObject({
      id: 'browser_location_change_required',
      reason: `In order to complete this flow please redirect the browser to: ${body['redirect_browser_to']}`,
    })
  })
})

describe('a saved update (selfservice/flow/settings/hook.go)', () => {
  test('re-issues the session cookie for a day from now', async () => {
    const h = harness()
    const s = await started(h)
    const response = await h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, s.cookie)
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()).toEqual([`${SESSION_COOKIE}=ada; Path=/; Expires=Sun, 22 Nov 2026 12:00:00 GMT; Max-Age=86400; HttpOnly; SameSite=Lax`])
  })

  test('without return_to, continue_with is only the redirect to the settings UI', async () => {
    const h = harness()
    const s = await started(h)
    const response = await h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, s.cookie)
    const body = (await response.json()) as Json
    expect(body['continue_with']).toEqual([{ action: 'redirect_browser_to', redirect_browser_to: `${UI}/settings?flow=${s.flow.id}` }])
  })

  test('without return_to, a browser goes back to the settings UI', async () => {
    const h = harness()
    const s = await started(h)
    const response = await h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, s.cookie, 'form')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${UI}/settings?flow=${s.flow.id}`)
  })
})

describe('an invalid update comes back as the flow with messages (ui/container/container.go:360-376)', () => {
  test('the submitted traits are echoed into their inputs next to the validation message', async () => {
    const h = harness()
    const s = await started(h)
    const traits = { email: 'not-an-email', name: { first: 'Grace', last: 'Hopper' } }
    const response = await h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, traits }, s.cookie)
    expect(response.status).toBe(400)
    const flow = (await response.json()) as Json
    expect(named(flow, 'traits.email')[0]).toMatchObject({ attributes: { value: 'not-an-email' }, messages: [{ id: 4000040 }] })
    expect(named(flow, 'traits.name.first')[0]).toMatchObject({ attributes: { value: 'Grace' }, messages: [] })
    expect(named(flow, 'traits.name.last')[0]).toMatchObject({ attributes: { value: 'Hopper' }, messages: [] })
  })

  test('a message lands on the existing input of that name, and a later attempt drops it', async () => {
    const h = harness()
    const s = await started(h)
    const short = (await (await h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'short' }, s.cookie)).json()) as Json
    expect(named(short, 'password')).toHaveLength(1)
    expect(named(short, 'password')[0]).toMatchObject({ group: 'password', messages: [{ id: 4000032, context: { min_length: 8, actual_length: 5 } }] })
    expect(nodes(short)).toHaveLength(nodes(s.flow).length)
    const traits = { email: 'not-an-email' }
    const next = (await (await h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, traits }, s.cookie)).json()) as Json
    expect(named(next, 'password')[0]!.messages).toEqual([])
    expect(named(next, 'traits.email')[0]!.messages).toHaveLength(1)
  })

  test('a message for an input the flow lacks becomes a new text input in group default', async () => {
    const h = harness()
    const s = await started(h)
    const response = await h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf }, s.cookie)
    expect(response.status).toBe(400)
    const flow = (await response.json()) as Json
    expect(nodes(flow)).toHaveLength(nodes(s.flow).length + 1)
    expect(nodes(flow).at(-1)).toEqual({
      type: 'input',
      group: 'default',
      attributes: { node_type: 'input', name: 'traits', type: 'text', disabled: false },
      messages: [{ id: 4000002, type: 'error', text: 'Property traits is missing.', context: { property: 'traits' } }],
      meta: {},
    })
  })
})

describe('lookup secrets (selfservice/strategy/lookup/settings.go:216-280)', () => {
  const codesNode = (codes: string[]) => ({
    type: 'text',
    group: 'lookup_secret',
    attributes: {
      node_type: 'text',
      id: 'lookup_secret_codes',
      text: {
        id: 1050015,
        type: 'info',
        text: codes.join(', '),
        context: { secrets: codes.map((code) => ({ id: 1050009, type: 'info', text: code, context: { secret: code } })) },
      },
    },
    messages: [],
    meta: { label: { id: 1050010, type: 'info', text: 'These are your back up recovery codes. Please keep them in a safe place!' } },
  })
  const button = (name: string, id: number, text: string) => ({
    type: 'input',
    group: 'lookup_secret',
    attributes: { node_type: 'input', name, type: 'submit', value: 'true', disabled: false },
    messages: [],
    meta: { label: { id, text, type: 'info' } },
  })
  const shownCodes = (flow: Json): string[] =>
    nodes(flow)
      .find((node) => node.attributes.id === 'lookup_secret_codes')!
      .attributes.text.context.secrets.map((secret: Json) => secret['text'])
  // A fresh flow's nodes but the lookup_secret group, which the codes replace at the end (recorded: U27, U42).
  const BASE_NODES = [
    ...['csrf_token', 'traits.email', 'traits.name.first', 'traits.name.last', 'method', 'password', 'method', 'link'],
    ...['webauthn_register_displayname', 'webauthn_register', 'webauthn_register_trigger', 'webauthn_script', 'passkey_register_trigger', 'passkey_settings_register', 'passkey_create_data'],
    ...['totp_qr', 'totp_secret_key', 'totp_code', 'method'],
  ]

  async function regenerate(h: Harness, s: Awaited<ReturnType<typeof started>>): Promise<Json> {
    const response = await h.update(s.flow.id, { lookup_secret_regenerate: true, csrf_token: s.csrf }, s.cookie)
    expect(response.status).toBe(200)
    return (await response.json()) as Json
  }

  test('regenerating shows twelve new codes and a confirm button, without other messages, and is not a success', async () => {
    const h = harness()
    const s = await started(h)
    await h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'short' }, s.cookie)
    const flow = await regenerate(h, s)
    const codes = shownCodes(flow)
    expect(codes).toHaveLength(12)
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{8}$/)
    expect(flow['state']).toBe('show_form')
    expect(flow['ui'].messages).toBeUndefined()
    expect(nodes(flow).slice(-2)).toEqual([codesNode(codes), button('lookup_secret_confirm', 1050011, 'Confirm backup recovery codes')])
    expect(nodeKeys(flow)).toEqual([...BASE_NODES, 'lookup_secret_codes', 'lookup_secret_confirm'])
  })

  test('regenerating again replaces the codes shown, keeping the other nodes', async () => {
    const h = harness()
    const s = await started(h)
    const first = shownCodes(await regenerate(h, s))
    const flow = await regenerate(h, s)
    expect(nodeKeys(flow)).toEqual([...BASE_NODES, 'lookup_secret_codes', 'lookup_secret_confirm'])
    expect(shownCodes(flow)).not.toEqual(first)
  })

  test('confirming saves the regenerated codes once; revealing them later shows them with disable and regenerate buttons', async () => {
    const h = harness()
    const s = await started(h)
    const codes = shownCodes(await regenerate(h, s))
    const confirmed = await h.update(s.flow.id, { lookup_secret_confirm: true, csrf_token: s.csrf }, s.cookie)
    expect(confirmed.status).toBe(200)
    expect(((await confirmed.json()) as Json)['state']).toBe('success')
    const again = await h.update(s.flow.id, { lookup_secret_confirm: true, csrf_token: s.csrf }, s.cookie)
    expect(again.status).toBe(400)
    expect(((await again.json()) as Json)['ui'].messages).toMatchObject([{ text: 'You must (re-)generate recovery backup codes before you can save them.' }])

    const later = await started(h)
    const response = await h.update(later.flow.id, { lookup_secret_reveal: true, csrf_token: later.csrf }, later.cookie)
    expect(response.status).toBe(200)
    const flow = (await response.json()) as Json
    expect(nodes(flow).slice(-3)).toEqual([
      codesNode(codes),
      button('lookup_secret_disable', 1050016, 'Disable this method'),
      button('lookup_secret_regenerate', 1050008, 'Generate new backup recovery codes'),
    ])
    expect(nodeKeys(flow)).toEqual([...BASE_NODES, 'lookup_secret_codes', 'lookup_secret_disable', 'lookup_secret_regenerate'])
  })
})
