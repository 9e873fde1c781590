import { getEventListeners } from 'node:events'
import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosNetworkError, KratosTimeoutError, type KratosClientOptions } from '../../src/index.js'

// What the runtime conformance suite (test/package/runtimes) found, reproduced in Node: workerd's
// network failures are no TypeError, and the Edge Runtime's AbortSignal has no `any`.

const client = (options: Omit<KratosClientOptions, 'baseUrl'>) => createKratosClient({ baseUrl: 'http://kratos.test', retry: { limit: 2, delay: () => 1 }, ...options })
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable(),
    (error: unknown) => error,
  )

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
      const hanging = (request: RequestInfo | URL) => (requests.push(request as Request), new Promise<Response>(() => {}))

      const caller = new AbortController()
      const reason = new Error('the user left')
      const call = client({ fetch: hanging }).getSettingsFlow('f', undefined, { signal: caller.signal })
      setTimeout(() => caller.abort(reason), 10)
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
