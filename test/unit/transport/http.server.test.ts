import { afterEach, describe, expect, test } from 'vitest'
import ky from 'ky'
import { createKratosClient, KratosNetworkError, KratosTimeoutError, type KratosClientOptions } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { rawHeader, startServer, type TestServer } from '../../helpers/http-server.js'

// Tests about HTTP itself, against a real server on 127.0.0.1.

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const fastRetry = { delay: () => 0 }
const client = (options: Partial<KratosClientOptions> = {}) => createKratosClient({ baseUrl: server!.url, retry: { ...fastRetry, limit: 2 }, ...options })

const flowJson = (id = 'f1') => JSON.stringify(makeSettingsFlow({ id }))

async function serveStatuses(statuses: number[], headers: Record<string, string> = {}): Promise<TestServer> {
  let call = 0
  server = await startServer((_, response) => {
    const status = statuses[Math.min(call++, statuses.length - 1)]!
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(status === 200 ? flowJson() : JSON.stringify({ error: { id: 'x', message: 'm' } }))
  })
  return server
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

describe('cookies on the wire', () => {
  test('the cookie arrives byte for byte', async () => {
    server = await startServer((_, response) => response.end(flowJson()))
    const cookie = 'ory_kratos_session=MTcwMDAwMDAwMHxEdi1CQkFFQ180SUFBUkFCRUFBQV9fLV8=; csrf_token_806060ca=a+b/c==; theme="dark; mode"; x=%E2%9C%93; y=é'
    await client().createBrowserSettingsFlow(undefined, cookie)
    expect(rawHeader(server.requests[0]!, 'cookie')).toBe(cookie)
  })

  test("concurrent calls through one client never see each other's cookie", async () => {
    server = await startServer((request, response) => {
      const cookie = request.headers.cookie ?? 'none'
      // Answer in reverse order of arrival, so responses interleave.
      setTimeout(() => response.end(JSON.stringify(makeSettingsFlow({ id: cookie }))), 50 - Number(cookie.split('=')[1]))
    })
    const shared = client()
    const cookies = Array.from({ length: 40 }, (_, i) => `ory_kratos_session=${i}`)
    const results = await Promise.all(cookies.map((cookie) => shared.createBrowserSettingsFlow(undefined, cookie)))
    expect(results.map((result) => (result.kind === 'flow' ? result.flow.id : result.kind))).toEqual(cookies)
    expect(server.requests.map((request) => request.headers.cookie).sort()).toEqual([...cookies].sort())
  })
})

describe('redirects', () => {
  test.each([301, 302, 303, 307, 308])('a %i is returned, not followed, and no request reaches its target', async (status) => {
    server = await startServer((request, response) => {
      if (request.url?.startsWith('/target')) return void response.end('followed')
      response.writeHead(status, { location: '/target', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] })
      response.end()
    })
    const result = await client().createBrowserSettingsFlow(undefined, 'ory_kratos_session=s', { mode: 'redirect' })
    expect(result).toEqual({ kind: 'redirect', status, location: `${server.url}/target`, setCookie: ['a=1; Path=/', 'b=2; Path=/'] })
    expect(server.requests.map((request) => request.url)).toEqual(['/self-service/settings/browser'])
  })
})

describe('timeouts and aborts', () => {
  test('a server that never answers times out after `timeout` ms with KratosTimeoutError, not retried', async () => {
    server = await startServer(() => {})
    const error = await rejection(client({ timeout: 200 }).createBrowserSettingsFlow(undefined, 'ory_kratos_session=secret'))
    expect(error).toBeInstanceOf(KratosTimeoutError)
    expect(server.requests).toHaveLength(1)
    expect((error as KratosTimeoutError).timeout).toBe(200)
    expect((error as Error).message).toContain('/self-service/settings/browser')
  })

  test('a body that stalls after the headers times out too', async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"id":')
    })
    const error = await rejection(client({ timeout: 200 }).createBrowserSettingsFlow())
    expect(error).toBeInstanceOf(KratosTimeoutError)
  })

  test("an abort rejects with the signal's own reason, untouched", async () => {
    server = await startServer(() => {})
    const controller = new AbortController()
    const reason = new Error('user navigated away')
    const call = client().createBrowserSettingsFlow(undefined, undefined, { signal: controller.signal })
    setTimeout(() => controller.abort(reason), 50)
    expect(await rejection(call)).toBe(reason)
  })

  test("an abort during the body rejects with the signal's reason", async () => {
    server = await startServer((_, response) => {
      response.writeHead(200)
      response.write('{')
    })
    const controller = new AbortController()
    const call = client().createBrowserSettingsFlow(undefined, undefined, { signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    const error = await rejection(call)
    expect(error).toBe(controller.signal.reason)
    expect((error as Error).name).toBe('AbortError')
  })

  test('an already aborted signal rejects without a request', async () => {
    server = await startServer((_, response) => response.end(flowJson()))
    const error = await rejection(client().createBrowserSettingsFlow(undefined, undefined, { signal: AbortSignal.abort('stop') }))
    expect(error).toBe('stop')
    expect(server.requests).toHaveLength(0)
  })
})

describe('network errors and retries', () => {
  test('a connection that is reset is retried twice, then thrown as KratosNetworkError', async () => {
    server = await startServer((request) => request.socket.destroy())
    const error = await rejection(client().createBrowserSettingsFlow(undefined, 'ory_kratos_session=secret'))
    expect(error).toBeInstanceOf(KratosNetworkError)
    expect(server.requests).toHaveLength(3)
  })

  test('a refused connection is a KratosNetworkError whose cause says why', async () => {
    server = await startServer(() => {})
    const { url } = server
    await server.close()
    server = undefined
    const error = await rejection(createKratosClient({ baseUrl: url, retry: 0 }).createBrowserSettingsFlow())
    expect(error).toBeInstanceOf(KratosNetworkError)
    expect(JSON.stringify((error as Error & { cause: { cause?: unknown } }).cause.cause)).toContain('ECONNREFUSED')
  })

  test('a connection closed mid-body is a KratosNetworkError', async () => {
    server = await startServer((request, response) => {
      response.writeHead(200, { 'content-length': '1000' })
      response.write('{"id":"f1"', () => request.socket.destroy())
    })
    expect(await rejection(client({ retry: 0 }).createBrowserSettingsFlow())).toBeInstanceOf(KratosNetworkError)
  })

  test.each([502, 503, 504])('%i is retried at most twice, then returned as a value', async (status) => {
    await serveStatuses([status])
    const result = await client().createBrowserSettingsFlow()
    expect(result).toMatchObject({ kind: 'unexpected', status })
    expect(server!.requests).toHaveLength(3)
  })

  test('a 503 followed by a 200 returns the flow', async () => {
    await serveStatuses([503, 200])
    expect(await client().createBrowserSettingsFlow()).toMatchObject({ kind: 'flow' })
    expect(server!.requests).toHaveLength(2)
  })

  test.each([400, 401, 403, 404, 410, 422, 500, 501])('%i is never retried', async (status) => {
    await serveStatuses([status])
    await client().createBrowserSettingsFlow()
    expect(server!.requests).toHaveLength(1)
  })

  test('429 is retried only with Retry-After', async () => {
    await serveStatuses([429])
    await client().createBrowserSettingsFlow()
    expect(server!.requests).toHaveLength(1)
    await server!.close()
    await serveStatuses([429, 200], { 'retry-after': '0' })
    expect(await client().createBrowserSettingsFlow()).toMatchObject({ kind: 'flow' })
    expect(server!.requests).toHaveLength(2)
  })

  test('a Retry-After of an hour is capped by maxRetryAfter, so the retry happens', async () => {
    await serveStatuses([503, 200], { 'retry-after': '3600' })
    const result = await client({ retry: { limit: 1, maxRetryAfter: 100 } }).createBrowserSettingsFlow()
    expect(result.kind).toBe('flow')
    expect(server!.requests).toHaveLength(2)
  })

  test('retry: 0 sends exactly one request', async () => {
    await serveStatuses([503])
    await client({ retry: 0 }).createBrowserSettingsFlow()
    expect(server!.requests).toHaveLength(1)
  })

  test("an abort while waiting to retry rejects with the signal's reason, and no further attempt is made", async () => {
    await serveStatuses([503])
    const controller = new AbortController()
    const reason = new Error('user navigated away')
    const call = client({ retry: { limit: 2, delay: () => 60_000 } }).createBrowserSettingsFlow(undefined, undefined, { signal: controller.signal })
    await new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 50)))
    controller.abort(reason)
    expect(await rejection(call)).toBe(reason)
    expect(server!.requests).toHaveLength(1)
  })

  test("ky's hooks: beforeRequest before the first attempt, beforeRetry before each retry, afterResponse after every attempt", async () => {
    await serveStatuses([503, 503, 200])
    const seen: string[] = []
    await client({
      hooks: {
        beforeRequest: [() => void seen.push('before')],
        beforeRetry: [({ retryCount }) => void seen.push(`retry ${retryCount}`)],
        afterResponse: [({ response }) => void seen.push(`after ${response.status}`)],
      },
    }).createBrowserSettingsFlow()
    expect(seen).toEqual(['before', 'after 503', 'retry 1', 'after 503', 'retry 2', 'after 200'])
  })

  test("a hook's ky.retry() retries a GET within the limit, and is dropped for an update or past the limit", async () => {
    await serveStatuses([200])
    const retrying = { afterResponse: [() => ky.retry({ delay: 0 })] }
    expect((await client({ hooks: retrying, retry: 1 }).createBrowserSettingsFlow()).kind).toBe('flow')
    expect(server!.requests).toHaveLength(2)
    const update = await client({ hooks: retrying }).updateSettingsFlow('7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f', { method: 'password', password: 'a long new password' })
    expect(update.kind).toBe('flow')
    expect(server!.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
  })

  test('a hook may answer instead of Kratos, or replace the answer: either is classified like any response', async () => {
    await serveStatuses([200])
    const answering = await client({ hooks: { beforeRequest: [() => new Response('<html>maintenance</html>', { status: 503 })] }, retry: 0 }).createBrowserSettingsFlow()
    expect(answering).toMatchObject({ kind: 'unexpected', status: 503 })
    const replacing = await client({ hooks: { afterResponse: [() => Response.json({ error: { id: 'session_inactive', code: 401 } }, { status: 401 })] } }).createBrowserSettingsFlow()
    expect(replacing).toMatchObject({ kind: 'error', error: { id: 'session_inactive' } })
  })

  test('a retry sends the same request again', async () => {
    await serveStatuses([502, 502, 200])
    await client().createBrowserSettingsFlow('https://app.example.com/', 'ory_kratos_session=s', { organization: 'o' })
    const seen = server!.requests.map((request) => [request.method, request.url, request.headers.cookie, request.headers.accept])
    expect(seen).toHaveLength(3)
    expect(new Set(seen.map((entry) => JSON.stringify(entry))).size).toBe(1)
  })
})

describe('secrets stay out of thrown errors', () => {
  const secret = 'ory_kratos_session=TOPSECRET'
  const everything = (error: unknown): string => {
    const parts: string[] = []
    for (let current = error; current instanceof Error; current = current.cause) {
      parts.push(current.message, String(current.stack), JSON.stringify(current), JSON.stringify(Object.entries(current)))
    }
    return parts.join('\n')
  }

  test('timeout and network errors carry neither the cookie in message, fields nor cause', async () => {
    server = await startServer(() => {})
    const timeout = await rejection(client({ timeout: 100 }).createBrowserSettingsFlow(undefined, secret))
    await server.close()
    server = await startServer((request) => request.socket.destroy())
    const network = await rejection(client({ retry: 0 }).createBrowserSettingsFlow(undefined, secret))
    for (const error of [timeout, network]) expect(everything(error)).not.toContain('TOPSECRET')
  })
})
