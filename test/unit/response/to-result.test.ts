import { describe, expect, test } from 'vitest'
import { KratosError, UnexpectedResponseError, type SettingsFlowResult } from '../../../src/index.js'
import { REDACTED } from '../../../src/response/redact.js'
import { kratosErrorStatus, makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { onCreateSettingsFlow, testClient, useMsw } from '../../helpers/msw.js'
import { KNOWN_ERROR_IDS } from '../../helpers/known-error-ids.js'

useMsw()

async function answer(respond: () => Response, options: Parameters<typeof testClient>[0] = {}): Promise<SettingsFlowResult> {
  onCreateSettingsFlow(respond)
  return testClient(options).createBrowserSettingsFlow()
}

function expectUnexpected(result: SettingsFlowResult, problem: string, status: number): UnexpectedResponseError {
  if (result.kind !== 'unexpected') throw new Error(`expected kind "unexpected", got "${result.kind}"`)
  expect(result.status).toBe(status)
  expect(result.error).toBeInstanceOf(UnexpectedResponseError)
  expect(result.error).toBeInstanceOf(KratosError)
  expect(result.error).toBeInstanceOf(Error)
  expect(result.error.problem).toBe(problem)
  expect(result.error.status).toBe(status)
  return result.error
}

const camelPayload = (body: Record<string, unknown>) => {
  const payload: Record<string, unknown> = {}
  if ('redirect_browser_to' in body) payload['redirectBrowserTo'] = body['redirect_browser_to']
  if ('use_flow_id' in body) payload['useFlowId'] = body['use_flow_id']
  if ('expired_at' in body) payload['expiredAt'] = body['expired_at']
  if ('since' in body) payload['since'] = body['since']
  return payload
}

describe('kind "error": every known Kratos error id', () => {
  // self_service_flow_not_found has no id on the wire; get and update recognise its id-less 404 (test/behaviour).
  test.each(KNOWN_ERROR_IDS.filter((id) => id !== 'self_service_flow_not_found'))('%s becomes a typed KratosError with its payload camel-cased and the body kept', async (id) => {
    const body = makeKratosError(id, { error: { ...makeKratosError(id).error, request: 'req-1' } })
    const status = kratosErrorStatus(id)
    const headers = new Headers({ 'set-cookie': 'csrf_token_x=1; Path=/' })
    const result = await answer(() => Response.json(body, { status, headers }))

    if (result.kind !== 'error') throw new Error(`expected kind "error", got "${result.kind}"`)
    expect(result.status).toBe(status)
    expect(result.setCookie).toEqual(['csrf_token_x=1; Path=/'])
    const error = result.error
    expect(error).toBeInstanceOf(KratosError)
    expect(error).not.toBeInstanceOf(UnexpectedResponseError)
    expect(error.name).toBe('KratosError')
    expect(error.id).toBe(id)
    expect(error.status).toBe(status)
    expect(error.requestId).toBe('req-1')
    expect(error.message).toContain(id)
    expect(error.message).toContain(body.error.message)
    expect(error.body).toEqual(body)
    expect(error).toMatchObject(camelPayload(body))
  })

  test('security_csrf_violation is typed whether Kratos sends 403 or 400, with its details', async () => {
    for (const status of [403, 400]) {
      const result = await answer(() => Response.json(makeKratosError('security_csrf_violation'), { status }))
      expect(result).toMatchObject({ kind: 'error', status, error: { id: 'security_csrf_violation', status } })
      if (result.kind === 'error') expect(result.error.details).toHaveProperty('reject_reason')
    }
  })

  test('session_aal2_required takes redirect_browser_to from error.details when the top level lacks it', async () => {
    const body = makeKratosError('session_aal2_required', { redirect_browser_to: undefined })
    const result = await answer(() => Response.json(body, { status: 403 }))
    expect(result).toMatchObject({ kind: 'error', error: { redirectBrowserTo: 'https://auth.example.com/self-service/login/browser?aal=aal2' } })
  })

  test('a known id without the redirect_browser_to it promises is unexpected, with the raw id', async () => {
    const body = { error: { id: 'browser_location_change_required', message: 'm' } }
    const error = expectUnexpected(await answer(() => Response.json(body, { status: 422 })), 'invalid_shape', 422)
    expect(error.id).toBe('browser_location_change_required')
  })

  test('self_service_flow_expired without use_flow_id is still known, without useFlowId', async () => {
    const body = { error: { id: 'self_service_flow_expired', code: 410, message: 'expired' } }
    const result = await answer(() => Response.json(body, { status: 410 }))
    expect(result.kind).toBe('error')
    if (result.kind === 'error') expect(result.error).not.toHaveProperty('useFlowId')
  })

  test('both ids Kratos uses for a forbidden return_to are typed', async () => {
    for (const id of ['security_identity_mismatch', 'self_service_flow_return_to_forbidden'] as const) {
      const result = await answer(() => Response.json(makeKratosError(id), { status: 400 }))
      expect(result).toMatchObject({ kind: 'error', error: { id } })
    }
  })
})

describe('kind "unexpected"', () => {
  test('an unknown error id, keeping the raw id, message and body', async () => {
    const body = makeKratosError('session_quantum_entangled')
    const error = expectUnexpected(await answer(() => Response.json(body, { status: 403 })), 'unknown_error_id', 403)
    expect(error.id).toBe('session_quantum_entangled')
    expect(error.message).toContain('session_quantum_entangled')
    expect(error.body).toEqual(body)
  })

  test('a Kratos error without an id', async () => {
    const body = { error: { code: 500, status: 'Internal Server Error', message: 'database down' } }
    const error = expectUnexpected(await answer(() => Response.json(body, { status: 500 })), 'unknown_error_id', 500)
    expect(error.id).toBe('unexpected_response')
    expect(error.message).toContain('database down')
  })

  test('a 502 HTML page from a proxy', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'
    const respond = () => new Response(html, { status: 502, headers: { 'content-type': 'text/html' } })
    const error = expectUnexpected(await answer(respond), 'not_json', 502)
    expect(error.message).toContain('502 Bad Gateway')
    expect(error.message).toContain('text/html')
    expect(error.body).toBe(html)
  })

  test('truncated JSON', async () => {
    const text = JSON.stringify(makeSettingsFlow()).slice(0, 200)
    const respond = () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })
    expectUnexpected(await answer(respond), 'not_json', 200)
  })

  test('an empty 200 body', async () => {
    const error = expectUnexpected(await answer(() => new Response(null, { status: 200 })), 'not_json', 200)
    expect(error.message).toContain('empty body')
  })

  test('a 200 whose JSON is not a flow, naming the first missing field, with CSRF tokens redacted', async () => {
    const { ui, ...rest } = makeSettingsFlow()
    const body = { ...rest, ui: { ...ui, action: undefined } }
    const error = expectUnexpected(await answer(() => Response.json(body)), 'invalid_shape', 200)
    expect(error.message).toContain('ui.action')
    expect(JSON.stringify(error.body)).not.toContain('Mh8bPcVnWb2ZFVwzG9Rc4pW3xJ7kQe1aT0sYd5uLfHo=')
    expect(JSON.stringify(error.body)).toContain(REDACTED)
  })

  test.each([
    ['a JSON array', []],
    ['a flow without a state', { ...makeSettingsFlow(), state: undefined }],
    ['a flow without identity', { ...makeSettingsFlow(), identity: undefined }],
    ['a flow whose nodes are not an array', { ...makeSettingsFlow(), ui: { action: 'a', method: 'POST', nodes: {} } }],
    ['a flow with a node without attributes', { ...makeSettingsFlow(), ui: { action: 'a', method: 'POST', nodes: [{ type: 'input' }] } }],
  ])('a 200 with %s', async (_, body) => {
    expectUnexpected(await answer(() => Response.json(body)), 'invalid_shape', 200)
  })

  test('a flow with a state Kratos does not document is kept as sent, since upstream leaves state untyped', async () => {
    const body = { ...makeSettingsFlow(), state: 'passed_through' }
    expect(await answer(() => Response.json(body))).toMatchObject({ kind: 'flow', flow: { state: 'passed_through' } })
  })

  test('a 4xx whose JSON is not a Kratos error', async () => {
    expectUnexpected(await answer(() => Response.json({ message: 'Bad Gateway' }, { status: 502 })), 'invalid_shape', 502)
  })

  test.each([204, 201, 304])('status %i, which the endpoint does not document', async (status) => {
    expectUnexpected(await answer(() => new Response(status === 201 ? '{}' : null, { status })), 'unexpected_status', status)
  })

  test('a known error id on a 200 is not an error but a 200 that is not a flow', async () => {
    expectUnexpected(await answer(() => Response.json(makeKratosError('session_inactive'))), 'invalid_shape', 200)
  })

  test('a body over maxBodyBytes by Content-Length is not read', async () => {
    const body = JSON.stringify(makeSettingsFlow())
    const respond = () => new Response(body, { headers: { 'content-length': String(body.length) } })
    const error = expectUnexpected(await answer(respond, { maxBodyBytes: 1000 }), 'body_too_large', 200)
    expect(error.message).toContain('maxBodyBytes')
    expect(error.body).toBeUndefined()
  })

  test('the default limit is 4 MiB: a 4 MiB flow is read, a larger body is not', async () => {
    const flow = makeSettingsFlow()
    const padded = JSON.stringify({ ...flow, transient_payload: { pad: 'x'.repeat(4 * 1024 * 1024 - JSON.stringify(flow).length - 100) } })
    expect(padded.length).toBeLessThanOrEqual(4 * 1024 * 1024)
    expect((await answer(() => new Response(padded))).kind).toBe('flow')
    expectUnexpected(await answer(() => new Response(`${padded}${' '.repeat(200)}`)), 'body_too_large', 200)
  })

  test('a streamed body over maxBodyBytes stops being read at the limit', async () => {
    let pulled = 0
    const chunk = new Uint8Array(1024).fill(32)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(chunk)
        if (pulled === 1000) controller.close()
      },
    })
    const result = await answer(() => new Response(stream, { status: 200 }), { maxBodyBytes: 8 * 1024 })
    expectUnexpected(result, 'body_too_large', 200)
    expect(pulled).toBeLessThan(100)
  })
})

describe('kind "flow": what real Kratos sends', () => {
  test('ui.nodes: null becomes an empty array', async () => {
    const flow = makeSettingsFlow()
    const result = await answer(() => Response.json({ ...flow, ui: { ...flow.ui, nodes: null } }))
    expect(result).toMatchObject({ kind: 'flow', flow: { ui: { nodes: [] } } })
  })

  test('traits: null and organization_id: null are accepted as they are', async () => {
    const flow = makeSettingsFlow({ organization_id: null })
    const body = { ...flow, identity: { ...flow.identity, traits: null, organization_id: null } }
    const result = await answer(() => Response.json(body))
    expect(result).toMatchObject({ kind: 'flow', flow: { organization_id: null, identity: { traits: null } } })
  })

  test('unknown extra fields are kept', async () => {
    const result = await answer(() => Response.json({ ...makeSettingsFlow(), new_field: 1 }))
    expect(result).toMatchObject({ kind: 'flow', flow: { new_field: 1 } })
  })
})
