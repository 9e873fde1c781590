import { KratosArgumentError } from '../errors/errors.js'
import { getCsrfToken } from '../flow/flow-helpers.js'
import { SECRET_BODY_FIELDS } from '../kratos/secrets.js'
import { SETTINGS_OPERATIONS, type SettingsOperation } from '../kratos/operations.js'
import type { SettingsFlow, UpdateSettingsFlowBody } from '../types.js'
import { isJsonObject } from '../utils/json.js'
import { encodeForm } from './encode-form.js'
import type { ClientConfig } from './options.js'
import { assertCallOptions, assertFlowId, assertHeaderValue, assertJsonBody, assertNoControlCharacters, isBrowser, keysOf } from './validate-input.js'

/** How an operation asks Kratos to answer: a JSON value, or like a browser navigation (a 303). */
export type ResponseMode = 'json' | 'redirect'

/** Per-call options of `getSettingsFlow`, and what every call's options have. */
export interface GetSettingsFlowOptions {
  /** Aborts the call; the promise then rejects with the signal's own reason. */
  signal?: AbortSignal | undefined
}

/** Per-call options of `createBrowserSettingsFlow`. */
export interface CreateBrowserSettingsFlowOptions extends GetSettingsFlowOptions {
  /** Scopes the flow to one organization's providers (Ory Network). */
  organization?: string | undefined
  /**
   * `'json'` asks for the flow as JSON (200, or a JSON error). `'redirect'` asks like a browser
   * navigation and gets Kratos' 303 back as a `redirect` result.
   * @default 'json'
   */
  mode?: ResponseMode | undefined
}

/** Per-call options of `updateSettingsFlow`. */
export interface UpdateSettingsFlowOptions extends GetSettingsFlowOptions {
  /**
   * `'json'` sends the body as JSON; `'form'` as `application/x-www-form-urlencoded`, as a
   * browser's form post would (nested fields as dotted names).
   * @default 'form' with `mode: 'redirect'`, else 'json'
   */
  encoding?: 'json' | 'form' | undefined
  /**
   * `'json'` asks for the answer as JSON (the flow, or a JSON error). `'redirect'` posts like a
   * browser's form and gets Kratos' redirect back as a `redirect` result. It implies
   * `encoding: 'form'`: Kratos answers any `Content-Type: application/json` request with JSON.
   * @default 'json'
   */
  mode?: ResponseMode | undefined
}

/** One HTTP call, described: what the transport sends and the response stage reads. */
export interface RequestSpec<Operation extends SettingsOperation = SettingsOperation> {
  readonly operation: Operation
  readonly method: Operation['method']
  readonly url: string
  readonly headers: Record<string, string>
  /** The encoded body of a POST. */
  readonly body?: string
  /** Secrets the body carries (its CSRF token), which no error may show. */
  readonly secrets: readonly string[]
  readonly signal: AbortSignal | undefined
}

const GET_OPTIONS = keysOf<GetSettingsFlowOptions>({ signal: true })
const CREATE_OPTIONS = keysOf<CreateBrowserSettingsFlowOptions>({ signal: true, organization: true, mode: true })
const UPDATE_OPTIONS = keysOf<UpdateSettingsFlowOptions>({ signal: true, encoding: true, mode: true })

const ACCEPT: Record<ResponseMode, string> = { json: 'application/json', redirect: 'text/html' }
const CONTENT_TYPE = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const

/** `endpoint` with the given query parameters, percent-encoded; undefined and empty ones are left out. */
function withQuery(endpoint: string, query: Record<string, string | undefined>): string {
  let url: URL | undefined
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue
    url ??= new URL(endpoint)
    url.searchParams.set(name, value)
  }
  return url?.href ?? endpoint
}

/**
 * The headers of one call: `Accept` for `mode`, and the caller's cookie (server code only).
 * Throws a {@link KratosArgumentError} for an unknown mode, a cookie argument in a browser, or a
 * cookie that is not a valid header value.
 */
function headersFor(operation: SettingsOperation, mode: ResponseMode, cookie: string | undefined): Record<string, string> {
  if (mode !== 'json' && mode !== 'redirect') throw new KratosArgumentError(`${operation.name}: mode must be "json" or "redirect"`)
  const headers: Record<string, string> = { accept: ACCEPT[mode] }
  if (cookie === undefined || cookie === '') return headers
  if (isBrowser()) {
    throw new KratosArgumentError(
      `${operation.name}: a cookie argument cannot be sent from a browser (fetch forbids the Cookie header); ` + 'omit it: the browser sends its own cookies with credentials: "include"',
    )
  }
  assertHeaderValue(`${operation.name}: cookie`, cookie)
  headers['cookie'] = cookie
  return headers
}

/** `GET /self-service/settings/browser?return_to=&organization=`. */
export function createRequest(
  config: ClientConfig,
  returnTo: string | undefined,
  cookie: string | undefined,
  options: CreateBrowserSettingsFlowOptions = {},
): RequestSpec<typeof SETTINGS_OPERATIONS.createBrowserSettingsFlow> {
  const operation = SETTINGS_OPERATIONS.createBrowserSettingsFlow
  assertCallOptions(operation.name, options, CREATE_OPTIONS)
  const { organization, signal, mode = 'json' } = options
  if (returnTo !== undefined) assertNoControlCharacters(`${operation.name}: returnTo`, returnTo)
  if (organization !== undefined) assertNoControlCharacters(`${operation.name}: organization`, organization)
  const headers = headersFor(operation, mode, cookie)
  const url = withQuery(config.endpoints[operation.endpoint], { return_to: returnTo, organization })
  return { operation, method: operation.method, url, headers, secrets: [], signal }
}

/** `GET /self-service/settings/flows?id=`. */
export function getRequest(config: ClientConfig, id: string, cookie: string | undefined, options: GetSettingsFlowOptions = {}): RequestSpec<typeof SETTINGS_OPERATIONS.getSettingsFlow> {
  const operation = SETTINGS_OPERATIONS.getSettingsFlow
  assertCallOptions(operation.name, options, GET_OPTIONS)
  assertFlowId(`${operation.name}: id`, id)
  const url = withQuery(config.endpoints[operation.endpoint], { id })
  return { operation, method: operation.method, url, headers: headersFor(operation, 'json', cookie), secrets: [], signal: options.signal }
}

/**
 * The body to send: the caller's, with the flow's CSRF token when the caller gave none. The
 * `oidc` body has no CSRF token field in Kratos' document, so it is sent as given.
 */
function withCsrfToken(body: UpdateSettingsFlowBody, flow: SettingsFlow | string): object {
  if (body.method === 'oidc' || body.csrf_token !== undefined || typeof flow === 'string') return body
  // Only an id was checked; a hand-made flow object may have no nodes to read a token from.
  if (!Array.isArray((flow as Partial<SettingsFlow>).ui?.nodes)) return body
  const csrfToken = getCsrfToken(flow)
  return csrfToken === undefined ? body : { ...body, csrf_token: csrfToken }
}

/** `POST /self-service/settings?flow=`, its body encoded as JSON or as a form. */
export function updateRequest(
  config: ClientConfig,
  flow: SettingsFlow | string,
  body: UpdateSettingsFlowBody,
  cookie: string | undefined,
  options: UpdateSettingsFlowOptions = {},
): RequestSpec<typeof SETTINGS_OPERATIONS.updateSettingsFlow> {
  const operation = SETTINGS_OPERATIONS.updateSettingsFlow
  const { name } = operation
  assertCallOptions(name, options, UPDATE_OPTIONS)
  const { signal, mode = 'json', encoding = mode === 'redirect' ? 'form' : 'json' } = options
  const flowId = typeof flow === 'string' ? flow : (flow as Partial<SettingsFlow> | null)?.id
  assertFlowId(`${name}: flow`, flowId)
  if (!isJsonObject(body) || typeof body['method'] !== 'string') throw new KratosArgumentError(`${name}: body must be an object with a string "method"`)
  if (encoding !== 'json' && encoding !== 'form') throw new KratosArgumentError(`${name}: encoding must be "json" or "form"`)
  if (mode === 'redirect' && encoding === 'json') {
    // Kratos treats a JSON body as a JSON request whatever the Accept header says: no redirect would come.
    throw new KratosArgumentError(`${name}: mode "redirect" posts a form; encoding "json" would make Kratos answer with JSON`)
  }
  assertJsonBody(`${name}: body`, body)
  const headers = { ...headersFor(operation, mode, cookie), 'content-type': CONTENT_TYPE[encoding] }
  const payload = withCsrfToken(body, flow) as Record<string, unknown>
  // The body's secrets (the new password, the CSRF token, a credential) must not come back in an error.
  const secrets = SECRET_BODY_FIELDS.map((field) => payload[field]).filter((value): value is string => typeof value === 'string')
  return {
    operation,
    method: operation.method,
    url: withQuery(config.endpoints[operation.endpoint], { flow: flowId }),
    headers,
    body: encoding === 'json' ? JSON.stringify(payload) : encodeForm(payload),
    secrets,
    signal,
  }
}
