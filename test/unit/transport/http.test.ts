import { getEventListeners } from 'node:events'
import { describe, expect, test, vi } from 'vitest'
import { createKratosClient, KratosNetworkError, KratosTimeoutError, type KratosClientOptions } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'

const flowResponse = () => Response.json(makeSettingsFlow())
const client = (options: Omit<KratosClientOptions, 'baseUrl'>) => createKratosClient({ baseUrl: 'http://kratos.test', retry: { limit: 2, delay: () => 1 }, ...options })
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable(),
    (error: unknown) => error,
  )

describe('one attempt over fetch', () => {
  test('a fetch that ignores its signal still times out', async () => {
    const error = await rejection(client({ timeout: 100, fetch: () => new Promise<Response>(() => {}) }).createBrowserSettingsFlow())
    expect(error).toBeInstanceOf(KratosTimeoutError)
  })

  test("a fetch's TypeError is a network error, retried on a GET; any other error is the caller's bug, thrown as it is, once", async () => {
    let calls = 0
    const network = await rejection(
      client({
        fetch: () => {
          calls++
          throw new TypeError('fetch failed')
        },
      }).getSettingsFlow('f'),
    )
    expect(network).toBeInstanceOf(KratosNetworkError)
    expect((network as Error).message).toBe('Could not reach Kratos (GET http://kratos.test/self-service/settings/flows?id=f): fetch failed')
    expect(calls).toBe(3)

    calls = 0
    const bug = new RangeError('bug in my wrapper')
    const thrown = await rejection(
      client({
        fetch: () => {
          calls++
          return Promise.reject(bug)
        },
      }).getSettingsFlow('f'),
    )
    expect(thrown).toBe(bug)
    expect(calls).toBe(1)
  })

  test.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['a string', 'string'],
    [{ status: 200 }, 'object'],
    [{ status: '200', headers: new Headers() }, 'object'],
  ])('a fetch that resolves to %j, not a Response, is a TypeError that says so', async (value, what) => {
    const error = await rejection(client({ fetch: (() => Promise.resolve(value)) as never }).createBrowserSettingsFlow())
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe(`fetch resolved to ${what}, not a Response (GET http://kratos.test/self-service/settings/browser)`)
  })

  test('an abort while fetch is pending rejects at once with the reason, also when fetch ignores its signal; a later rejection of that fetch is handled', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      for (const fetch of [
        () => new Promise<Response>(() => {}),
        (request: Request) => new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => setTimeout(() => reject(new Error('late')), 5))),
      ]) {
        const controller = new AbortController()
        const reason = new Error('user left')
        setTimeout(() => controller.abort(reason), 20)
        // Not the KratosTimeoutError 5 s later: the abort itself.
        expect(await rejection(client({ timeout: 5_000, fetch: fetch as never }).createBrowserSettingsFlow(undefined, undefined, { signal: controller.signal }))).toBe(reason)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  test('an afterResponse hook gets a copy: reading or locking it leaves the body the SDK reads whole', async () => {
    const reading = client({ fetch: () => Promise.resolve(flowResponse()), hooks: { afterResponse: [async ({ response }) => void (await response.text())] } })
    expect((await reading.createBrowserSettingsFlow()).kind).toBe('flow')
    const locking = client({ fetch: () => Promise.resolve(flowResponse()), hooks: { afterResponse: [({ response }) => void response.body?.getReader()] } })
    expect((await locking.createBrowserSettingsFlow()).kind).toBe('flow')
  })

  test('a hook that throws: its error as it is, and the body is cancelled', async () => {
    let cancelled = false
    const body = new ReadableStream({ cancel: () => void (cancelled = true) })
    const failure = new Error('hook failed')
    const error = await rejection(
      client({
        fetch: () => Promise.resolve(new Response(body, { status: 200 })),
        hooks: {
          afterResponse: [
            () => {
              throw failure
            },
          ],
        },
      }).createBrowserSettingsFlow(),
    )
    expect(error).toBe(failure)
    expect(cancelled).toBe(true)
  })

  test('an already aborted signal: no hook runs and fetch is not called', async () => {
    const seen: string[] = []
    const reason = new Error('stop')
    const error = await rejection(
      client({
        fetch: () => (seen.push('fetch'), Promise.resolve(flowResponse())),
        hooks: { beforeRequest: [() => void seen.push('before')] },
      }).createBrowserSettingsFlow(undefined, undefined, { signal: AbortSignal.abort(reason) }),
    )
    expect(error).toBe(reason)
    expect(seen).toEqual([])
  })
})

test('a hook that throws on a response without a body: its own error', async () => {
  const failure = new Error('hook failed')
  const kratos = client({
    fetch: () => Promise.resolve(new Response(null, { status: 303, headers: { location: 'http://kratos.test/ui' } })),
    hooks: {
      afterResponse: [
        () => {
          throw failure
        },
      ],
    },
  })
  expect(await rejection(kratos.createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' }))).toBe(failure)
})

// What the runtime conformance suite (test/package/runtimes) found, reproduced in Node: workerd's
// network failures are no TypeError, and the Edge Runtime's AbortSignal has no `any`.
describe('runtime differences', () => {
  test("workerd's network failure, a plain Error marked retryable, is a network error, retried on a GET; the same Error unmarked is thrown as it is", async () => {
    let calls = 0
    const failing = (retryable: boolean) =>
      client({
        fetch: () => {
          calls++
          return Promise.reject(Object.assign(new Error('Network connection lost.'), { retryable, remote: true }))
        },
      })
    const lost = await rejection(failing(true).getSettingsFlow('f'))
    expect(lost).toBeInstanceOf(KratosNetworkError)
    expect((lost as Error).message).toMatch(/Network connection lost\.$/)
    expect(calls).toBe(3)

    calls = 0
    const other = await rejection(failing(false).getSettingsFlow('f'))
    expect(other).not.toBeInstanceOf(KratosNetworkError)
    expect((other as Error).message).toBe('Network connection lost.')
    expect(calls).toBe(1)

    const notAnError: unknown = { retryable: true }
    expect(await rejection(client({ fetch: () => Promise.reject(notAnError) }).getSettingsFlow('f'))).toBe(notAnError)
  })

  test("where AbortSignal.any exists it joins the signals, leaving no listener on the caller's", async () => {
    const caller = new AbortController()
    const flow = await client({ fetch: () => Promise.resolve(Response.json({ error: { id: 'session_inactive', code: 401, message: 'm' } }, { status: 401 })) }).getSettingsFlow('f', undefined, {
      signal: caller.signal,
    })
    expect(flow.kind).toBe('error')
    expect(getEventListeners(caller.signal, 'abort')).toEqual([])
  })

  test("without AbortSignal.any, the request's signal still aborts with the caller's reason, and with the timeout", async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any')!
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true })
    try {
      const requests: Request[] = []
      const caller = new AbortController()
      const reason = new Error('the user left')
      // The caller aborts once the request is on its way.
      const hanging = (request: RequestInfo | URL) => (requests.push(request as Request), setTimeout(() => caller.abort(reason), 10), new Promise<Response>(() => {}))

      const call = client({ fetch: hanging }).getSettingsFlow('f', undefined, { signal: caller.signal })
      expect(await rejection(call)).toBe(reason)
      expect(requests[0]!.signal.reason).toBe(reason)

      const timedOut = await rejection(client({ fetch: hanging, timeout: 20 }).getSettingsFlow('f', undefined, { signal: new AbortController().signal }))
      expect(timedOut).toBeInstanceOf(KratosTimeoutError)
      expect(requests[1]!.signal.aborted).toBe(true)
    } finally {
      Object.defineProperty(AbortSignal, 'any', any)
    }
  })
})

test('without a fetch option, globalThis.fetch is looked up on every call: one replaced after the client was made is used', async () => {
  const kratos = createKratosClient({ baseUrl: 'http://kratos.test' })
  const calls: string[] = []
  vi.stubGlobal('fetch', (request: Request) => (calls.push(request.url), Promise.resolve(flowResponse())))
  try {
    expect((await kratos.createBrowserSettingsFlow()).kind).toBe('flow')
    expect(calls).toEqual(['http://kratos.test/self-service/settings/browser'])
  } finally {
    vi.unstubAllGlobals()
  }
})
