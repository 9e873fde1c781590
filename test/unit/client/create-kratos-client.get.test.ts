import { describe, expect, test } from 'vitest'
import { KratosArgumentError } from '../../../src/index.js'
import { kratosErrorStatus, makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { BASE_URL, onKratos, testClient, useMsw } from '../../helpers/msw.js'

useMsw()

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const onGet = (respond: (request: Request) => Response, baseUrl?: string) => onKratos('get', 'self-service/settings/flows', respond, baseUrl)
const kratosError = (id: string, extra = {}) => Response.json(makeKratosError(id, extra), { status: kratosErrorStatus(id) })

describe('getSettingsFlow', () => {
  test('asks for the flow by id with the cookie, as JSON, and returns 200 as kind "flow"', async () => {
    const flow = makeSettingsFlow({ id: FLOW_ID })
    const requests = onGet(() => Response.json(flow, { headers: { 'set-cookie': 'csrf=1; Path=/' } }), `${BASE_URL}/auth`)
    const result = await testClient({ baseUrl: `${BASE_URL}/auth` }).getSettingsFlow(FLOW_ID, 'ory_kratos_session=s')
    expect(result).toEqual({ kind: 'flow', status: 200, flow, setCookie: ['csrf=1; Path=/'] })
    expect(requests[0]?.url).toBe(`${BASE_URL}/auth/self-service/settings/flows?id=${FLOW_ID}`)
    expect(requests[0]?.headers.get('cookie')).toBe('ory_kratos_session=s')
    expect(requests[0]?.headers.get('accept')).toBe('application/json')
  })

  test.each([
    ['session_inactive', 401],
    ['security_identity_mismatch', 403],
    ['security_csrf_violation', 403],
    ['self_service_flow_expired', 410],
  ] as const)('returns %s (%i) as a typed error', async (id, status) => {
    onGet(() => kratosError(id))
    const result = await testClient().getSettingsFlow(FLOW_ID)
    expect(result).toMatchObject({ kind: 'error', status, error: { id, status } })
  })

  test('an expired flow carries the successor Kratos names in useFlowId', async () => {
    onGet(() => kratosError('self_service_flow_expired', { use_flow_id: '11111111-2222-4333-8444-555555555555' }))
    const result = await testClient().getSettingsFlow(FLOW_ID)
    expect(result.kind === 'error' && result.error.id === 'self_service_flow_expired' && result.error.useFlowId).toBe('11111111-2222-4333-8444-555555555555')
  })

  test('an expired flow without a successor has no useFlowId', async () => {
    onGet(() => Response.json({ error: { id: 'self_service_flow_expired', code: 410, message: 'expired' } }, { status: 410 }))
    const result = await testClient().getSettingsFlow(FLOW_ID)
    expect(result.kind === 'error' && result.error.id === 'self_service_flow_expired' && result.error.useFlowId).toBeUndefined()
  })

  test('a 404 as Kratos sends it (an error without an id) is self_service_flow_not_found, the body kept as sent', async () => {
    const body = { error: { code: 404, status: 'Not Found', message: 'Unable to locate the resource' } }
    onGet(() => Response.json(body, { status: 404 }))
    const result = await testClient().getSettingsFlow(FLOW_ID)
    expect(result).toMatchObject({ kind: 'error', status: 404, error: { id: 'self_service_flow_not_found', status: 404, body } })
  })

  test('rejects an empty id or one with CR, LF or NUL before any request', async () => {
    const requests = onGet(() => Response.json({}))
    for (const id of ['', 'a\r\nb', 'a\0b', 42 as never]) {
      await expect(testClient().getSettingsFlow(id)).rejects.toThrow(KratosArgumentError)
    }
    expect(requests).toHaveLength(0)
  })

  test('percent-encodes the id', async () => {
    const requests = onGet(() => Response.json(makeSettingsFlow()))
    await testClient().getSettingsFlow('a b&c=d')
    expect(new URL(requests[0]!.url).searchParams.get('id')).toBe('a b&c=d')
  })
})
