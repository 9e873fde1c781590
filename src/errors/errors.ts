import { escapeText } from '../utils/escape-text.js'
import type { KnownErrorId, KnownErrorPayloads } from '../kratos/errors.js'

/** The `name` of every error class of this package, which tells them apart. */
export type KratosSettingsErrorName = 'KratosError' | 'UnexpectedResponseError' | 'KratosNetworkError' | 'KratosTimeoutError' | 'KratosArgumentError'

// Two copies of this package can be loaded at once (its ESM and CJS builds, or two versions), each
// with its own classes. Each class marks its prototype with a brand shared by every copy
// (`Symbol.for`) and its name, so an error of one copy is an instance of the other copy's class
// of the same name.
const BRAND = Symbol.for('kratos-settings.error-class')

function hasBrandedPrototype(value: unknown, name: string): boolean {
  if (typeof value !== 'object' || value === null) return false
  for (let prototype = Object.getPrototypeOf(value); prototype !== null; prototype = Object.getPrototypeOf(prototype)) {
    if (Object.hasOwn(prototype, BRAND) && prototype[BRAND] === name) return true
  }
  return false
}

function nameClass(target: { prototype: object }, name: string): void {
  Object.defineProperty(target.prototype, BRAND, { value: name })
  Object.defineProperty(target.prototype, 'name', { value: name, writable: true, configurable: true })
}

/**
 * The base class of every error this package creates; `name` tells them apart. `instanceof` works
 * for it and every subclass even when two copies of the package are loaded.
 */
export abstract class KratosSettingsError extends Error {
  /** Which error this is; a discriminant across the subclasses. */
  declare readonly name: KratosSettingsErrorName

  static {
    nameClass(this, 'KratosSettingsError')
  }

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    // An own, enumerable name, as a class field would give: JSON loggers and spreads keep it.
    Object.defineProperty(this, 'name', { value: new.target.prototype.name, enumerable: true, writable: true, configurable: true })
  }

  /** True for an instance of this class or a subclass, from any copy of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A user's own subclass has no brand of its own: plain instanceof.
    if (!Object.hasOwn(this.prototype, BRAND)) return Function.prototype[Symbol.hasInstance].call(this, value)
    return hasBrandedPrototype(value, (this.prototype as unknown as Record<symbol, string>)[BRAND]!)
  }
}

/** What {@link KratosError} is built from. */
export interface KratosErrorInit<Id extends string> {
  /** The response's HTTP status. */
  status: number
  /** Kratos' `error.id`, or the one the SDK gave an id-less answer. */
  id: Id
  /** The error's message. */
  message: string
  /** The response body, redacted. */
  body: unknown
  /** Kratos' `error.reason`. */
  reason?: string | undefined
  /** Kratos' `error.details`. */
  details?: Readonly<Record<string, unknown>> | undefined
  /** Kratos' `error.request`: the request id for its logs. */
  requestId?: string | undefined
}

/**
 * An error response from Kratos. On a result of kind `'error'` the `id` is a literal and the
 * extra payload of that id (for example `redirectBrowserTo`) is typed: see {@link KnownKratosError}.
 */
export class KratosError<Id extends string = string> extends KratosSettingsError {
  /** The class's name, also on its prototype. */
  declare readonly name: 'KratosError' | 'UnexpectedResponseError'
  /** HTTP status of the response. */
  readonly status: number
  /** Kratos' `error.id`, for example `session_inactive`. */
  readonly id: Id
  /** Kratos' `error.reason`, when it sent one. */
  readonly reason: string | undefined
  /** Kratos' `error.details`, when it sent them. */
  readonly details: Readonly<Record<string, unknown>> | undefined
  /** Kratos' request id (`error.request`), when it sent one. */
  readonly requestId: string | undefined
  /** The parsed response body, with CSRF and session tokens redacted. */
  readonly body: unknown

  static {
    nameClass(this, 'KratosError')
  }

  /** @internal `init.message`, `id`, `reason` and `requestId` may quote the server: their control characters are escaped (`\n`, `\u001b`). */
  constructor(init: KratosErrorInit<Id>, options?: ErrorOptions) {
    super(escapeText(init.message), options)
    this.status = init.status
    // Text meant for logs: an unknown id, the reason and the request id come from the server.
    this.id = escapeText(init.id) as Id
    this.reason = init.reason && escapeText(init.reason)
    this.details = init.details
    this.requestId = init.requestId && escapeText(init.requestId)
    this.body = init.body
  }
}

/**
 * Why a response did not fit the operation:
 * - `not_json`: the body is not JSON (an HTML page from a proxy, truncated JSON, empty);
 * - `invalid_shape`: JSON, but not a settings flow or not a well-formed Kratos error;
 * - `unknown_error_id`: a Kratos error whose `error.id` this SDK does not know (or none);
 * - `unexpected_status`: a status the operation does not answer with (204, 304, …);
 * - `body_too_large`: the body exceeded `maxBodyBytes` and was not read;
 * - `body_too_complex`: the body nests deeper, or holds more values, than a settings answer ever
 *   does (64 levels, 20,000 values); it was not parsed;
 * - `redirect`: `unwrapFlow` was given a redirect.
 */
export type UnexpectedProblem = 'not_json' | 'invalid_shape' | 'unknown_error_id' | 'unexpected_status' | 'body_too_large' | 'body_too_complex' | 'redirect'

/**
 * A response that Kratos' contract does not describe; `problem` says how it differs. Its `id` is
 * the body's `error.id` when it had one, else `unexpected_response`.
 */
export class UnexpectedResponseError extends KratosError {
  /** The class's name, also on its prototype. */
  declare readonly name: 'UnexpectedResponseError'
  /** How the response differs from what the operation documents. */
  readonly problem: UnexpectedProblem

  static {
    nameClass(this, 'UnexpectedResponseError')
  }

  /** @internal */
  constructor(init: Omit<KratosErrorInit<string>, 'id'> & { id?: string; problem: UnexpectedProblem }, options?: ErrorOptions) {
    super({ ...init, id: init.id ?? 'unexpected_response' }, options)
    this.problem = init.problem
  }
}

// How many causes deep a network error's chain is copied (undici: TypeError -> its cause -> rarely one more).
const MAX_CAUSE_DEPTH = 4

/**
 * A copy of a fetch failure's chain that keeps what a developer needs (each error's kind, its
 * message escaped, a string `code` such as `ECONNREFUSED`) and nothing else: undici's
 * HTTPParserError holds the raw rest of the response in `data` (its Set-Cookie headers, the
 * flow's CSRF token), and other fields may hold the request. Not an Error: `undefined`.
 */
function safeCause(error: unknown, depth = 0): Error | undefined {
  if (!(error instanceof Error) || depth >= MAX_CAUSE_DEPTH) return undefined
  const cause = safeCause(error.cause, depth + 1)
  const copy = new (error instanceof TypeError ? TypeError : Error)(escapeText(error.message), cause && { cause })
  const code: unknown = (error as { code?: unknown }).code
  if (typeof code === 'string') Object.defineProperty(copy, 'code', { value: escapeText(code), enumerable: true })
  if (error.name !== copy.name) copy.name = escapeText(error.name)
  return copy
}

/** Kratos could not be reached (DNS, refused connection, reset, TLS). Thrown: there is no response. */
export class KratosNetworkError extends KratosSettingsError {
  /** The class's name, also on its prototype. */
  declare readonly name: 'KratosNetworkError'
  /** The request's method. */
  readonly method: string
  /** The request's URL. Headers are never copied into errors: they carry cookies. */
  readonly url: string

  static {
    nameClass(this, 'KratosNetworkError')
  }

  /** @internal `cause` is kept as a copy: {@link safeCause}. */
  constructor(method: string, url: string, cause: unknown) {
    const detail = cause instanceof Error ? `: ${escapeText(cause.message)}` : ''
    super(`Could not reach Kratos (${method} ${url})${detail}`, { cause: safeCause(cause) })
    this.method = method
    this.url = url
  }
}

/** Kratos did not answer, or did not finish its body, within `timeout` ms. Thrown: there is no response. */
export class KratosTimeoutError extends KratosSettingsError {
  /** The class's name, also on its prototype. */
  declare readonly name: 'KratosTimeoutError'
  /** The request's method. */
  readonly method: string
  /** The request's URL. Headers are never copied into errors: they carry cookies. */
  readonly url: string
  /** The timeout that expired, in milliseconds. */
  readonly timeout: number

  static {
    nameClass(this, 'KratosTimeoutError')
  }

  /** @internal */
  constructor(method: string, url: string, timeout: number) {
    super(`Kratos did not answer within ${timeout} ms (${method} ${url})`)
    this.method = method
    this.url = url
    this.timeout = timeout
  }
}

/** An argument or option is invalid. Thrown before any request is sent. */
export class KratosArgumentError extends KratosSettingsError {
  /** The class's name, also on its prototype. */
  declare readonly name: 'KratosArgumentError'

  static {
    nameClass(this, 'KratosArgumentError')
  }

  /** @internal The message may quote an argument or a server's cookie name: its control characters are escaped (`\n`, `\u0085`). */
  constructor(message?: string, options?: ErrorOptions) {
    super(message && escapeText(message), options)
  }
}

/**
 * True for an error from a Kratos response (known or unexpected), from any copy of this package.
 * With an `id`, true only for that known error, and narrows to its typed payload.
 * @example
 * catch (error) { if (isKratosError(error, 'session_aal2_required')) redirect(error.redirectBrowserTo) }
 */
export function isKratosError(value: unknown): value is KratosError
/** True only for the known error `id`, narrowed to its typed payload. */
export function isKratosError<Id extends KnownErrorId>(value: unknown, id: Id): value is KnownKratosError<Id>
export function isKratosError(value: unknown, id?: KnownErrorId): boolean {
  if (!(value instanceof KratosError)) return false
  return id === undefined || (!(value instanceof UnexpectedResponseError) && value.id === id)
}

/**
 * A known Kratos error: after `if (error.id === 'session_aal2_required')`, TypeScript knows
 * `error.redirectBrowserTo: string`.
 */
export type KnownKratosError<Id extends KnownErrorId = KnownErrorId> = Id extends KnownErrorId ? KratosError<Id> & KnownErrorPayloads[Id] : never
