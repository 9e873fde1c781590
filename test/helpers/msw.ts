import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createKratosClient, type KratosClientOptions } from '../../src/index.js'

/** The base URL msw tests use; nothing listens there, msw answers. */
export const BASE_URL = 'http://kratos.test'

/** One msw server per test file; a request no handler matches fails the test. */
export const server = setupServer()

/** Starts msw for the calling test file and resets handlers after each test. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
}

/** Answers `<method> <base>/<path>` with `respond`, and records a clone of each request. */
export function onKratos(method: 'get' | 'post', path: string, respond: (request: Request) => Response | Promise<Response>, baseUrl = BASE_URL): Request[] {
  const requests: Request[] = []
  server.use(
    http[method](`${baseUrl}/${path}`, ({ request }) => {
      requests.push(request.clone())
      return respond(request)
    }),
  )
  return requests
}

/** Answers `GET <base>/self-service/settings/browser` with `respond`, and records each request. */
export function onCreateSettingsFlow(respond: (request: Request) => Response | Promise<Response>, baseUrl = BASE_URL): Request[] {
  return onKratos('get', 'self-service/settings/browser', respond, baseUrl)
}

/** A client for msw tests: no retries, so a test sees exactly one request per call. */
export function testClient(options: Partial<KratosClientOptions> = {}) {
  return createKratosClient({ baseUrl: BASE_URL, retry: 0, ...options })
}
