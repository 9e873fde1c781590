import { serve, type FetchHandler } from '../../src/mock/serve.js'
import { createMockKratos, type MockKratosHandler, type MockKratosOptions } from '../../src/mock/index.js'

/** A mock Kratos served over HTTP on 127.0.0.1. */
export interface ServedKratos {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** The mock's base URL: the origin and the path prefix. */
  readonly baseUrl: string
  close(): Promise<void>
}

/**
 * Serves {@link createMockKratos} on an ephemeral loopback port, under `prefix` (for example
 * `/auth`). `wrap` may put something around it (CORS, extra pages).
 */
export async function serveMockKratos(prefix = '', options: Omit<MockKratosOptions, 'baseUrl'> = {}, wrap: (kratos: MockKratosHandler) => FetchHandler = (kratos) => kratos): Promise<ServedKratos> {
  let handler: FetchHandler = () => undefined
  const server = await serve((request) => handler(request))
  const baseUrl = `${server.origin}${prefix}`
  handler = wrap(createMockKratos({ ...options, baseUrl }))
  return { origin: server.origin, baseUrl, close: server.close }
}

/** The CORS headers Kratos sends an allowed origin, credentials included; none without an Origin. */
export function corsHeaders(origin: string | null | undefined): Record<string, string> {
  return origin === null || origin === undefined ? {} : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
}

/** Answers CORS preflights and lets a page read credentialed responses, as Kratos' CORS settings do for allowed origins. */
export function withCors(kratos: MockKratosHandler): FetchHandler {
  return async (request) => {
    const cors = corsHeaders(request.headers.get('origin'))
    if (request.method === 'OPTIONS') {
      const allowHeaders = request.headers.get('access-control-request-headers') ?? ''
      return new Response(null, { status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': allowHeaders } })
    }
    const response = await kratos(request)
    for (const [name, value] of Object.entries(cors)) response?.headers.set(name, value)
    return response
  }
}
