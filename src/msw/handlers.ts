import { http, type HttpHandler } from 'msw'
import { createMockKratos, type MockKratosOptions } from '../mock/mock-kratos.js'

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
  const url = (path: string) => new URL(path, base).href
  const answer = async ({ request }: { request: Request }) => (await kratos(request)) ?? new Response(null, { status: 404 })
  return [
    http.get(url('self-service/settings/browser'), answer),
    http.get(url('self-service/settings/flows'), answer),
    http.post(url('self-service/settings'), answer),
    http.get(url('self-service/errors'), answer),
  ]
}
