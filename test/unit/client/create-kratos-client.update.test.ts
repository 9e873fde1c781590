import { describe, expect, test } from 'vitest'
import { KratosArgumentError, type ContinueWith, type UpdateSettingsFlowBody } from '../../../src/index.js'
import { kratosErrorStatus, makeContinueWith, makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { BASE_URL, onKratos, testClient, useMsw } from '../../helpers/msw.js'

useMsw()

const flow = makeSettingsFlow()
const CSRF_TOKEN = 'Mh8bPcVnWb2ZFVwzG9Rc4pW3xJ7kQe1aT0sYd5uLfHo='
const profile: UpdateSettingsFlowBody = { method: 'profile', traits: { email: 'ada@example.org', name: { first: 'Ada', last: 'Byron' } } }
const onUpdate = (respond: (request: Request) => Response | Promise<Response>, baseUrl?: string) => onKratos('post', 'self-service/settings', respond, baseUrl)
const kratosError = (id: string, extra = {}) => Response.json(makeKratosError(id, extra), { status: kratosErrorStatus(id) })

describe('updateSettingsFlow', () => {
  test('posts JSON to ?flow=<id> with the cookie, and returns 200 as kind "flow"', async () => {
    const updated = makeSettingsFlow({ state: 'success' })
    const requests = onUpdate(() => Response.json(updated, { headers: { 'set-cookie': 'ory_kratos_session=new; Path=/' } }), `${BASE_URL}/auth`)
    const result = await testClient({ baseUrl: `${BASE_URL}/auth` }).updateSettingsFlow(flow, profile, 'ory_kratos_session=s; csrf=c')
    expect(result).toEqual({ kind: 'flow', status: 200, flow: updated, setCookie: ['ory_kratos_session=new; Path=/'] })
    const [request] = requests
    expect(request?.url).toBe(`${BASE_URL}/auth/self-service/settings?flow=${flow.id}`)
    expect(request?.method).toBe('POST')
    expect(request?.headers.get('cookie')).toBe('ory_kratos_session=s; csrf=c')
    expect(request?.headers.get('accept')).toBe('application/json')
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(await request?.json()).toEqual({ ...profile, csrf_token: CSRF_TOKEN })
  })

  test('form-encodes on request, nested fields as dotted names, as a browser form post would', async () => {
    const requests = onUpdate(() => Response.json(makeSettingsFlow({ state: 'success' })))
    await testClient().updateSettingsFlow(flow, profile, undefined, { encoding: 'form' })
    expect(requests[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect([...new URLSearchParams(await requests[0]!.text())]).toEqual([
      ['method', 'profile'],
      ['traits.email', 'ada@example.org'],
      ['traits.name.first', 'Ada'],
      ['traits.name.last', 'Byron'],
      ['csrf_token', CSRF_TOKEN],
    ])
  })

  test('form-encodes booleans as text and leaves undefined fields out', async () => {
    const requests = onUpdate(() => Response.json(makeSettingsFlow({ state: 'success' })))
    await testClient().updateSettingsFlow(flow.id, { method: 'lookup_secret', lookup_secret_regenerate: true, csrf_token: 't' }, undefined, { encoding: 'form' })
    expect(await requests[0]!.text()).toBe('method=lookup_secret&lookup_secret_regenerate=true&csrf_token=t')
  })

  describe('the CSRF token', () => {
    const sent = async (flowOrId: Parameters<ReturnType<typeof testClient>['updateSettingsFlow']>[0], body: UpdateSettingsFlowBody) => {
      const requests = onUpdate(() => Response.json(makeSettingsFlow({ state: 'success' })))
      await testClient().updateSettingsFlow(flowOrId, body)
      return (await requests[0]!.json()) as Record<string, unknown>
    }

    test('is taken from the flow’s nodes when the body has none', async () => {
      expect((await sent(flow, { method: 'password', password: 'correct horse' }))['csrf_token']).toBe(CSRF_TOKEN)
    })

    test('is the caller’s when the body has one', async () => {
      expect((await sent(flow, { method: 'password', password: 'x', csrf_token: 'mine' }))['csrf_token']).toBe('mine')
    })

    test('is not invented when only the flow id is given, or the flow has no token', async () => {
      expect(await sent(flow.id, { method: 'password', password: 'x' })).not.toHaveProperty('csrf_token')
      expect(await sent(makeSettingsFlow({ ui: { ...flow.ui, nodes: flow.ui.nodes.slice(1) } }), { method: 'password', password: 'x' })).not.toHaveProperty('csrf_token')
    })

    test('is not added to an oidc body, which has no such field', async () => {
      expect(await sent(flow, { method: 'oidc', link: 'github' })).toEqual({ method: 'oidc', link: 'github' })
    })
  })

  test('returns a 400 that carries the flow as kind "invalid", with its validation messages', async () => {
    const invalid = makeSettingsFlow()
    invalid.ui.nodes[1]!.messages = [{ id: 4000001, type: 'error', text: '"ada" is not valid "email"' }]
    onUpdate(() => Response.json(invalid, { status: 400 }))
    const result = await testClient().updateSettingsFlow(flow, profile)
    expect(result).toEqual({ kind: 'invalid', status: 400, flow: invalid, setCookie: [] })
  })

  test('returns a 400 Kratos error (not a flow) as a typed error', async () => {
    onUpdate(() => Response.json(makeKratosError('security_csrf_violation'), { status: 400 }))
    const result = await testClient().updateSettingsFlow(flow, profile)
    expect(result).toMatchObject({ kind: 'error', status: 400, error: { id: 'security_csrf_violation' } })
  })

  test('returns a 400 that is neither a flow nor an error as unexpected', async () => {
    onUpdate(() => Response.json({ hello: 'world' }, { status: 400 }))
    expect(await testClient().updateSettingsFlow(flow, profile)).toMatchObject({ kind: 'unexpected', status: 400 })
  })

  test('returns a 303 as kind "redirect", never followed, in redirect mode', async () => {
    const requests = onUpdate(() => new Response(null, { status: 303, headers: { location: '/ui/settings?flow=f', 'set-cookie': 'csrf=2; Path=/' } }))
    const result = await testClient().updateSettingsFlow(flow, profile, undefined, { mode: 'redirect', encoding: 'form' })
    expect(result).toEqual({ kind: 'redirect', status: 303, location: `${BASE_URL}/ui/settings?flow=f`, setCookie: ['csrf=2; Path=/'] })
    expect(requests[0]?.headers.get('accept')).toBe('text/html')
  })

  test.each([
    ['session_inactive', 401],
    ['session_refresh_required', 403],
    ['security_csrf_violation', 403],
    ['self_service_flow_expired', 410],
    ['browser_location_change_required', 422],
  ] as const)('returns %s (%i) as a typed error', async (id, status) => {
    onUpdate(() => kratosError(id))
    expect(await testClient().updateSettingsFlow(flow, profile)).toMatchObject({ kind: 'error', status, error: { id } })
  })

  test('session_refresh_required and browser_location_change_required carry redirectBrowserTo', async () => {
    onUpdate(() => kratosError('session_refresh_required', { redirect_browser_to: 'https://auth.example.com/login?refresh=true' }))
    const refresh = await testClient().updateSettingsFlow(flow, profile)
    expect(refresh.kind === 'error' && refresh.error.id === 'session_refresh_required' && refresh.error.redirectBrowserTo).toBe('https://auth.example.com/login?refresh=true')
    onUpdate(() => kratosError('browser_location_change_required', { redirect_browser_to: 'https://github.com/login/oauth' }))
    const change = await testClient().updateSettingsFlow(flow, { method: 'oidc', link: 'github' })
    expect(change.kind === 'error' && change.error.id === 'browser_location_change_required' && change.error.redirectBrowserTo).toBe('https://github.com/login/oauth')
  })

  test.each([500, 502, 503])('returns %i as unexpected and never retries a POST', async (status) => {
    const requests = onUpdate(() => new Response('<h1>Bad gateway</h1>', { status, headers: { 'content-type': 'text/html' } }))
    const result = await createClientWithRetries().updateSettingsFlow(flow, profile)
    expect(result).toMatchObject({ kind: 'unexpected', status, error: { problem: 'not_json' } })
    expect(requests).toHaveLength(1)
  })

  test('rejects a body without a method, an empty flow id, and a bad encoding, before any request', async () => {
    const requests = onUpdate(() => Response.json({}))
    await expect(testClient().updateSettingsFlow(flow, {} as never)).rejects.toThrow(KratosArgumentError)
    await expect(testClient().updateSettingsFlow(flow, null as never)).rejects.toThrow(KratosArgumentError)
    await expect(testClient().updateSettingsFlow('', profile)).rejects.toThrow(KratosArgumentError)
    await expect(testClient().updateSettingsFlow({} as never, profile)).rejects.toThrow(KratosArgumentError)
    await expect(testClient().updateSettingsFlow(flow, profile, undefined, { encoding: 'xml' as never })).rejects.toThrow(KratosArgumentError)
    await expect(testClient().updateSettingsFlow(flow, profile, 'a=b\r\nx: y')).rejects.toThrow(KratosArgumentError)
    expect(requests).toHaveLength(0)
  })
})

describe('continue_with after a successful update', () => {
  const actions: ContinueWith['action'][] = ['show_verification_ui', 'set_ory_session_token', 'show_settings_ui', 'show_recovery_ui', 'redirect_browser_to']

  test.each(actions)('%s arrives typed by its action', async (action) => {
    const item = makeContinueWith(action)
    onUpdate(() => Response.json(makeSettingsFlow({ state: 'success', continue_with: [item] })))
    const result = await testClient().updateSettingsFlow(flow, profile)
    expect(result.kind === 'flow' && result.flow.continue_with).toEqual([item])
  })

  test('an item without an action makes the flow unexpected', async () => {
    onUpdate(() => Response.json({ ...makeSettingsFlow({ state: 'success' }), continue_with: [{ flow: {} }] }))
    expect(await testClient().updateSettingsFlow(flow, profile)).toMatchObject({ kind: 'unexpected', error: { problem: 'invalid_shape' } })
  })
})

function createClientWithRetries() {
  return testClient({ retry: { limit: 2, delay: () => 0 } })
}
