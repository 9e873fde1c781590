import type { KnownErrorId } from '../errors/known-errors.js'
import { findInput } from '../flow/find-input.js'
import type { SettingsFlow } from '../types.js'
import { isJsonObject, parseJson } from '../utils/json.js'
import { applyUpdate, parseFormBody } from './apply-update.js'
import { makeKratosError, makeSettingsFlow, kratosErrorStatus } from './fixtures.js'

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

/** A fetch-style handler: `undefined` for a request the mock does not serve. */
export type MockKratosHandler = (request: Request) => Promise<Response | undefined>

const NOT_FOUND = {
  error: { code: 404, status: 'Not Found', reason: 'The settings request could not be found. Please restart the flow.', message: 'The requested resource could not be found' },
}

/**
 * A Kratos imitation as a fetch handler; serve it from any HTTP server, or through msw with
 * {@link createKratosHandlers}. It behaves like Kratos for the three settings operations under
 * `baseUrl`, answering JSON or (for a browser navigation or form post) a 303 depending on `Accept`:
 * - every operation: 401 (or a redirect to login) without a session cookie; 403
 *   `session_aal2_required` for an AAL1 session; `options.error` when set;
 * - create: 400 for a `return_to` off the allow list; otherwise a new flow whose CSRF token is
 *   the CSRF cookie's value, the cookie being set when the browser lacks it;
 * - get: the flow; 404 (an error without an id, as Kratos sends it) for an unknown id; 403
 *   `security_identity_mismatch` for another session's flow;
 * - update (JSON or form body): 403 `security_csrf_violation` unless the body's `csrf_token`
 *   matches the CSRF cookie; then, for `profile` and `password`, 400 with the flow (same id) and
 *   messages on its nodes, or 200 with `state: 'success'` and `continue_with`.
 * Flows live in this handler's memory.
 */
export function createMockKratos(options: MockKratosOptions): MockKratosHandler {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`)
  const endpoint = (path: string) => new URL(path, base).pathname
  const paths = { create: endpoint('self-service/settings/browser'), get: endpoint('self-service/settings/flows'), update: endpoint('self-service/settings') }
  const uiUrl = options.uiUrl ?? `${base.origin}/ui`
  const allowed = options.allowedReturnToOrigins ?? [base.origin]
  const secure = base.protocol === 'https:' ? '; Secure' : ''
  const login = new URL('self-service/login/browser', base).href
  const flows = new Map<string, { flow: SettingsFlow; session: string }>()

  const fail = (id: string, json: boolean, browserTarget: string): Response => {
    if (!json) return new Response(null, { status: 303, headers: { location: browserTarget } })
    // An AAL error points at the second-factor login, as Kratos does, rather than at the fixture's host.
    const extra = id === 'session_aal2_required' ? { redirect_browser_to: browserTarget } : {}
    return Response.json(makeKratosError(id, extra), { status: kratosErrorStatus(id) })
  }
  const answer = (flow: SettingsFlow, status: number, json: boolean, headers = new Headers()): Response => {
    if (json) return Response.json(flow, { status, headers })
    headers.set('location', `${uiUrl}/settings?flow=${flow.id}`)
    return new Response(null, { status: 303, headers })
  }

  const create = (request: Request, url: URL, json: boolean, session: string): Response => {
    const returnTo = url.searchParams.get('return_to')
    if (returnTo !== null && !returnToAllowed(returnTo, allowed)) {
      return fail('self_service_flow_return_to_forbidden', json, `${uiUrl}/error?id=self_service_flow_return_to_forbidden`)
    }
    const headers = new Headers()
    let csrfToken = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
    if (csrfToken === undefined) {
      csrfToken = newCsrfToken()
      headers.append('set-cookie', `${CSRF_COOKIE}=${csrfToken}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`)
    }
    const id = crypto.randomUUID()
    const flow = makeSettingsFlow({ id, request_url: request.url, ...(returnTo === null ? {} : { return_to: returnTo }) })
    flow.ui.action = new URL(`self-service/settings?flow=${id}`, base).href
    const csrfNode = findInput(flow, 'csrf_token')
    if (csrfNode !== undefined) csrfNode.attributes.value = csrfToken
    flows.set(id, { flow, session })
    return answer(flow, 200, json, headers)
  }

  const update = async (request: Request, stored: { flow: SettingsFlow; session: string }, json: boolean): Promise<Response> => {
    const text = await request.text()
    const form = request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded') ?? false
    const parsed = form ? parseFormBody(text) : parseJson(text)
    const body = isJsonObject(parsed) ? parsed : {}
    const csrfCookie = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
    if (csrfCookie === undefined || body['csrf_token'] !== csrfCookie) return fail('security_csrf_violation', json, `${uiUrl}/error?id=security_csrf_violation`)
    const outcome = applyUpdate(stored.flow, body)
    stored.flow = outcome.flow
    return answer(outcome.flow, outcome.kind === 'invalid' ? 400 : 200, json)
  }

  return async (request) => {
    const url = new URL(request.url)
    const operation = (['create', 'get', 'update'] as const).find(
      (name) => url.pathname === paths[name] && request.method === (name === 'update' ? 'POST' : 'GET'),
    )
    if (operation === undefined) return undefined
    const json = request.headers.get('accept')?.includes('application/json') ?? false
    if (options.error !== undefined) {
      const target = options.error === 'session_aal2_required' ? `${login}?aal=aal2` : `${uiUrl}/error?id=${options.error}`
      return fail(options.error, json, target)
    }
    const session = readCookie(request.headers.get('cookie'), SESSION_COOKIE)
    if (session === undefined) return fail('session_inactive', json, login)
    if (session === 'aal1') return fail('session_aal2_required', json, `${login}?aal=aal2`)
    if (operation === 'create') return create(request, url, json, session)

    const stored = flows.get(url.searchParams.get(operation === 'get' ? 'id' : 'flow') ?? '')
    if (stored === undefined) return Response.json(NOT_FOUND, { status: 404 })
    if (stored.session !== session) return fail('security_identity_mismatch', json, `${uiUrl}/error?id=security_identity_mismatch`)
    return operation === 'get' ? answer(stored.flow, 200, true) : update(request, stored, json)
  }
}
