import { findInput, isNodeType } from '../utils/ui-nodes.js'
import type { ContinueWith, SettingsFlow, UiNode, UiText } from '../types.js'
import { parseJson, type JsonObject } from '../utils/json.js'
import { maskCsrfToken, newCsrfSecret, readCsrfSecret, verifyCsrfToken } from './csrf.js'
import { CSRF_HINT_SERVER, DEFAULT_FLOW_LIFESPAN_MS, identityOf, makeKratosError } from './fixtures.js'
import { DEFAULT_TRAITS_SCHEMA, traitSchemaOf, type FieldMessage, type TraitSchema } from './identity-schema.js'
import { MESSAGES } from './messages.js'
import { applyMethods, type MockIdentity } from './methods.js'
import { isJsonRequest } from './negotiate.js'
import { normalizeJsonBody, ownField, parseFormBody } from './request-body.js'
import { directoryUrl, settingsEndpoints } from '../kratos/endpoints.js'
import { herodotError } from '../kratos/herodot.js'
import { MALFORMED_FLOW_ID_REASON, UNKNOWN_FLOW_REASON } from '../kratos/operations.js'
import { inputNode, lookupCodeNodes, settingsNodes } from './settings-nodes.js'
import { BoundedMap } from './bounded-map.js'
import { corsFor } from './cors.js'
import { errorPage, escapeHtml, SESSION_KINDS, signInPage, type SessionKind } from './pages.js'
import { DEFAULT_KRATOS_VERSION, VERSIONS, type KratosVersion } from './versions.js'

/** The settings methods Kratos offers, as their `method` values. */
export type SettingsMethod = 'profile' | 'password' | 'oidc' | 'totp' | 'lookup_secret' | 'webauthn' | 'passkey'

/** The method a body is for: its `method` field, else the method its fields belong to (the strategies' own checks). */
function requestedMethod(body: JsonObject): string | undefined {
  if (typeof body['method'] === 'string') return body['method']
  const fields: Record<string, SettingsMethod> = {
    link: 'oidc',
    unlink: 'oidc',
    totp_unlink: 'totp',
    webauthn_register: 'webauthn',
    webauthn_remove: 'webauthn',
    passkey_settings_register: 'passkey',
    passkey_remove: 'passkey',
  }
  for (const [field, method] of Object.entries(fields)) if (body[field] !== undefined) return method
  return ['confirm', 'reveal', 'disable', 'regenerate'].some((flag) => body[`lookup_secret_${flag}`] !== undefined) ? 'lookup_secret' : undefined
}

/** Options of {@link createMockKratos}: the parts of Kratos' configuration the settings flow depends on. */
export interface MockKratosOptions {
  /** Kratos' public URL (`serve.public.base_url`), with its path prefix. @example 'http://127.0.0.1:4433/auth' */
  baseUrl: string
  /** Where the app's self-service UI lives: the settings and verification pages are `<uiUrl>/settings` and `<uiUrl>/verification`. @default baseUrl's origin + '/ui' */
  uiUrl?: string | undefined
  /** `selfservice.flows.login.ui_url`: the page a browser signs in on. @default the mock's own sign-in page, `<baseUrl>/mock/login` */
  loginUiUrl?: string | undefined
  /** `selfservice.flows.error.ui_url`: the page a browser is sent to with an error. @default the mock's own error page, `<baseUrl>/mock/error` */
  errorUiUrl?: string | undefined
  /** `serve.public.cors` with credentials: the origins (such as `http://localhost:5173`) whose pages may call the mock, preflights answered. @default [] (no CORS header) */
  corsOrigins?: string[] | undefined
  /** `selfservice.allowed_return_urls`: URL prefixes a `return_to` may start with. @default [uiUrl's origin + '/'] */
  allowedReturnUrls?: string[] | undefined
  /** `selfservice.default_browser_return_url`: resolves relative `return_to` values. @default uiUrl's origin + '/' */
  defaultReturnUrl?: string | undefined
  /** `selfservice.flows.settings.lifespan` in ms. @default 3_600_000 */
  flowLifespanMs?: number | undefined
  /** `selfservice.flows.settings.privileged_session_max_age` in ms. @default 3_600_000 */
  privilegedSessionMaxAgeMs?: number | undefined
  /** The clock; move it forward to expire flows and age sessions. @default () => new Date() */
  now?: (() => Date) | undefined
  /** The identity schema's `traits`, which profile updates are checked against. @default DEFAULT_TRAITS_SCHEMA */
  traitsSchema?: TraitSchema | undefined
  /** OIDC providers that can be linked. @default ['github'] */
  oidcProviders?: string[] | undefined
  /** The Kratos version to imitate where versions answer differently (docs/kratos-behaviour.md). @default 'v26.2.0' */
  kratosVersion?: KratosVersion | undefined
  /** `selfservice.flows.settings.required_aal`: with `aal1`, a session without the second factor its identity has may change settings. @default 'highest_available' */
  requiredAal?: 'aal1' | 'highest_available' | undefined
  /** The `show_verification_ui` hook is on the profile method's after hooks: an email change asks for verification. @default false */
  verificationHook?: boolean | undefined
  /** The `verify_new_address` hook (Kratos master): an email change waits, unsaved, until the new address is verified. @default false */
  verifyNewAddress?: boolean | undefined
  /** Settings methods turned off (`selfservice.methods.<method>.enabled: false`): their nodes are gone, and a request for one is a 404. */
  disabledMethods?: SettingsMethod[] | undefined
}

/**
 * The session cookie the mock reads: `ory_kratos_session=<token>` (or the header
 * `X-Session-Token: ory_st_<token>`, which wins over the cookie). Every token is a session,
 * authenticated when the mock first sees it. A token `aal1-<name>` (or `aal1`) is a session of
 * `<name>` without the second factor that identity has; `aal2-<name>` one with it;
 * `stale-<name>` (or `stale`) one that
 * authenticated too long ago for privileged changes. Other tokens name their identity.
 */
export const SESSION_COOKIE = 'ory_kratos_session'

/** The mock's anti-CSRF cookie (Kratos names it `csrf_token_<hash of its URL>`). Its value is base64 with `=` padding, like Kratos'. */
export const CSRF_COOKIE = 'csrf_token_mock'

/** A fetch-style handler: `undefined` for a request the mock does not serve. */
export type MockKratosHandler = (request: Request) => Promise<Response | undefined>

interface Session {
  readonly identity: MockIdentity
  readonly authenticatedAt: Date
  readonly aal1: boolean
}

interface StoredFlow {
  flow: SettingsFlow
  readonly identityId: string
  pendingCodes: string[] | undefined
  /** A change held while the user signs in again, and the continuity cookie's value that resumes it. */
  paused?: { readonly continuity: string; readonly body: JsonObject; readonly form: boolean } | undefined
}

interface LoginFlow {
  readonly id: string
  readonly returnTo: string
  readonly refresh: boolean
  readonly aal2: boolean
  /** The session a refresh or second-factor login is for. */
  readonly session: Session | undefined
  readonly issuedAt: Date
  readonly expiresAt: Date
}

/** How many flows, sessions, identities, login flows and errors the mock keeps, each: the newest. */
const MAX_RECORDS = 1_000

/** The continuity cookie that holds a paused change (continuity/manager_cookie.go). */
const CONTINUITY_COOKIE = 'ory_kratos_continuity'

type ErrorBody = ReturnType<typeof makeKratosError>

function readCookie(header: string | null, name: string): string | undefined {
  // Stryker disable next-line ArrayDeclaration: equivalent; a made-up pair names no cookie the mock reads
  for (const pair of header?.split(';') ?? []) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

/** Go's http.Redirect: the answer to a GET carries a short HTML page with the link; to a POST, no body (recorded: C2, G3; U2). */
function withRedirectBody(request: Request, response: Response): Response {
  const location = response.headers.get('location')
  if (request.method !== 'GET' || location === null || response.body !== null) return response
  const headers = new Headers(response.headers)
  headers.set('content-type', 'text/html; charset=utf-8')
  const href = escapeHtml(location)
  return new Response(`<a href="${href}">${response.status === 302 ? 'Found' : 'See Other'}</a>.\n\n`, { status: response.status, headers })
}

/** The URL Kratos takes a request to be for: `X-Forwarded-Host` over the host, `X-Forwarded-Proto` over the scheme (x/http.go RequestURL; recorded: C17). */
function requestUrlOf(request: Request): string {
  const url = new URL(request.url)
  const host = request.headers.get('x-forwarded-host')
  const proto = request.headers.get('x-forwarded-proto')
  if (host !== null && host !== '') {
    // The header is the whole host: no port in it is no port, not the one the request came to.
    url.port = ''
    url.host = host
  }
  if (proto !== null && proto !== '') url.protocol = proto
  return url.href
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An id-less herodot error. */
function herodot(code: number, message: string, reason?: string, details?: JsonObject): ErrorBody {
  return herodotError(code, { message, reason, details }) as ErrorBody
}

/**
 * A Kratos imitation as a fetch handler, true to docs/kratos-behaviour.md: the three settings
 * endpoints under `baseUrl` (and `GET /self-service/errors?id=` for errors it sent a browser to),
 * answering JSON or redirects as Kratos decides (Accept negotiation, or `Content-Type:
 * application/json`), with Kratos' statuses, bodies, texts and message ids. Serve it from any
 * HTTP server ({@link startMockKratos}), or through msw (`kratos-settings/msw`). Its state (flows,
 * sessions, identities) lives in this handler's memory, the newest 1,000 of each: one handler per
 * test keeps tests apart.
 */
export function createMockKratos(options: MockKratosOptions): MockKratosHandler {
  const base = directoryUrl(options.baseUrl)
  const endpoints = settingsEndpoints(base)
  const paths = {
    create: new URL(endpoints.create).pathname,
    get: new URL(endpoints.get).pathname,
    update: new URL(endpoints.update).pathname,
    errors: new URL(endpoints.errors).pathname,
  }
  const uiUrl = (options.uiUrl ?? `${base.origin}/ui`).replace(/\/$/, '')
  const mockPages = { login: new URL('mock/login', base).href, error: new URL('mock/error', base).href }
  const loginUi = options.loginUiUrl ?? mockPages.login
  const errorUi = options.errorUiUrl ?? mockPages.error
  const loginSubmit = new URL('self-service/login', base).href
  const cors = corsFor(options.corsOrigins ?? [])
  const uiOrigin = new URL(uiUrl).origin
  const allowed = [...(options.allowedReturnUrls ?? [`${uiOrigin}/`]), new URL('self-service', base).href].map((url) => new URL(url))
  const defaultReturnUrl = new URL(options.defaultReturnUrl ?? `${uiOrigin}/`)
  const lifespan = options.flowLifespanMs ?? DEFAULT_FLOW_LIFESPAN_MS
  const privilegedAge = options.privilegedSessionMaxAgeMs ?? 60 * 60 * 1000
  const now = options.now ?? (() => new Date())
  // Copies: a caller that changes its options (or shares them with another mock) changes no running mock.
  const traitsSchema = options.traitsSchema === undefined ? DEFAULT_TRAITS_SCHEMA : structuredClone(options.traitsSchema)
  const providers = [...(options.oidcProviders ?? ['github'])]
  const version = VERSIONS[options.kratosVersion ?? DEFAULT_KRATOS_VERSION]
  const aal2Required = options.requiredAal !== 'aal1'
  const disabled = new Set<string>(options.disabledMethods ?? [])
  const verificationHook = options.verificationHook === true
  const verifyNewAddress = options.verifyNewAddress === true
  const secure = base.protocol === 'https:' ? '; Secure' : ''

  // Bounded: a long-running command keeps the newest of each, never an unbounded history.
  const sessions = new BoundedMap<string, Session>(MAX_RECORDS)
  const identities = new BoundedMap<string, MockIdentity>(MAX_RECORDS)
  const flows = new BoundedMap<string, StoredFlow>(MAX_RECORDS)
  const loginFlows = new BoundedMap<string, LoginFlow>(MAX_RECORDS)
  const storedErrors = new BoundedMap<string, { id: string; error: ErrorBody['error']; created_at: string; updated_at: string }>(MAX_RECORDS)

  /** The identity `name` stands for, made on first sight: `grace` is grace@example.com. */
  const identityNamed = (name: string): MockIdentity => {
    let identity = identities.get(name)
    if (identity === undefined) {
      const traits: JsonObject = { email: 'ada@example.com', name: { first: 'Ada', last: 'Lovelace' } }
      // A name that can be an email's local part is the identity's email: `grace` is grace@example.com.
      if (/^[a-z0-9._-]+$/i.test(name)) traits['email'] = `${name}@example.com`
      identity = {
        id: crypto.randomUUID(),
        traits,
        hasTotp: false,
        lookupCodes: undefined,
        password: undefined,
        verificationSent: false,
        createdAt: now().toISOString(),
        addressIds: [crypto.randomUUID(), crypto.randomUUID()],
      }
      identities.set(name, identity)
    }
    return identity
  }

  /** A new session of `identity` of this kind (the session cookie's grammar: `aal1`, `aal2`, `stale` or plain). */
  const newSession = (identity: MockIdentity, kind: SessionKind): Session => {
    if (kind === 'aal1' || kind === 'aal2') identity.hasTotp = true
    return { identity, authenticatedAt: kind === 'stale' ? new Date(0) : now(), aal1: kind === 'aal1' && aal2Required }
  }

  const session = (token: string | undefined): Session | undefined => {
    if (token === undefined || token === '') return undefined
    let found = sessions.get(token)
    if (found === undefined) {
      // Stryker disable next-line StringLiteral,ArrayDeclaration,Regex: equivalent; the pattern matches every string whole, so neither fallback is used
      const [, kind = '', name = ''] = /^(aal1|aal2|stale)?-?(.*)$/s.exec(token) ?? []
      found = newSession(identityNamed(name), kind as SessionKind)
      sessions.set(token, found)
    }
    return found
  }

  const redirect = (location: string, status = 303, headers = new Headers()): Response => {
    headers.set('location', location)
    return new Response(null, { status, headers })
  }
  const json = (body: unknown, status: number, headers = new Headers()): Response => Response.json(body, { status, headers })
  // errorx: a browser goes to the error UI, which reads the stored error back by its id.
  const toErrorUi = (body: ErrorBody, headers?: Headers): Response => {
    const id = crypto.randomUUID()
    const time = now().toISOString()
    storedErrors.set(id, { id, error: body.error, created_at: time, updated_at: time })
    return redirect(`${errorUi}?id=${id}`, 303, headers)
  }
  const fail = (body: ErrorBody, asJson: boolean, headers?: Headers): Response => (asJson ? json(body, body.error.code ?? 500, headers) : toErrorUi(body, headers))

  const loginInit = (query: Record<string, string>) => {
    const url = new URL(endpoints.login)
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
    return url.href
  }
  const aal2Error = (returnTo: string | undefined) => {
    const url = loginInit(returnTo === undefined ? { aal: 'aal2' } : { aal: 'aal2', return_to: returnTo })
    const body = makeKratosError('session_aal2_required', { redirect_browser_to: url })
    body.error.details = { redirect_browser_to: url }
    return body
  }
  const settingsUi = (flowId: string) => `${uiUrl}/settings?flow=${flowId}`
  /** The session cookie Kratos issues (again) for `token` (hook.go:353-355). */
  const sessionCookie = (token: string) => `${SESSION_COOKIE}=${token}; Path=/; Expires=${new Date(now().getTime() + 86_400_000).toUTCString()}; Max-Age=86400; HttpOnly; SameSite=Lax${secure}`
  /**
   * A request's body as Kratos' decoder reads it: JSON for a JSON content type, a form otherwise.
   * It knows the identity schema: a boolean trait, like a boolean field, takes its last value (a
   * checkbox after its hidden "false").
   */
  const readBody = async (request: Request): Promise<{ body: JsonObject; form: boolean }> => {
    // Stryker disable next-line StringLiteral: equivalent; a missing and a made-up content type both mean a form body
    const form = !(request.headers.get('content-type') ?? '').startsWith('application/json')
    const text = await request.text()
    return { form, body: form ? parseFormBody(text, (name) => traitSchemaOf(traitsSchema, name)?.type === 'boolean') : normalizeJsonBody(parseJson(text)) }
  }
  const continuityCookie = (value = newCsrfSecret()) =>
    new Headers({
      'set-cookie': `${CONTINUITY_COOKIE}=${value}; Path=/; Expires=${new Date(now().getTime() + 3_600_000).toUTCString()}; Max-Age=3600; HttpOnly; SameSite=Lax${secure}`,
    })
  /**
   * The verification a successful update asks for: v1.3.1 for an address no message went to yet,
   * after any update (selfservice/hook/verification.go:103 at v1.3.1); later versions only with the
   * show_verification_ui hook, after a profile update that changed it (recorded: U7, U34, U40).
   */
  const verification = (body: JsonObject, previousEmail: unknown, identity: MockIdentity): ContinueWith[] => {
    const email = ownField(identity.traits, 'email')
    if (typeof email !== 'string') return []
    const wanted = version.verificationOnEveryUpdate ? !identity.verificationSent : verificationHook && body['method'] === 'profile' && email !== previousEmail
    if (!wanted) return []
    identity.verificationSent = true
    const id = crypto.randomUUID()
    return [{ action: 'show_verification_ui', flow: { id, verifiable_address: email, url: `${uiUrl}/verification?flow=${id}` } }]
  }

  /** The resolved `return_to` when Kratos would allow it, else the error it sends (x/redir/secure_redirect.go). */
  const checkReturnTo = (raw: string): ErrorBody | undefined => {
    if (!URL.canParse(raw, defaultReturnUrl)) {
      return herodot(400, 'The request was malformed or contained invalid parameters', `Unable to parse the return_to query parameter as an URL: ${raw}`)
    }
    const target = new URL(raw, defaultReturnUrl)
    const ok = allowed.some((url) => url.protocol === target.protocol && url.host === target.host && target.pathname.startsWith(url.pathname))
    if (ok) return undefined
    const body = makeKratosError('self_service_flow_return_to_forbidden')
    body.error.reason = `Requested return_to URL ${JSON.stringify(target.href)} is not allowed.`
    return body
  }

  /** A flow's UI for `identity`, with a freshly masked CSRF token. */
  const freshUi = (flowId: string, identity: MockIdentity, csrfSecret: Uint8Array | undefined): SettingsFlow['ui'] => {
    const csrfToken = csrfSecret === undefined ? '' : maskCsrfToken(csrfSecret)
    const nodes = settingsNodes({ baseUrl: base, traitsSchema, identity, providers, csrfToken, version }).filter((node) => !disabled.has(node.group))
    return { action: `${endpoints.update}?flow=${encodeURIComponent(flowId)}`, method: 'POST', nodes }
  }

  const newFlow = (request: Request, identity: MockIdentity, csrfSecret: Uint8Array | undefined, returnTo: string | null, requestUrl = requestUrlOf(request)): StoredFlow => {
    const id = crypto.randomUUID()
    const issuedAt = now()
    const flow: SettingsFlow = {
      id,
      type: 'browser',
      expires_at: new Date(issuedAt.getTime() + lifespan).toISOString(),
      issued_at: issuedAt.toISOString(),
      request_url: requestUrl,
      ...(returnTo === null ? {} : { return_to: returnTo }),
      identity: identityOf(identity, base),
      ui: freshUi(id, identity, csrfSecret),
      state: 'show_form',
      ...(version.flowOrganizationId ? { organization_id: null } : {}),
    }
    const stored = { flow, identityId: identity.id, pendingCodes: undefined }
    flows.set(id, stored)
    return stored
  }

  // Each endpoint checks in Kratos' order; the comments name the rows of docs/kratos-behaviour.md.
  const create = (request: Request, url: URL, asJson: boolean, found: Session | undefined, csrfSecret: Uint8Array, headers: Headers): Response => {
    const returnTo = url.searchParams.get('return_to')
    // C3, C4, C16: no session.
    if (found === undefined) {
      const body = makeKratosError('session_inactive')
      if (!version.credentialsMissingField) delete body['CredentialsMissing']
      if (asJson) return json(body, 401, headers)
      return redirect(loginInit(returnTo === null ? {} : { return_to: returnTo }), 303, headers)
    }
    // C5-C7 (C13: required_aal aal1 lets the session through).
    if (found.aal1) {
      const body = aal2Error(returnTo === null || returnTo === '' ? undefined : requestUrlOf(request))
      return asJson ? json(body, 403, headers) : redirect(String(body['redirect_browser_to']), 303, headers)
    }
    // C8-C11
    if (returnTo !== null && returnTo !== '') {
      const problem = checkReturnTo(returnTo)
      if (problem !== undefined) return fail(problem, asJson, headers)
    }
    const { flow } = newFlow(request, found.identity, csrfSecret, returnTo === '' ? null : returnTo)
    // C1, C2, C12, C14, C15: the success answer negotiates on Accept only (x/http.go:107-141).
    return asJson ? json(flow, 200, headers) : redirect(settingsUi(flow.id), 303, headers)
  }

  const get = (url: URL, found: Session, headers: Headers): Response => {
    // Stryker disable next-line StringLiteral: equivalent; flow ids are random UUIDs, so any fallback misses alike
    const id = url.searchParams.get('id') ?? ''
    const stored = flows.get(id)
    // G4, G8
    if (stored === undefined) return json(herodot(404, 'Unable to locate the resource'), 404, headers)
    // G5
    if (stored.identityId !== found.identity.id) return json(makeKratosError('security_identity_mismatch'), 403, headers)
    // G6
    if (found.aal1) return json(aal2Error(settingsUi(id)), 403, headers)
    // G7
    if (new Date(stored.flow.expires_at) < now()) {
      const returnTo = stored.flow.return_to ?? ''
      const restart = new URL(endpoints.create)
      if (returnTo !== '') restart.searchParams.set('return_to', returnTo)
      const body = herodot(
        410,
        'The requested resource is no longer available because it has expired or is otherwise invalid.',
        'The settings flow has expired. Redirect the user to the settings flow init endpoint to initialize a new settings flow.',
        { redirect_to: restart.href, return_to: returnTo },
      )
      return json(body, 410, headers)
    }
    return json(stored.flow, 200, headers)
  }

  /** Kratos' CSRF error for this request (x/nosurfx/nosurf.go:226-261; before v26.2.0 one hint and reason for every cause). */
  const csrfError = (request: Request, form: boolean, body: JsonObject): ErrorBody => {
    const error = makeKratosError('security_csrf_violation')
    const missingToken = 'The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).'
    const mismatch = 'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.'
    let details: JsonObject
    if (!version.csrfDetailsByCause) details = { hint: missingToken, reject_reason: mismatch }
    else {
      // A fetch from a page or a server runtime sends Sec-Fetch-Mode: cors (Node's fetch does), and gets the AJAX hint.
      const mode = request.headers.get('sec-fetch-mode')
      const ajax = mode === 'cors' || mode === 'same-origin'
      const hint = ajax
        ? "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded."
        : CSRF_HINT_SERVER
      const cookieHeader = request.headers.get('cookie')
      // A session token alone brings no cookie (recorded: U57).
      if (cookieHeader === null || cookieHeader === '') details = { hint, reject_reason: 'The HTTP Cookie Header is empty or not set.' }
      else if (readCookie(cookieHeader, CSRF_COOKIE) === undefined) details = { hint, reject_reason: 'The HTTP Cookie Header was set but did not include the anti-CSRF cookie.' }
      else if (form && body['csrf_token'] === undefined && !request.headers.get('x-csrf-token')) details = { hint: missingToken }
      else details = { hint, reject_reason: mismatch }
    }
    error.error.details = { docs: version.csrfDocs, ...details }
    return error
  }

  const update = async (request: Request, url: URL, asJson: boolean, found: Session, token: string): Promise<Response> => {
    // Stryker disable next-line StringLiteral: equivalent; any fallback fails the UUID check alike
    const flowId = url.searchParams.get('flow') ?? ''
    // U19
    if (!UUID.test(flowId)) {
      return fail(herodot(400, 'The request was malformed or contained invalid parameters', MALFORMED_FLOW_ID_REASON), asJson)
    }
    const stored = flows.get(flowId)
    // U18
    if (stored === undefined) {
      return fail(herodot(404, 'The requested resource could not be found', UNKNOWN_FLOW_REASON), asJson)
    }
    // U10 (U55: required_aal aal1)
    if (found.aal1) {
      const body = aal2Error(requestUrlOf(request))
      return asJson ? json(body, 403) : redirect(String(body['redirect_browser_to']))
    }
    const csrfSecret = readCsrfSecret(readCookie(request.headers.get('cookie'), CSRF_COOKIE))
    const expiresAt = new Date(stored.flow.expires_at)
    // U14, U15
    if (expiresAt < now()) {
      // selfservice/flow/settings/error.go:121-139, 199-214: a new flow, with a message saying why.
      const replacement = newFlow(request, found.identity, csrfSecret, stored.flow.return_to ?? null, stored.flow.request_url)
      replacement.flow.ui.messages = [MESSAGES.flowExpired(expiresAt, now())]
      if (!asJson) return redirect(settingsUi(replacement.flow.id))
      const since = (now().getTime() - expiresAt.getTime()) * 1_000_000
      const body = makeKratosError('self_service_flow_expired', { expired_at: expiresAt.toISOString(), since, use_flow_id: replacement.flow.id })
      body.error.reason = `The self-service flow expired ${((now().getTime() - expiresAt.getTime()) / 60_000).toFixed(2)} minutes ago, initialize a new one.`
      return json(body, 410)
    }
    // U16, U17, U58
    if (stored.identityId !== found.identity.id) {
      const body = makeKratosError('security_identity_mismatch')
      body.error.reason = 'The request was initiated by someone else and has been blocked for security reasons. Please go back and try again.'
      return fail(body, asJson)
    }

    const { body, form } = await readBody(request)
    return applyUpdate(request, url, asJson, found, token, stored, body, form)
  }

  /** An update's body applied to its flow: the first method responsible answers. */
  const applyUpdate = (request: Request, url: URL, asJson: boolean, found: Session, token: string, stored: StoredFlow, body: JsonObject, form: boolean): Response => {
    const flowId = stored.flow.id
    const csrfSecret = readCsrfSecret(readCookie(request.headers.get('cookie'), CSRF_COOKIE))
    const previousEmail = ownField(found.identity.traits, 'email')
    const method = requestedMethod(body)
    if (method !== undefined && disabled.has(method)) {
      // flow/request.go MethodEnabledAndAllowed (recorded: U54)
      return fail(
        herodot(404, 'The requested resource could not be found', 'This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.'),
        asJson,
      )
    }
    const outcome = applyMethods({
      body,
      form,
      identity: found.identity,
      traitsSchema,
      csrfValid: verifyCsrfToken(csrfSecret, body['csrf_token']),
      privileged: now().getTime() - found.authenticatedAt.getTime() < privilegedAge,
      flowId,
      pendingCodes: stored.pendingCodes,
      setPendingCodes: (codes) => (stored.pendingCodes = codes),
      providerUrl: (provider) => `${base.origin}/mock-oidc/${encodeURIComponent(provider)}/oauth2/auth?state=${crypto.randomUUID()}`,
      providers,
      version,
      verifyNewAddress,
      identifierTaken: (email) => [...identities.values()].some((other) => other !== found.identity && ownField(other.traits, 'email') === email),
    })
    const backToUi = () => redirect(settingsUi(flowId))
    // U1-U7, U20-U56: the first method responsible answers (methods.ts names its rows).

    switch (outcome.kind) {
      case 'invalid': {
        stored.flow = withMessages(stored.flow, outcome.messages, outcome.values)
        return asJson ? json(stored.flow, 400) : backToUi()
      }
      case 'csrf':
        return fail(csrfError(request, form, body), asJson)
      case 'pending_verification': {
        // selfservice/hook/verify_new_address.go at master: the flow as it is, with the verification to do (recorded: U56).
        const id = crypto.randomUUID()
        const url = `${uiUrl}/verification?flow=${id}`
        stored.flow = { ...withMessages(stored.flow, [], outcome.values), continue_with: [{ action: 'show_verification_ui', flow: { id, verifiable_address: outcome.address, url } }] }
        return asJson ? json(stored.flow, 200) : redirect(url)
      }
      case 'not_found':
        return fail(herodot(404, 'The requested resource could not be found', outcome.reason), asJson)
      case 'refresh': {
        // The change waits in the continuity cookie while the user signs in again (recorded: U11-U13, U38).
        const returnTo = new URL(base.origin + url.pathname + url.search).href
        const redirectTo = loginInit({ refresh: 'true', return_to: returnTo })
        const continuity = newCsrfSecret()
        stored.paused = { continuity, body, form }
        const headers = continuityCookie(continuity)
        return asJson ? json(makeKratosError('session_refresh_required', { redirect_browser_to: redirectTo }), 403, headers) : redirect(redirectTo, 303, headers)
      }
      case 'location_change': {
        const error = makeKratosError('browser_location_change_required', { redirect_browser_to: outcome.url })
        error.error.reason = `In order to complete this flow please redirect the browser to: ${outcome.url}`
        const headers = continuityCookie()
        return asJson ? json(error, 422, headers) : redirect(outcome.url, 303, headers)
      }
      case 'show_flow':
        stored.flow = { ...withCodes(stored.flow, outcome.codes, outcome.confirm), transient_payload: {} } as SettingsFlow
        return asJson ? json(stored.flow, 200) : backToUi()
      case 'success': {
        const next = structuredClone(stored.flow)
        next.state = 'success'
        next.identity = { ...next.identity, traits: structuredClone(found.identity.traits) }
        next.ui = freshUi(flowId, found.identity, csrfSecret)
        next.ui.messages = [MESSAGES.saved()]
        delete next.transient_payload
        // A profile update's flow carries the identity as the update left it, without state_changed_at (recorded: U1, U34).
        if (body['method'] === 'profile' && !version.profileKeepsStateChangedAt) delete next.identity.state_changed_at
        stored.flow = next
        const headers = new Headers({ 'set-cookie': sessionCookie(token) })
        const allowedReturn = next.return_to !== undefined && checkReturnTo(next.return_to) === undefined ? new URL(next.return_to, defaultReturnUrl).href : undefined
        const returnTo = allowedReturn ?? settingsUi(flowId)
        const verify = verification(body, previousEmail, found.identity)
        if (!asJson) return redirect(returnTo, 303, headers)
        const continueWith: ContinueWith[] = [...(outcome.continueWith ?? []), ...verify, { action: 'redirect_browser_to', redirect_browser_to: returnTo }]
        return json({ ...next, continue_with: continueWith }, 200, headers)
      }
    }
  }

  /** The login flow as Kratos' JSON answer carries it: the form the sign-in page renders. */
  const loginFlowJson = (login: LoginFlow, request: Request, csrfSecret: Uint8Array) => {
    const email = login.session === undefined ? undefined : ownField(login.session.identity.traits, 'email')
    return {
      id: login.id,
      type: 'browser',
      expires_at: login.expiresAt.toISOString(),
      issued_at: login.issuedAt.toISOString(),
      request_url: requestUrlOf(request),
      return_to: login.returnTo,
      refresh: login.refresh,
      requested_aal: login.aal2 ? 'aal2' : 'aal1',
      state: 'choose_method',
      ui: {
        action: `${loginSubmit}?flow=${login.id}`,
        method: 'POST',
        nodes: [
          inputNode('default', 'csrf_token', 'hidden', { value: maskCsrfToken(csrfSecret), required: true }),
          inputNode('default', 'identifier', 'text', { required: true, ...(typeof email === 'string' ? { value: email } : {}) }),
          inputNode('password', 'password', 'password', { required: true }),
          inputNode('password', 'method', 'submit', { value: 'password' }),
        ],
      },
    }
  }

  /** `GET /self-service/login/browser`: a login flow, or the return_to of a session that needs nothing more (selfservice/flow/login/handler.go). */
  const startLogin = (request: Request, url: URL, asJson: boolean, found: Session | undefined, csrfSecret: Uint8Array, headers: Headers): Response => {
    const rawReturnTo = url.searchParams.get('return_to') ?? ''
    if (rawReturnTo !== '') {
      const problem = checkReturnTo(rawReturnTo)
      if (problem !== undefined) return fail(problem, asJson, headers)
    }
    const returnTo = new URL(rawReturnTo, defaultReturnUrl).href
    const refresh = url.searchParams.get('refresh') === 'true'
    const aal2 = url.searchParams.get('aal') === 'aal2' && found !== undefined
    if (found !== undefined && !refresh && !(aal2 && found.aal1)) {
      return asJson ? json(makeKratosError('session_already_available'), 400, headers) : redirect(returnTo, 303, headers)
    }
    const issuedAt = now()
    const login: LoginFlow = { id: crypto.randomUUID(), returnTo, refresh, aal2, session: refresh || aal2 ? found : undefined, issuedAt, expiresAt: new Date(issuedAt.getTime() + lifespan) }
    loginFlows.set(login.id, login)
    return asJson ? json(loginFlowJson(login, request, csrfSecret), 200, headers) : redirect(`${loginUi}?flow=${login.id}`, 303, headers)
  }

  /**
   * `POST /self-service/login?flow=`: any identifier signs in, no password is checked. The
   * identifier names the identity (its email, or a name as the session cookie's grammar has it);
   * the sign-in page's `mock_session` field picks the kind of session. A refresh or second-factor
   * login renews the session it was started for.
   */
  const submitLogin = async (request: Request, url: URL, asJson: boolean): Promise<Response> => {
    const login = loginFlows.get(url.searchParams.get('flow') ?? '')
    if (login === undefined || login.expiresAt < now()) return fail(herodot(404, 'The requested resource could not be found', 'The login flow does not exist or has expired.'), asJson)
    const { body, form } = await readBody(request)
    if (!verifyCsrfToken(readCsrfSecret(readCookie(request.headers.get('cookie'), CSRF_COOKIE)), body['csrf_token'])) return fail(csrfError(request, form, body), asJson)
    const identifier = typeof body['identifier'] === 'string' ? body['identifier'].trim() : ''
    if (login.session === undefined && identifier === '') return fail(herodot(400, 'The request was malformed or contained invalid parameters', 'Property identifier is missing.'), asJson)
    const requested = body['mock_session']
    const kind: SessionKind = typeof requested === 'string' && Object.hasOwn(SESSION_KINDS, requested) ? (requested as SessionKind) : login.aal2 ? 'aal2' : ''
    const identity = login.session?.identity ?? [...identities.values()].find((known) => ownField(known.traits, 'email') === identifier) ?? identityNamed(identifier)
    const signedIn = newSession(identity, kind)
    const token = crypto.randomUUID()
    sessions.set(token, signedIn)
    loginFlows.delete(login.id)
    const headers = new Headers({ 'set-cookie': sessionCookie(token) })
    if (!asJson) return redirect(login.returnTo, 303, headers)
    const sessionJson = {
      id: crypto.randomUUID(),
      active: true,
      authenticated_at: signedIn.authenticatedAt.toISOString(),
      authenticator_assurance_level: kind === 'aal2' ? 'aal2' : 'aal1',
      identity: identityOf(identity, base),
    }
    return json({ session: sessionJson, continue_with: [{ action: 'redirect_browser_to', redirect_browser_to: login.returnTo }] }, 200, headers)
  }

  /**
   * `GET /self-service/settings?flow=`: where a browser comes back after signing in again. With the
   * continuity cookie of a paused change, the change is applied now (strategy_helper.go:85); without
   * it, the browser goes on to the settings UI (recorded: R1).
   */
  const resume = (request: Request, url: URL, found: Session, token: string): Response => {
    const stored = flows.get(url.searchParams.get('flow') ?? '')
    if (stored === undefined) return toErrorUi(herodot(404, 'The requested resource could not be found', UNKNOWN_FLOW_REASON))
    const paused = stored.paused
    const continuity = readCookie(request.headers.get('cookie'), CONTINUITY_COOKIE)
    if (paused === undefined || continuity !== paused.continuity || stored.identityId !== found.identity.id) return redirect(settingsUi(stored.flow.id))
    stored.paused = undefined
    const response = applyUpdate(request, url, false, found, token, stored, paused.body, paused.form)
    // The continuity cookie is spent: Kratos deletes it (twice) before the session cookie is issued again.
    const spent = `${CONTINUITY_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure}`
    const headers = new Headers([
      ['set-cookie', spent],
      ['set-cookie', spent],
    ])
    response.headers.forEach((value, name) => name !== 'set-cookie' && headers.set(name, value))
    for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie)
    return new Response(response.body, { status: response.status, headers })
  }

  /** The mock's own pages: the sign-in page of a login flow, and the error page. */
  const ownPage = (request: Request, url: URL): Response | undefined => {
    if (url.href.split('?')[0] === mockPages.error) {
      const stored = storedErrors.get(url.searchParams.get('id') ?? '')
      return errorPage(stored?.error ?? { message: 'No error with this id: it may be from before the mock restarted.' })
    }
    const login = loginFlows.get(url.searchParams.get('flow') ?? '')
    // An unknown or spent flow: start a new login, as Kratos' own UIs do.
    if (login === undefined) return redirect(endpoints.login, 303)
    const csrfSecret = readCsrfSecret(readCookie(request.headers.get('cookie'), CSRF_COOKIE))
    const csrfToken = csrfSecret === undefined ? '' : maskCsrfToken(csrfSecret)
    const email = login.session === undefined ? undefined : ownField(login.session.identity.traits, 'email')
    const identifier = typeof email === 'string' ? email : undefined
    return signInPage({ action: `${loginSubmit}?flow=${login.id}`, csrfToken, refresh: login.refresh, aal2: login.aal2, identifier, returnTo: login.returnTo })
  }

  type Route = 'create' | 'get' | 'update' | 'errors' | 'login' | 'loginSubmit' | 'resume' | 'page'
  const routes: ReadonlyArray<readonly [Route, string, string]> = [
    ['create', 'GET', paths.create],
    ['get', 'GET', paths.get],
    ['update', 'POST', paths.update],
    ['resume', 'GET', paths.update],
    ['errors', 'GET', paths.errors],
    ['login', 'GET', new URL(endpoints.login).pathname],
    ['loginSubmit', 'POST', new URL(loginSubmit).pathname],
    ['page', 'GET', new URL(mockPages.login).pathname],
    ['page', 'GET', new URL(mockPages.error).pathname],
  ]

  const answer = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url)
    const route = routes.find(([, method, path]) => url.pathname === path && request.method === method)?.[0]
    if (route === undefined) return undefined
    if (route === 'page') return ownPage(request, url)
    if (route === 'errors') {
      // Stryker disable next-line StringLiteral: equivalent; error ids are random UUIDs, so any fallback misses alike
      const stored = storedErrors.get(url.searchParams.get('id') ?? '')
      return stored === undefined ? json(herodot(404, 'Unable to locate the resource'), 404) : json(stored, 200)
    }
    const asJson = isJsonRequest(request)
    if (route === 'loginSubmit') return submitLogin(request, url, asJson)
    const cookieHeader = request.headers.get('cookie')
    // nosurf sets the CSRF cookie on every answer of the GET endpoints to a request without a valid one.
    const headers = new Headers()
    let csrfSecret = readCsrfSecret(readCookie(cookieHeader, CSRF_COOKIE))
    if (route !== 'update' && route !== 'resume' && csrfSecret === undefined) {
      const value = newCsrfSecret()
      csrfSecret = readCsrfSecret(value)!
      headers.append('set-cookie', `${CSRF_COOKIE}=${value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`)
    }
    // An X-Session-Token wins over the cookie (recorded: U58); `ory_st_<name>` is the session of <name>.
    const sessionToken = request.headers.get('x-session-token')
    const token = sessionToken !== null && sessionToken.startsWith('ory_st_') ? sessionToken.slice('ory_st_'.length) : readCookie(cookieHeader, SESSION_COOKIE)
    const found = session(token)
    if (route === 'create') return create(request, url, asJson, found, csrfSecret!, headers)
    if (route === 'login') return startLogin(request, url, asJson, found, csrfSecret!, headers)
    if (found === undefined) {
      // strategy_helper.go:119-131: herodot's id-less 401, or a 302 to the login UI.
      if (!asJson) return redirect(loginUi, 302, headers)
      return json(herodot(401, 'The request could not be authorized', 'A valid Ory Session Cookie or Ory Session Token is missing.'), 401, headers)
    }
    if (route === 'resume') return resume(request, url, found, token!)
    return route === 'get' ? get(url, found, headers) : update(request, url, asJson, found, token!)
  }

  return async (request) => {
    const preflight = cors.preflight(request)
    if (preflight !== undefined) return preflight
    const response = await answer(request)
    return response === undefined ? undefined : cors.apply(request, withRedirectBody(request, response))
  }
}

/** The flow with `messages` on their inputs (a text input in group `default` when none has the name), `values` echoed, and no other message. */
function withMessages(flow: SettingsFlow, messages: readonly FieldMessage[], values: Record<string, unknown> | undefined): SettingsFlow {
  const next = structuredClone(flow)
  next.ui.messages = []
  for (const node of next.ui.nodes) {
    node.messages = []
    if (!isNodeType(node, 'input') || values === undefined) continue
    // The profile form shows what was sent: a trait left out has no value (recorded: U3, U5, U51).
    if (Object.hasOwn(values, node.attributes.name)) node.attributes.value = values[node.attributes.name]
    else if (node.attributes.name.startsWith('traits.')) delete node.attributes.value
  }
  for (const { name, message } of messages) {
    if (name === '') {
      next.ui.messages.push(message)
      continue
    }
    const node = findInput(next, name)
    if (node !== undefined) node.messages.push(message)
    else next.ui.nodes.push(textInput(name, message))
  }
  // Kratos leaves out an empty list of messages (omitempty).
  if (next.ui.messages.length === 0) delete next.ui.messages
  return next
}

function textInput(name: string, message: UiText): UiNode {
  return { ...inputNode('default', name, 'text'), messages: [message] }
}

/** The flow with lookup codes shown (identity/credentials_lookup.go:21-36) and the buttons Kratos offers next to them. */
function withCodes(flow: SettingsFlow, codes: readonly string[], confirm: boolean): SettingsFlow {
  const next = structuredClone(flow)
  delete next.ui.messages
  next.ui.nodes = [...next.ui.nodes.filter((node) => node.group !== 'lookup_secret'), ...lookupCodeNodes(codes, confirm)]
  return next
}
