// Kratos' `serve.public.cors` with credentials, as rs/cors applies it (driver/config/config.go
// CORSPublic; embedx/config.schema.json for the defaults): an allowed origin gets itself back with
// credentials allowed; any other origin, and a request without one, gets no CORS header at all.

const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const ALLOWED_HEADERS = ['authorization', 'content-type', 'cookie', 'max-age', 'x-session-token', 'x-xsrf-token', 'x-csrf-token']
// Headers a browser may send on a simple request without asking (the CORS-safelisted ones).
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language']
const EXPOSED_HEADERS = 'Content-Type, Set-Cookie'

/** Credentialed CORS for `origins` (each an exact origin such as `http://localhost:5173`). */
export interface Cors {
  /** The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`), or undefined for any other request. */
  preflight(request: Request): Response | undefined
  /** `response` with the CORS headers `request`'s origin is allowed, if any. */
  apply(request: Request, response: Response): Response
}

/** Checks and normalizes the allowed origins: each must be an http(s) origin, nothing more. */
export function corsFor(origins: readonly string[]): Cors {
  const allowed = new Set(
    origins.map((origin) => {
      const url = URL.canParse(origin) ? new URL(origin) : undefined
      if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
        throw new TypeError(`corsOrigins: "${origin}" is not an origin such as http://localhost:5173`)
      }
      return url.origin
    }),
  )
  const originOf = (request: Request): string | undefined => {
    const origin = request.headers.get('origin')
    return origin !== null && allowed.has(origin) ? origin : undefined
  }

  return {
    preflight(request) {
      const method = request.headers.get('access-control-request-method')
      if (request.method !== 'OPTIONS' || method === null) return undefined
      const headers = new Headers({ vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' })
      const origin = originOf(request)
      const requested = (request.headers.get('access-control-request-headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '')
      const headersAllowed = requested.every((name) => ALLOWED_HEADERS.includes(name) || SAFELISTED_HEADERS.includes(name))
      if (origin !== undefined && ALLOWED_METHODS.includes(method.toUpperCase()) && headersAllowed) {
        headers.set('access-control-allow-origin', origin)
        headers.set('access-control-allow-credentials', 'true')
        headers.set('access-control-allow-methods', method.toUpperCase())
        if (requested.length > 0) headers.set('access-control-allow-headers', requested.join(', '))
      }
      return new Response(null, { status: 204, headers })
    },
    apply(request, response) {
      const origin = originOf(request)
      if (origin === undefined) return response
      const headers = new Headers(response.headers)
      headers.append('vary', 'Origin')
      headers.set('access-control-allow-origin', origin)
      headers.set('access-control-allow-credentials', 'true')
      headers.set('access-control-expose-headers', EXPOSED_HEADERS)
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
    },
  }
}
