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

  test('a fetch that resolves to something other than a Response is a TypeError that says so', async () => {
    const error = await rejection(client({ fetch: (() => Promise.resolve(undefined)) as never }).createBrowserSettingsFlow())
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(/^fetch resolved to undefined, not a Response/)
  })

  test('an afterResponse hook that reads the body gets a clear error; one that reads a clone works', async () => {
    const reading = client({ fetch: () => Promise.resolve(flowResponse()), hooks: { afterResponse: [async (response) => void (await response.text())] } })
    const error = await rejection(reading.createBrowserSettingsFlow())
    expect((error as Error).message).toBe('an afterResponse hook read the response body; read response.clone() instead')
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
