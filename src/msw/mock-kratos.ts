import { makeKratosError, makeSettingsFlow, kratosErrorStatus } from './fixtures.js'
import type { KnownErrorId } from '../errors/known-errors.js'

/** Options of {@link createMockKratos}. */
export interface MockKratosOptions {
  /** The public URL the mock answers at, with its path prefix. @example 'http://127.0.0.1:4433/auth' */
  baseUrl: string
  /** Where the self-service UI lives. @default baseUrl's origin + '/ui' */
  uiUrl?: string
  /** Origins allowed in `return_to`. @default [baseUrl's origin] */
  allowedReturnToOrigins?: string[]
}

/** The session cookie the mock reads: `ory_kratos_session=<token>`; the token `aal1` means a session without its second factor. */
export const SESSION_COOKIE = 'ory_kratos_session'

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

/**
 * A Kratos imitation as a fetch handler, `(Request) => Response | undefined` (undefined for paths
 * it does not serve). For `GET …/self-service/settings/browser` it behaves like Kratos: JSON or
 * a 303 depending on `Accept`; 401 (or a redirect to login) without a session cookie; 403
 * `session_aal2_required` for an AAL1 session; 400 for a return_to off the allow list; a new flow
 * with a CSRF `Set-Cookie` otherwise.
 */
export function createMockKratos(options: MockKratosOptions): (request: Request) => Response | undefined {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`)
  const endpoint = new URL('self-service/settings/browser', base).pathname
  const uiUrl = options.uiUrl ?? `${base.origin}/ui`
  const allowed = options.allowedReturnToOrigins ?? [base.origin]
  const secure = base.protocol === 'https:' ? '; Secure' : ''

  const fail = (id: KnownErrorId, json: boolean, browserTarget: string): Response => {
    if (!json) return new Response(null, { status: 303, headers: { location: browserTarget } })
    // An AAL error points at the second-factor login, as Kratos does, rather than at the fixture's host.
    const extra = id === 'session_aal2_required' ? { redirect_browser_to: browserTarget } : {}
    return Response.json(makeKratosError(id, extra), { status: kratosErrorStatus(id) })
  }

  return (request) => {
    const url = new URL(request.url)
    if (request.method !== 'GET' || url.pathname !== endpoint) return undefined
    const json = request.headers.get('accept')?.includes('application/json') ?? false
    const session = readCookie(request.headers.get('cookie'), SESSION_COOKIE)
    const returnTo = url.searchParams.get('return_to')
    const login = new URL('self-service/login/browser', base)
    if (session === undefined) return fail('session_inactive', json, login.href)
    if (session === 'aal1') return fail('session_aal2_required', json, `${login.href}?aal=aal2`)
    if (returnTo !== null && !returnToAllowed(returnTo, allowed)) {
      return fail('self_service_flow_return_to_forbidden', json, `${uiUrl}/error?id=self_service_flow_return_to_forbidden`)
    }
    const id = crypto.randomUUID()
    const flow = makeSettingsFlow({ id, request_url: request.url, ...(returnTo === null ? {} : { return_to: returnTo }) })
    flow.ui.action = new URL(`self-service/settings?flow=${id}`, base).href
    const headers = new Headers()
    headers.append('set-cookie', `csrf_token_mock=${crypto.randomUUID()}; Path=/; HttpOnly; SameSite=Lax${secure}`)
    if (json) return Response.json(flow, { status: 200, headers })
    headers.set('location', `${uiUrl}/settings?flow=${id}`)
    return new Response(null, { status: 303, headers })
  }
}
