import { http, type HttpHandler } from 'msw'
import { createMockKratos, type MockKratosOptions } from './mock-kratos.js'

/**
 * msw handlers that behave like Kratos at `options.baseUrl` (path prefix included) for the
 * operations this SDK supports. See {@link createMockKratos} for the behaviour.
 *
 * @example
 * const server = setupServer(...createKratosHandlers({ baseUrl: 'https://auth.example.com' }))
 * server.use(...createKratosHandlers({ baseUrl: 'https://auth.example.com', error: 'session_refresh_required' }))
 */
export function createKratosHandlers(options: MockKratosOptions): HttpHandler[] {
  const kratos = createMockKratos(options)
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`
  return [http.get(new URL('self-service/settings/browser', base).href, ({ request }) => kratos(request))]
}
