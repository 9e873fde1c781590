import type { AfterResponseHook, BeforeRequestHook, BeforeRetryHook } from 'ky'
import { KratosArgumentError } from '../errors/errors.js'
import { settingsEndpoints, type SettingsEndpoints } from '../kratos/endpoints.js'
import { assertHeaderName, assertHeaderValue, assertKnownKeys, assertNoControlCharacters, keysOf } from './validate-input.js'

/** Retry policy. Only GET is retried, only on network errors, 502/503/504, and 429 with `Retry-After`. */
export interface RetryOptions {
  /** Retries after the first attempt, 0 to 2. @default 2 */
  limit?: number | undefined
  /** Delay before retry number `attempt` (from 1), in ms, when the server sent no `Retry-After`. @default attempt => 300 * 2 ** (attempt - 1) */
  delay?: ((attempt: number) => number) | undefined
  /** Upper bound for a server's `Retry-After`, in ms. @default 5000 */
  maxRetryAfter?: number | undefined
}

/**
 * ky's own hooks, with ky's types and power (ky's documentation, "Hooks"), for logging, tracing or
 * changing a request. Whatever they return, the SDK's promises hold: every response becomes a
 * result, and an operation that is not safe to repeat (`updateSettingsFlow`) is never retried.
 */
export interface KratosHooks {
  /**
   * Before the first attempt: may change the request (it carries the caller's cookie), return
   * another `Request`, or return a `Response` to answer without the network.
   */
  beforeRequest?: BeforeRequestHook[] | undefined
  /** Before each retry, with the error or the `retryCount` that caused it; may return a `Request`, a `Response`, or ky's `stop`. */
  beforeRetry?: BeforeRetryHook[] | undefined
  /**
   * With each response, a retried one included (ky's copy: the hook may read it); may return
   * another `Response`, or `ky.retry()` to retry a GET within the retry limit (ignored otherwise).
   */
  afterResponse?: AfterResponseHook[] | undefined
}

/** Options of {@link createKratosClient}. */
export interface KratosClientOptions {
  /**
   * Kratos' public URL, with its path prefix if it is mounted under one.
   * @example 'https://auth.example.com' or 'https://app.example.com/auth'
   */
  baseUrl: string
  /**
   * Kratos' public URL as browsers reach it, when your server reaches Kratos at another address
   * (an internal one in Docker or Kubernetes). Every URL `nextStep` builds is on it, and requests
   * to `baseUrl` carry its host and scheme as `X-Forwarded-Host` and `X-Forwarded-Proto`, from
   * which Kratos builds the URLs it derives from the request (the `return_to` of a second-factor login).
   * @default baseUrl
   * @example 'https://auth.example.com'
   */
  browserUrl?: string | undefined
  /** The fetch to use; `globalThis.fetch`, looked up per request, by default. */
  fetch?: typeof globalThis.fetch | undefined
  /** Per-attempt timeout in ms, for the headers and again for the body. @default 10000 */
  timeout?: number | undefined
  /** Retries: a limit (0 to 2) or a {@link RetryOptions}. @default 2 */
  retry?: number | RetryOptions | undefined
  /** Headers sent with every request: a plain object, a `Headers`, or `[name, value]` pairs. Never a `Cookie`: cookies are per call. */
  headers?: HeadersInit | undefined
  /** The fetch `credentials` mode; browsers need `'include'` to send Kratos' cookies. @default 'include' */
  credentials?: 'include' | 'same-origin' | 'omit' | undefined
  /** Bodies larger than this are not buffered; the result is `'unexpected'`. @default 4194304 (4 MiB) */
  maxBodyBytes?: number | undefined
  /** Observers around each HTTP attempt. */
  hooks?: KratosHooks | undefined
}

/** {@link RetryOptions} with every default applied. */
type ResolvedRetry = { readonly [Key in keyof RetryOptions]-?: NonNullable<RetryOptions[Key]> }

/** Options after validation and defaults; computed once per client. */
export interface ClientConfig {
  /** Kratos' settings endpoints under the base URL: where requests go. */
  readonly endpoints: SettingsEndpoints
  /** The same endpoints under the browser URL: where `nextStep` sends a browser. */
  readonly browserEndpoints: SettingsEndpoints
  readonly fetch: typeof globalThis.fetch | undefined
  readonly timeout: number
  readonly retry: ResolvedRetry
  readonly headers: Readonly<Record<string, string>>
  /** The values of `headers` that are credentials (and a `Bearer` value's token alone): no error may show them. */
  readonly credentialValues: readonly string[]
  readonly credentials: NonNullable<KratosClientOptions['credentials']>
  readonly maxBodyBytes: number
  readonly hooks: KratosHooks
}

const CLIENT_OPTIONS = keysOf<KratosClientOptions>({ baseUrl: true, browserUrl: true, fetch: true, timeout: true, retry: true, headers: true, credentials: true, maxBodyBytes: true, hooks: true })
const RETRY_OPTIONS = keysOf<RetryOptions>({ limit: true, delay: true, maxRetryAfter: true })
const HOOK_NAMES = keysOf<KratosHooks>({ beforeRequest: true, beforeRetry: true, afterResponse: true })

const MAX_TIMER_MS = 2_147_483_647
const CREDENTIALS: ReadonlySet<unknown> = new Set(['include', 'same-origin', 'omit'])

function fail(message: string): never {
  throw new KratosArgumentError(`createKratosClient: ${message}`)
}

function parseKratosUrl(name: 'baseUrl' | 'browserUrl', value: unknown): URL {
  if (typeof value !== 'string') fail(`${name} must be a string such as "https://auth.example.com"`)
  // The URL parser would silently drop a CR, LF or tab and encode other control characters.
  assertNoControlCharacters(`createKratosClient: ${name}`, value)
  if (!URL.canParse(value)) fail(`${name} "${value}" is not an absolute URL`)
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${name} must use http or https, not ${url.protocol}`)
  if (url.username !== '' || url.password !== '') fail(`${name} must not contain credentials`)
  if (url.search !== '' || url.hash !== '') fail(`${name} must not have a query or a fragment`)
  return url
}

/**
 * What Kratos needs to build request-derived URLs for browsers (x.RequestURL: `X-Forwarded-Host`
 * over the Host it received, `X-Forwarded-Proto` over its own scheme): nothing when browsers and
 * the server reach Kratos at the same origin.
 */
function forwardedHeaders(baseUrl: URL, browserUrl: URL): Record<string, string> {
  return baseUrl.origin === browserUrl.origin ? {} : { 'x-forwarded-host': browserUrl.host, 'x-forwarded-proto': browserUrl.protocol.slice(0, -1) }
}

function positiveInteger(name: string, value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || (value as number) <= 0 || (value as number) > max) {
    fail(`${name} must be a whole number of milliseconds or bytes between 1 and ${max}`)
  }
  return value as number
}

function normalizeRetry(retry: number | RetryOptions | undefined): ResolvedRetry {
  if (retry !== undefined && typeof retry !== 'number') assertKnownKeys('createKratosClient: retry', retry, RETRY_OPTIONS)
  const options = typeof retry === 'number' ? { limit: retry } : (retry ?? {})
  const limit = options.limit ?? 2
  if (!Number.isInteger(limit) || limit < 0 || limit > 2) fail('retry limit must be 0, 1 or 2')
  if (options.delay !== undefined && typeof options.delay !== 'function') fail('retry.delay must be a function')
  return {
    limit,
    delay: options.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
    maxRetryAfter: positiveInteger('retry.maxRetryAfter', options.maxRetryAfter, 5000, MAX_TIMER_MS),
  }
}

const HEADERS_FORMS = 'headers must be a plain object, a Headers or a list of [name, value] pairs'

/** The name and value pairs of any HeadersInit, unchecked. */
function headerPairs(headers: unknown): Array<readonly [unknown, unknown]> {
  if (typeof Headers === 'function' && headers instanceof Headers) return [...headers]
  if (Array.isArray(headers)) {
    return headers.map((pair: unknown) => {
      if (!Array.isArray(pair) || pair.length !== 2) fail(HEADERS_FORMS)
      return [pair[0], pair[1]] as const
    })
  }
  if (!isPlainObject(headers)) fail(HEADERS_FORMS)
  return Object.entries(headers as object)
}

/** The headers as a plain object of lower-cased names; values of a repeated name joined as Headers joins them. */
function normalizeHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const normalized: Record<string, string> = {}
  for (const [name, value] of headers === undefined ? [] : headerPairs(headers)) {
    if (typeof name !== 'string') fail('headers: a header name must be a string')
    assertHeaderName('createKratosClient: headers', name)
    if (name.toLowerCase() === 'cookie') fail('headers must not contain Cookie: pass the cookie to each call, so users never share one')
    assertHeaderValue(`createKratosClient: headers["${name}"]`, value)
    const key = name.toLowerCase()
    normalized[key] = key in normalized ? `${normalized[key]}, ${value}` : value
  }
  return normalized
}

// Header names whose values are credentials.
const CREDENTIAL_HEADER = /authorization|token|secret|session|api-?key/i

function credentialValues(headers: Readonly<Record<string, string>>): string[] {
  // `Bearer <token>`: the token alone is as secret as the whole value.
  // Stryker disable next-line Regex: equivalent; `/\s/` adds only empty pieces, and redaction drops values under 8 characters
  return Object.entries(headers).flatMap(([name, value]) => (CREDENTIAL_HEADER.test(name) ? [value, ...value.split(/\s+/)] : []))
}

function isPlainObject(value: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent; every other primitive's prototype is its wrapper's, refused below
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function normalizeHooks(hooks: KratosHooks | undefined): KratosHooks {
  if (hooks === undefined) return {}
  if (!isPlainObject(hooks)) fail('hooks must be an object')
  assertKnownKeys('createKratosClient: hooks', hooks, HOOK_NAMES)
  for (const name of HOOK_NAMES as ReadonlyArray<keyof KratosHooks>) {
    const list: unknown = hooks[name]
    if (list !== undefined && (!Array.isArray(list) || !list.every((hook) => typeof hook === 'function'))) fail(`hooks.${name} must be an array of functions`)
  }
  return hooks
}

/** Validates client options once, at creation, and applies the defaults. */
export function normalizeClientOptions(options: KratosClientOptions): ClientConfig {
  if (typeof options !== 'object' || options === null) fail('options must be an object with a baseUrl')
  assertKnownKeys('createKratosClient', options, CLIENT_OPTIONS)
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch must be a function')
  if (options.credentials !== undefined && !CREDENTIALS.has(options.credentials)) {
    fail('credentials must be "include", "same-origin" or "omit"')
  }
  const baseUrl = parseKratosUrl('baseUrl', options.baseUrl)
  const browserUrl = options.browserUrl === undefined ? baseUrl : parseKratosUrl('browserUrl', options.browserUrl)
  const headers = normalizeHeaders(options.headers)
  const config = {
    endpoints: settingsEndpoints(baseUrl),
    browserEndpoints: settingsEndpoints(browserUrl),
    fetch: options.fetch,
    timeout: positiveInteger('timeout', options.timeout, 10_000, MAX_TIMER_MS),
    retry: normalizeRetry(options.retry),
    // A caller's own forwarded headers win.
    headers: { ...forwardedHeaders(baseUrl, browserUrl), ...headers },
    credentials: options.credentials ?? 'include',
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, 4 * 1024 * 1024),
    hooks: normalizeHooks(options.hooks),
  }
  return { ...config, credentialValues: credentialValues(config.headers) }
}
