import { http, type HttpHandler } from 'msw'
import { createMockKratos, type MockKratosOptions } from '../mock/mock-kratos.js'
import { directoryUrl, settingsEndpoints } from '../kratos/endpoints.js'

/**
 * msw handlers that behave like Kratos at `options.baseUrl` (path prefix included) for the
 * operations this SDK supports, Kratos' login flow and the mock's own pages. See
 * {@link createMockKratos} for the behaviour.
 *
 * @example
 * const server = setupServer(...createKratosHandlers({ baseUrl: 'https://auth.example.com' }))
 * server.use(...createKratosHandlers({ baseUrl: 'https://auth.example.com', kratosVersion: 'v25.4.0' }))
 */
export function createKratosHandlers(options: MockKratosOptions): HttpHandler[] {
  const kratos = createMockKratos(options)
  const endpoints = settingsEndpoints(options.baseUrl)
  const answer = async ({ request }: { request: Request }) => (await kratos(request)) ?? new Response(null, { status: 404 })
  const base = directoryUrl(options.baseUrl)
  return [
    http.get(endpoints.create, answer),
    http.get(endpoints.get, answer),
    http.post(endpoints.update, answer),
    // Where a browser comes back after signing in again: a paused change resumes.
    http.get(endpoints.update, answer),
    http.get(endpoints.errors, answer),
    http.get(endpoints.login, answer),
    http.post(new URL('self-service/login', base).href, answer),
    http.get(new URL('mock/login', base).href, answer),
    http.get(new URL('mock/error', base).href, answer),
  ]
}
