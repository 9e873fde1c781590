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
 * `/auth`). `wrap` may put something around it (a probe, extra pages). CORS is the mock's own `corsOrigins`.
 */
export async function serveMockKratos(prefix = '', options: Omit<MockKratosOptions, 'baseUrl'> = {}, wrap: (kratos: MockKratosHandler) => FetchHandler = (kratos) => kratos): Promise<ServedKratos> {
  let handler: FetchHandler = () => undefined
  const server = await serve((request) => handler(request))
  const baseUrl = `${server.origin}${prefix}`
  handler = wrap(createMockKratos({ ...options, baseUrl }))
  return { origin: server.origin, baseUrl, close: server.close }
}

/** The CORS headers Kratos sends an allowed origin, credentials included; none without an Origin. For the plain test servers beside the mock. */
export function corsHeaders(origin: string | null | undefined): Record<string, string> {
  return origin === null || origin === undefined ? {} : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
}
