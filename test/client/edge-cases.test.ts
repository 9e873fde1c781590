import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  createKratosClient,
  getCsrfToken,
  KratosArgumentError,
  KratosNetworkError,
  UnexpectedResponseError,
  unwrapFlow,
  type KratosClientOptions,
  type SettingsFlow,
  type UpdateSettingsFlowResult,
} from '../../src/index.js'
import { normalizeClientOptions } from '../../src/request/options.js'
import { statusRetryDelay } from '../../src/transport/retry-delay.js'
import { encodeForm } from '../../src/request/encode-form.js'
import { parseSettingsForm } from '../../src/flow/parse-settings-form.js'
import { makeKratosError, makeSettingsFlow } from '../../src/mock/index.js'

const BASE = 'http://kratos.test'
const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const NEXT_ID = '11111111-2222-4333-8444-555555555555'
const APP = 'https://app.example.com/settings'
const MALFORMED_FLOW_ID = 'The flow query parameter is missing or malformed.'

/** A client whose fetch answers every request with `respond`, recording the requests. */
function kratosAnswering(respond: (request: Request) => Response | Promise<Response>, options: Partial<KratosClientOptions> = {}) {
  const requests: Request[] = []
  const kratos = createKratosClient({
    baseUrl: BASE,
    retry: 0,
    ...options,
    fetch: async (input) => {
      const request = input as Request
      requests.push(request.clone())
      return respond(request)
    },
  })
  return { kratos, requests }
}

const kratosError = (status: number, error: Record<string, unknown>, extra: Record<string, unknown> = {}) => Response.json({ error: { code: status, ...error }, ...extra }, { status })

function unexpectedOf(result: UpdateSettingsFlowResult): UnexpectedResponseError {
  if (result.kind !== 'unexpected') throw new Error(`expected kind "unexpected", got "${result.kind}"`)
  return result.error
}

/** A body of `chunks`; when `onCancel` watches for a cancel, it stays open, as a slow server's would. */
const streamOf = (chunks: string[], onCancel?: () => void) => {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      if (onCancel === undefined) controller.close()
    },
    ...(onCancel === undefined ? {} : { cancel: onCancel }),
  })
}

afterEach(() => {
  vi.useRealTimers()
})

describe('updateSettingsFlow refuses bad arguments with messages that name them', () => {
  const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))

  test('a flow that is null or has no id, a body without a method, an unknown encoding', async () => {
    await expect(kratos.updateSettingsFlow(null as never, { method: 'password', password: 'p' })).rejects.toThrow(new KratosArgumentError('updateSettingsFlow: flow must be a string, not undefined'))
    await expect(kratos.updateSettingsFlow('', { method: 'password', password: 'p' })).rejects.toThrow('updateSettingsFlow: flow must not be empty')
    await expect(kratos.updateSettingsFlow(FLOW_ID, { password: 'p' } as never)).rejects.toThrow('updateSettingsFlow: body must be an object with a string "method"')
    await expect(kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p' }, undefined, { encoding: 'xml' as never })).rejects.toThrow(
      'updateSettingsFlow: encoding must be "json" or "form"',
    )
    expect(requests).toHaveLength(0)
  })

  test('mode "redirect" with encoding "json" is refused: Kratos would answer a JSON body with JSON', async () => {
    await expect(kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p' }, undefined, { mode: 'redirect', encoding: 'json' })).rejects.toThrow(
      'updateSettingsFlow: mode "redirect" posts a form; encoding "json" would make Kratos answer with JSON',
    )
    expect(requests).toHaveLength(0)
  })

  test('an unknown mode is refused, naming the operation', async () => {
    await expect(kratos.createBrowserSettingsFlow(undefined, undefined, { mode: 'html' as never })).rejects.toThrow('createBrowserSettingsFlow: mode must be "json" or "redirect"')
  })

  test('createBrowserSettingsFlow names returnTo or organization when it holds a control character', async () => {
    await expect(kratos.createBrowserSettingsFlow('https://app.example.com/\n')).rejects.toThrow('createBrowserSettingsFlow: returnTo must not contain LF')
    await expect(kratos.createBrowserSettingsFlow(undefined, undefined, { organization: 'org\r' })).rejects.toThrow('createBrowserSettingsFlow: organization must not contain CR')
  })

  test('in a browser a cookie argument is refused, telling to omit it', async () => {
    vi.stubGlobal('document', {})
    try {
      await expect(kratos.getSettingsFlow(FLOW_ID, 'ory_kratos_session=s')).rejects.toThrow(
        'getSettingsFlow: a cookie argument cannot be sent from a browser (fetch forbids the Cookie header); omit it: the browser sends its own cookies with credentials: "include"',
      )
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('updateSettingsFlow encodes the body as the mode asks', () => {
  test('by default the body is JSON; mode "redirect" posts a form', async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })
    await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' }, undefined, { mode: 'redirect' })
    expect(requests[0]!.headers.get('content-type')).toBe('application/json')
    expect(await requests[0]!.text()).toBe('{"method":"password","password":"p","csrf_token":"t"}')
    expect(requests[1]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(await requests[1]!.text()).toBe('method=password&password=p&csrf_token=t')
  })

  test("the caller's csrf_token wins over the flow's", async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    await kratos.updateSettingsFlow(makeSettingsFlow(), { method: 'password', password: 'p', csrf_token: 'mine' })
    expect(JSON.parse(await requests[0]!.text())).toEqual({ method: 'password', password: 'p', csrf_token: 'mine' })
  })

  test('an oidc body is sent as given, without the flow token', async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    await kratos.updateSettingsFlow(makeSettingsFlow(), { method: 'oidc', link: 'github' })
    expect(JSON.parse(await requests[0]!.text())).toEqual({ method: 'oidc', link: 'github' })
  })

  test('a hand-made flow object without ui sends the body unchanged', async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    const result = await kratos.updateSettingsFlow({ id: FLOW_ID } as SettingsFlow, { method: 'password', password: 'p' })
    expect(result.kind).toBe('flow')
    expect(JSON.parse(await requests[0]!.text())).toEqual({ method: 'password', password: 'p' })
  })

  test('a form leaves out null and undefined fields and repeats array items under one name', () => {
    expect(encodeForm({ method: 'profile', traits: { email: 'a@b.c', nick: null, phone: undefined, tags: ['x', 'y'] }, gone: null })).toBe(
      'method=profile&traits.email=a%40b.c&traits.tags=x&traits.tags=y',
    )
  })

  test('the form encoding sends transient_payload as JSON text, the only way Kratos reads it from a form, and parseSettingsForm reads it back', () => {
    const body = { method: 'password', password: 'p', transient_payload: { source: 'web', n: [1, { a: true }] } } as const
    const form = encodeForm(body)
    expect(new URLSearchParams(form).get('transient_payload')).toBe('{"source":"web","n":[1,{"a":true}]}')
    expect(parseSettingsForm(new URLSearchParams(form))).toEqual(body)
    // Only an object is JSON text; absent or null is left out, as every other field.
    expect(encodeForm({ method: 'profile', transient_payload: null, traits: {} })).toBe('method=profile')
    expect(encodeForm({ method: 'profile', transient_payload: 'x' })).toBe('method=profile&transient_payload=x')
  })

  test('getCsrfToken ignores a csrf_token input whose value is not a string', () => {
    const flow = makeSettingsFlow()
    const nodes = flow.ui.nodes.map((node, index) => (index === 0 ? { ...node, attributes: { ...node.attributes, value: 42 } } : node))
    expect(getCsrfToken({ ...flow, ui: { ...flow.ui, nodes } } as SettingsFlow)).toBeUndefined()
  })
})

describe('a 200 body must be a settings flow; the message says what is wrong', () => {
  const flow = makeSettingsFlow() as unknown as Record<string, any>
  const shapeProblem = async (body: unknown) => {
    const { kratos } = kratosAnswering(() => Response.json(body))
    const error = unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))
    expect(error.problem).toBe('invalid_shape')
    return error.message.replace('Kratos answered 200 but the body is not a settings flow: ', '')
  }
  const ui = (fields: Record<string, unknown>) => ({ ...flow, ui: { ...flow['ui'], ...fields } })

  test.each([
    ['an array', [flow], 'the body is not a JSON object'],
    ['a numeric id', { ...flow, id: 42 }, 'id is not a string'],
    ['no issued_at', { ...flow, issued_at: undefined }, 'issued_at is not a string'],
    ['no state', { ...flow, state: undefined }, 'state is missing'],
    ['a null state', { ...flow, state: null }, 'state is missing'],
    ['an identity without id', { ...flow, identity: { traits: {} } }, 'identity.id is not a string'],
    ['no ui', { ...flow, ui: undefined }, 'ui is not an object'],
    ['a numeric ui.method', ui({ method: 1 }), 'ui.method is not a string'],
    ['an object continue_with', { ...flow, continue_with: {} }, 'continue_with is not an array'],
    ['a continue_with item without action', { ...flow, continue_with: [{ action: 'redirect_browser_to', redirect_browser_to: APP }, {}] }, 'continue_with[1].action is not a string'],
    ['an object ui.nodes', ui({ nodes: {} }), 'ui.nodes is not an array'],
    ['a node that is a number', ui({ nodes: [flow['ui'].nodes[0], 7] }), 'ui.nodes[1] is not an object'],
    ['a node without type', ui({ nodes: [{ attributes: {} }] }), 'ui.nodes[0].type is not a string'],
    ['a node without attributes', ui({ nodes: [{ type: 'input' }] }), 'ui.nodes[0].attributes is not an object'],
  ])('%s', async (_, body, problem) => {
    expect(await shapeProblem(body)).toBe(problem)
  })

  test('null continue_with, null ui.nodes and nodes without messages are a flow, with [] filled in', async () => {
    const node = { type: 'input', group: 'default', attributes: { name: 'x', type: 'text' }, meta: {} }
    const { kratos } = kratosAnswering(() => Response.json({ ...flow, continue_with: null, ui: { ...flow['ui'], nodes: [node] } }))
    const result = await kratos.getSettingsFlow(FLOW_ID)
    expect(result.kind === 'flow' && result.flow.ui.nodes[0]!.messages).toEqual([])
    const empty = kratosAnswering(() => Response.json(ui({ nodes: null })))
    const other = await empty.kratos.getSettingsFlow(FLOW_ID)
    expect(other.kind === 'flow' && other.flow.ui.nodes).toEqual([])
  })
})

describe('bodies that are not JSON, too large or too complex', () => {
  test('the message previews the body on one line, collapsed and trimmed, cut at 120 characters', async () => {
    const answer = (text: string) => kratosAnswering(() => new Response(text, { status: 502, headers: { 'content-type': 'text/html ; charset=utf-8' } })).kratos.getSettingsFlow(FLOW_ID)
    const message = async (text: string) => unexpectedOf(await answer(text)).message
    expect(await message('  <html>\n\n  <b>Bad   gateway</b>\t</html>  ')).toBe('Kratos answered 502 with a body that is not JSON (text/html): "<html> <b>Bad gateway</b> </html>"')
    const exact = 'x'.repeat(120)
    expect(await message(`\n${exact}`)).toBe(`Kratos answered 502 with a body that is not JSON (text/html): "${exact}"`)
    expect(await message(`${exact}y`)).toBe(`Kratos answered 502 with a body that is not JSON (text/html): "${exact}…"`)
  })

  test('a body without content type says so, and one without a body is an empty body', async () => {
    const bytes = kratosAnswering(() => new Response(new TextEncoder().encode('oops'), { status: 500 }))
    expect(unexpectedOf(await bytes.kratos.getSettingsFlow(FLOW_ID)).message).toBe('Kratos answered 500 with a body that is not JSON (no content type): "oops"')
    const empty = kratosAnswering(() => new Response(null, { status: 500 }))
    expect(unexpectedOf(await empty.kratos.getSettingsFlow(FLOW_ID)).message).toBe('Kratos answered 500 with an empty body')
  })

  test('text that is no secret is kept verbatim in the body of an unexpected answer', async () => {
    const { kratos } = kratosAnswering(() => new Response('Back in five minutes', { status: 500 }), { headers: { 'x-app': 'Back in five minutes' } })
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).body).toBe('Back in five minutes')
  })

  test('a status no operation documents keeps its JSON body as JSON', async () => {
    const { kratos } = kratosAnswering(() => Response.json({ ok: true }, { status: 202 }))
    const error = unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))
    expect(error).toMatchObject({ problem: 'unexpected_status', message: 'Kratos answered 202, which getSettingsFlow does not document', body: { ok: true } })
  })

  test('a body nested too deep is not parsed', async () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`
    const { kratos } = kratosAnswering(() => new Response(deep, { headers: { 'content-type': 'application/json' } }))
    const error = unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))
    expect(error).toMatchObject({
      problem: 'body_too_complex',
      message: 'Kratos answered 200 with a body nested deeper than 64 levels or with more than 20000 values; it was not parsed',
      body: undefined,
    })
  })

  test('a declared length over maxBodyBytes is not read, and the body is cancelled', async () => {
    let cancelled = false
    const { kratos } = kratosAnswering(
      () =>
        new Response(
          streamOf(['{}'], () => void (cancelled = true)),
          { status: 500, headers: { 'content-length': '11' } },
        ),
      {
        maxBodyBytes: 10,
        timeout: 200,
      },
    )
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).problem).toBe('body_too_large')
    expect(cancelled).toBe(true)
  })

  test('a streamed body over maxBodyBytes is cancelled', async () => {
    let cancelled = false
    const { kratos } = kratosAnswering(
      () =>
        new Response(
          streamOf(['hello', 'world!'], () => void (cancelled = true)),
          { status: 500 },
        ),
      { maxBodyBytes: 10, timeout: 200 },
    )
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).problem).toBe('body_too_large')
    expect(cancelled).toBe(true)
  })

  test('a body of exactly maxBodyBytes is read, declared or streamed', async () => {
    const declared = kratosAnswering(() => new Response(streamOf(['hello']), { status: 500, headers: { 'content-length': '5' } }), { maxBodyBytes: 5 })
    expect(unexpectedOf(await declared.kratos.getSettingsFlow(FLOW_ID)).body).toBe('hello')
    const streamed = kratosAnswering(() => new Response(streamOf(['hel', 'lo']), { status: 500 }), { maxBodyBytes: 5 })
    expect(unexpectedOf(await streamed.kratos.getSettingsFlow(FLOW_ID)).body).toBe('hello')
  })

  test('a body in many chunks is read whole, whatever maxBodyBytes allows', async () => {
    const chunks = ['a'.repeat(10_000), 'b'.repeat(10_000), 'c'.repeat(20_000)]
    const { kratos } = kratosAnswering(() => new Response(streamOf(chunks), { status: 500 }), { maxBodyBytes: Number.MAX_SAFE_INTEGER })
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).body).toBe(chunks.join(''))
  })

  test('a body stream that fails is a KratosNetworkError', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    const { kratos } = kratosAnswering(() => new Response(broken, { status: 500 }))
    const error = await kratos.getSettingsFlow(FLOW_ID).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(KratosNetworkError)
    expect((error as KratosNetworkError).cause).toMatchObject({ message: 'connection reset' })
  })

  test('no timer is left behind once a body is read', async () => {
    vi.useFakeTimers()
    const { kratos } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    expect((await kratos.getSettingsFlow(FLOW_ID)).kind).toBe('flow')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('without getSetCookie (older browsers) setCookie is empty', async () => {
    const { kratos } = kratosAnswering(() => {
      const response = Response.json(makeSettingsFlow())
      Object.defineProperty(response.headers, 'getSetCookie', { value: undefined })
      return response
    })
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'flow', setCookie: [] })
  })
})

describe('statuses and error bodies map to the operation that got them', () => {
  test('a 302 without Location on getSettingsFlow is session_inactive without a redirect target', async () => {
    const { kratos } = kratosAnswering(() => new Response(null, { status: 302 }))
    const result = await kratos.getSettingsFlow(FLOW_ID)
    if (result.kind !== 'error') throw new Error(result.kind)
    expect(result.error.message).toBe('Kratos error session_inactive (HTTP 302): no valid session; Kratos redirected to its login UI')
    expect('redirectBrowserTo' in result.error).toBe(false)
  })

  test('a 400 carrying a flow is "invalid" only for updateSettingsFlow', async () => {
    const { kratos } = kratosAnswering(() => Response.json(makeSettingsFlow(), { status: 400 }))
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))).toMatchObject({
      problem: 'invalid_shape',
      message: 'Kratos answered 400 with JSON that is not a Kratos error (no "error" object)',
    })
    expect((await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })).kind).toBe('invalid')
  })

  test("an id-less 401 on createBrowserSettingsFlow is not taken for Kratos' no-session answer", async () => {
    const { kratos } = kratosAnswering(() => kratosError(401, { status: 'Unauthorized', message: 'no session' }))
    expect(unexpectedOf(await kratos.createBrowserSettingsFlow())).toMatchObject({
      problem: 'unknown_error_id',
      message: 'Kratos answered 401 with an error without id: no session',
    })
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'session_inactive' } })
  })

  // selfservice/flow/settings/handler.go:503
  test('an id-less 410 is an expired flow only on getSettingsFlow', async () => {
    const { kratos } = kratosAnswering(() => kratosError(410, { status: 'Gone', message: 'gone' }))
    expect(unexpectedOf(await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })).problem).toBe('unknown_error_id')
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_expired' } })
  })

  // selfservice/flow/settings/strategy_helper.go:114
  test("an id-less 400 is an unknown flow only on updateSettingsFlow and only with Kratos' malformed-id reason", async () => {
    const answer = (status: number, reason: string) => kratosAnswering(() => kratosError(status, { status: 'Bad Request', reason, message: 'bad' })).kratos
    const update = (status: number, reason: string) => answer(status, reason).updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })
    expect(await update(400, MALFORMED_FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_not_found' } })
    expect((await update(400, 'something else')).kind).toBe('unexpected')
    expect((await update(403, MALFORMED_FLOW_ID)).kind).toBe('unexpected')
    expect((await answer(400, MALFORMED_FLOW_ID).getSettingsFlow(FLOW_ID)).kind).toBe('unexpected')
    expect((await answer(403, MALFORMED_FLOW_ID).getSettingsFlow(FLOW_ID)).kind).toBe('unexpected')
  })

  test('the message quotes error.message, else error.status, else says there is none; at most 500 characters', async () => {
    const message = async (error: Record<string, unknown>) => {
      const { kratos } = kratosAnswering(() => kratosError(403, { id: 'security_csrf_violation', ...error }))
      const result = await kratos.getSettingsFlow(FLOW_ID)
      if (result.kind !== 'error') throw new Error(result.kind)
      return result.error.message.replace('Kratos error security_csrf_violation (HTTP 403): ', '')
    }
    expect(await message({ status: 'Forbidden' })).toBe('Forbidden')
    expect(await message({})).toBe('no message')
    const exact = 'm'.repeat(500)
    expect(await message({ message: exact })).toBe(exact)
    expect(await message({ message: `${exact}n` })).toBe(`${exact}…`)
  })

  test('an unknown error id is named in the message', async () => {
    const { kratos } = kratosAnswering(() => kratosError(403, { id: 'brand_new', message: 'new' }))
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))).toMatchObject({
      problem: 'unknown_error_id',
      id: 'brand_new',
      message: 'Kratos answered 403 with the unknown error id "brand_new": new',
    })
  })

  test('a known error without the redirect it promises is ill-formed', async () => {
    const { kratos } = kratosAnswering(() => kratosError(403, { id: 'session_refresh_required', message: 'refresh' }))
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).message).toBe('Kratos answered 403 with session_refresh_required but no navigable redirect_browser_to: refresh')
  })

  test('a replaced flow without use_flow_id is ill-formed; an expired one keeps only a numeric since', async () => {
    const replaced = kratosAnswering(() => kratosError(410, { id: 'self_service_flow_replaced', message: 'replaced' }))
    expect(unexpectedOf(await replaced.kratos.getSettingsFlow(FLOW_ID)).problem).toBe('invalid_shape')
    const expired = kratosAnswering(() => Response.json(makeKratosError('self_service_flow_expired', { since: '5m', use_flow_id: NEXT_ID }), { status: 410 }))
    const result = await expired.kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })
    if (result.kind !== 'error') throw new Error(result.kind)
    expect('since' in result.error).toBe(false)
  })
})

describe('requests: retries, aborts and errors that are not the network', () => {
  test('a retried 503 without a body is followed by the next attempt', async () => {
    let calls = 0
    const { kratos } = kratosAnswering(() => (++calls === 1 ? new Response(null, { status: 503 }) : Response.json(makeSettingsFlow())), {
      retry: { limit: 1, delay: () => 0 },
    })
    expect((await kratos.getSettingsFlow(FLOW_ID)).kind).toBe('flow')
    expect(calls).toBe(2)
  })

  test('an error thrown by a beforeRequest hook is thrown as is, never retried', async () => {
    const failure = new RangeError('hook failed')
    let calls = 0
    const { kratos } = kratosAnswering(() => Response.json(makeSettingsFlow()), {
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        beforeRequest: [
          () => {
            calls++
            throw failure
          },
        ],
      },
    })
    await expect(kratos.getSettingsFlow(FLOW_ID)).rejects.toBe(failure)
    expect(calls).toBe(1)
  })

  test('a fetch failing after an abort rejects with the signal reason', async () => {
    const controller = new AbortController()
    const reason = new Error('user left')
    const { kratos } = kratosAnswering(() => {
      controller.abort(reason)
      throw new TypeError('fetch failed')
    })
    await expect(kratos.getSettingsFlow(FLOW_ID, undefined, { signal: controller.signal })).rejects.toBe(reason)
  })
})

describe('Retry-After and the wait before a retry', () => {
  const config = normalizeClientOptions({ baseUrl: BASE, retry: { limit: 2, delay: () => 300, maxRetryAfter: 60_000 } })
  const decide = (retryAfter: string) => statusRetryDelay(new Response(null, { status: 503, headers: { 'retry-after': retryAfter } }), 1, config)

  test('whole seconds, padded or several digits, are seconds; anything else not a date falls back to the delay', () => {
    expect(decide(' 2 ')).toBe(2000)
    expect(decide('12')).toBe(12_000)
    expect(decide('1e3')).toBe(300)
    expect(decide('3s')).toBe(300)
  })
})

describe('nextStep', () => {
  const kratos = createKratosClient({ baseUrl: BASE })
  const flow = makeSettingsFlow({ state: 'success' })

  test('a success without continue_with suggests nothing', () => {
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow })).toMatchObject({ type: 'success', continueWith: [], redirectTo: undefined })
  })

  test('a success redirects to the redirect_browser_to item, wherever it is in continue_with', () => {
    const continueWith = [
      { action: 'show_settings_ui', flow: { id: FLOW_ID, ui: {} } },
      { action: 'redirect_browser_to', redirect_browser_to: APP },
    ]
    const step = kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: { ...flow, continue_with: continueWith } as SettingsFlow })
    expect(step).toMatchObject({ type: 'success', redirectTo: APP })
  })

  test('an opaque redirect is an error step: the browser hides where Kratos sent it', () => {
    const step = kratos.nextStep({ kind: 'redirect', status: 0, setCookie: [], location: null })
    expect(step.type).toBe('error')
    expect(step.type === 'error' && step.error).toMatchObject({
      problem: 'redirect',
      message: 'Kratos redirected, but the browser hides where (an opaque redirect): ask in mode "json" to get a result to act on',
    })
  })

  test('an unexpected result is an error step with its error', () => {
    const error = new UnexpectedResponseError({ status: 500, problem: 'not_json', message: 'm', body: '' })
    expect(kratos.nextStep({ kind: 'unexpected', status: 500, setCookie: [], error })).toEqual({ type: 'error', error })
  })

  // selfservice/flow/settings/handler.go:505
  test("an expired flow read back restarts at Kratos' redirect_to when the caller names no returnTo", async () => {
    const redirectTo = `${BASE}/self-service/settings/browser?return_to=https%3A%2F%2Fapp.example.com%2Fback`
    const { kratos: answering } = kratosAnswering(() => kratosError(410, { status: 'Gone', message: 'expired', details: { redirect_to: redirectTo } }))
    const result = await answering.getSettingsFlow(FLOW_ID)
    expect(answering.nextStep(result)).toEqual({ type: 'redirect', reason: 'restart', url: redirectTo, flowId: undefined })
  })

  // Recorded: G7. Kratos' own URL carries the flow's return_to, which is where the user was going.
  test("an expired flow read back restarts at Kratos' redirect_to even when the caller names a returnTo", async () => {
    const redirectTo = `${BASE}/self-service/settings/browser?return_to=https%3A%2F%2Fapp.example.com%2Fback`
    const details = { redirect_to: redirectTo, return_to: 'https://app.example.com/back' }
    const { kratos: answering } = kratosAnswering(() => kratosError(410, { status: 'Gone', message: 'expired', details }))
    const result = await answering.getSettingsFlow(FLOW_ID)
    expect(answering.nextStep(result, { returnTo: APP })).toEqual({ type: 'redirect', reason: 'restart', url: redirectTo, flowId: undefined })
  })

  // Recorded: U56 (master, the verify_new_address hook).
  test('a flow in show_form that asks for verification is a verify step; its URL passes the gate', () => {
    const verification = { id: NEXT_ID, verifiable_address: 'new@example.com', url: 'http://app.test/ui/verification?flow=x' }
    const pending = makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui', flow: verification }] })
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: pending })).toEqual({
      type: 'verify',
      flow: pending,
      continueWith: pending.continue_with,
      verificationFlowId: NEXT_ID,
      address: 'new@example.com',
      url: 'http://app.test/ui/verification?flow=x',
    })
    const hostile = makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui', flow: { ...verification, url: 'javascript:alert(1)' } }] })
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: hostile })).toMatchObject({ type: 'verify', url: undefined })
  })

  test('a verification item without its flow, or on a rejected form, leaves a render step that carries continue_with', () => {
    const broken = makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui' } as never] })
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: broken })).toEqual({ type: 'render', flow: broken, invalid: false, continueWith: broken.continue_with })
    const item = { action: 'show_verification_ui' as const, flow: { id: NEXT_ID, verifiable_address: 'new@example.com' } }
    const rejected = makeSettingsFlow({ continue_with: [item] })
    expect(kratos.nextStep({ kind: 'invalid', status: 400, setCookie: [], flow: rejected })).toEqual({ type: 'render', flow: rejected, invalid: true, continueWith: [item] })
  })

  test('a replaced flow restarts with the flow Kratos made in its place', async () => {
    const { kratos: answering } = kratosAnswering(() => Response.json(makeKratosError('self_service_flow_replaced', { use_flow_id: NEXT_ID }), { status: 410 }))
    const result = await answering.getSettingsFlow(FLOW_ID)
    expect(answering.nextStep(result, { returnTo: APP })).toEqual({
      type: 'redirect',
      reason: 'restart',
      url: `${BASE}/self-service/settings/browser?return_to=${encodeURIComponent(APP)}`,
      flowId: NEXT_ID,
    })
  })
})

// Recorded: G4, G8 (get), U18 (update), U31 and U54 (update, other reasons).
describe('id-less 404s', () => {
  const notFound = (reason?: string) => () => kratosError(404, { status: 'Not Found', message: 'The requested resource could not be found', ...(reason === undefined ? {} : { reason }) })

  test('on get, the only 404 is an unknown flow', async () => {
    const { kratos } = kratosAnswering(notFound())
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_not_found' } })
  })

  test('on update, an unknown flow by its reason; a disabled method or a missing credential is unexpected, never a restart', async () => {
    const body = { method: 'password', password: 'a-new-password' } as const
    const unknown = kratosAnswering(notFound('The settings request could not be found. Please restart the flow.')).kratos
    expect(await unknown.updateSettingsFlow(FLOW_ID, body)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_not_found' } })
    for (const reason of [
      'identity does not have credential type oidc',
      'This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.',
    ]) {
      const { kratos } = kratosAnswering(notFound(reason))
      const result = await kratos.updateSettingsFlow(FLOW_ID, body)
      expect(result).toMatchObject({ kind: 'unexpected', status: 404, error: { problem: 'unknown_error_id' } })
      expect(kratos.nextStep(result).type).toBe('error')
    }
  })
})

test('unwrapFlow of a redirect without location throws a redirect problem', () => {
  expect(() => unwrapFlow({ kind: 'redirect', status: 303, setCookie: [], location: null })).toThrow(
    expect.objectContaining({ problem: 'redirect', message: 'Expected a settings flow, but Kratos redirected to an unknown location' }),
  )
})
