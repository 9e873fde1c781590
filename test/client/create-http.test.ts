import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosNetworkError, KratosTimeoutError, type KratosClientOptions } from '../../src/index.js'
import { makeSettingsFlow } from '../../src/mock/index.js'

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

  test('an afterResponse hook that reads the body gets a clear error; one that reads a clone works', async () => {
    const reading = client({ fetch: () => Promise.resolve(flowResponse()), hooks: { afterResponse: [async (response) => void (await response.text())] } })
    const error = await rejection(reading.createBrowserSettingsFlow())
    expect((error as Error).message).toBe('an afterResponse hook read the response body; read response.clone() instead')
    // Locking the body without reading it is the same mistake.
    const locking = client({ fetch: () => Promise.resolve(flowResponse()), hooks: { afterResponse: [(response) => void response.body?.getReader()] } })
    expect(((await rejection(locking.createBrowserSettingsFlow())) as Error).message).toBe('an afterResponse hook read the response body; read response.clone() instead')
    const cloning = client({ fetch: () => Promise.resolve(flowResponse()), hooks: { afterResponse: [async (response) => void (await response.clone().text())] } })
    expect((await cloning.createBrowserSettingsFlow()).kind).toBe('flow')
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
