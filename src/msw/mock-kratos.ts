import { makeKratosError, makeSettingsFlow, kratosErrorStatus } from './fixtures.js'
import type { KnownErrorId } from '../errors/known-errors.js'

/** Options of {@link createMockKratos} and {@link createKratosHandlers}. */
export interface MockKratosOptions {
  /** The public URL the mock answers at, with its path prefix. @example 'http://127.0.0.1:4433/auth' */
  baseUrl: string
  /** Where the self-service UI lives. @default baseUrl's origin + '/ui' */
  uiUrl?: string
  /** Origins allowed in `return_to`. @default [baseUrl's origin] */
  allowedReturnToOrigins?: string[]
  /**
   * Answer every settings request with this error, as Kratos would send it (a JSON error, or in
   * browser mode a 303 to the error UI). Unknown ids imitate a newer Kratos.
   */
  error?: KnownErrorId | (string & {})
}

/** The session cookie the mock reads: `ory_kratos_session=<token>`. Any token is a session; the token `aal1` is one without its second factor. */
export const SESSION_COOKIE = 'ory_kratos_session'

/** The mock's anti-CSRF cookie. Its value is base64 with `=` padding, like Kratos'. */
export const CSRF_COOKIE = 'csrf_token_mock'

function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function returnToAllowed(returnTo: string, allowed: readonly string[]): boolean {
  return URL.canParse(returnTo) && allowed.includes(new URL(returnTo).origin)
}

function newCsrfToken(): string {
  // 32 bytes in base64 always end in "=", a character that cookie layers like to re-encode.
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
}

/**
 * A Kratos imitation as a fetch handler, `(Request) => Response | undefined` (undefined for paths
 * it does not serve); serve it from any HTTP server, or through msw with {@link createKratosHandlers}.
 * For `GET <baseUrl>/self-service/settings/browser` it behaves like Kratos: JSON or a 303
 * depending on `Accept`; 401 (or a redirect to login) without a session cookie; 403
 * `session_aal2_required` for an AAL1 session; 400 for a return_to off the allow list; otherwise
 * a new flow whose CSRF token matches the CSRF cookie, which is set when the browser lacks it.
 */
export function createMockKratos(options: MockKratosOptions): (request: Request) => Response | undefined {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`)
  const endpoint = new URL('self-service/settings/browser', base).pathname
  const uiUrl = options.uiUrl ?? `${base.origin}/ui`
  const allowed = options.allowedReturnToOrigins ?? [base.origin]
  const secure = base.protocol === 'https:' ? '; Secure' : ''
  const login = new URL('self-service/login/browser', base).href

  const fail = (id: string, json: boolean, browserTarget: string): Response => {
    if (!json) return new Response(null, { status: 303, headers: { location: browserTarget } })
    // An AAL error points at the second-factor login, as Kratos does, rather than at the fixture's host.
    const extra = id === 'session_aal2_required' ? { redirect_browser_to: browserTarget } : {}
    return Response.json(makeKratosError(id, extra), { status: kratosErrorStatus(id) })
  }

  return (request) => {
    const url = new URL(request.url)
    if (request.method !== 'GET' || url.pathname !== endpoint) return undefined
    const json = request.headers.get('accept')?.includes('application/json') ?? false
    const cookies = request.headers.get('cookie')
    const session = readCookie(cookies, SESSION_COOKIE)
    const returnTo = url.searchParams.get('return_to')
    if (options.error !== undefined) {
      const target = options.error === 'session_aal2_required' ? `${login}?aal=aal2` : `${uiUrl}/error?id=${options.error}`
      return fail(options.error, json, target)
    }
    if (session === undefined) return fail('session_inactive', json, login)
    if (session === 'aal1') return fail('session_aal2_required', json, `${login}?aal=aal2`)
    if (returnTo !== null && !returnToAllowed(returnTo, allowed)) {
      return fail('self_service_flow_return_to_forbidden', json, `${uiUrl}/error?id=self_service_flow_return_to_forbidden`)
    }

    const headers = new Headers()
    let csrfToken = readCookie(cookies, CSRF_COOKIE)
    if (csrfToken === undefined) {
      csrfToken = newCsrfToken()
      headers.append('set-cookie', `${CSRF_COOKIE}=${csrfToken}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`)
    }
    const id = crypto.randomUUID()
    const flow = makeSettingsFlow({ id, request_url: request.url, ...(returnTo === null ? {} : { return_to: returnTo }) })
    flow.ui.action = new URL(`self-service/settings?flow=${id}`, base).href
    const csrfNode = flow.ui.nodes.find((node) => 'name' in node.attributes && node.attributes.name === 'csrf_token')
    if (csrfNode?.attributes.node_type === 'input') csrfNode.attributes.value = csrfToken
    if (json) return Response.json(flow, { status: 200, headers })
    headers.set('location', `${uiUrl}/settings?flow=${id}`)
    return new Response(null, { status: 303, headers })
  }
}
