import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { ClientConfig } from './options.js'
import { discardBody, ignore } from '../result/read-body.js'

/** One HTTP call, as an operation describes it. */
export interface RequestSpec {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly headers: Record<string, string>
  /** The encoded body of a POST. */
  readonly body?: string
  /** Secrets the body carries (its CSRF token), which no error may show. */
  readonly secrets?: readonly string[]
  readonly signal: AbortSignal | undefined
}

/**
 * One attempt: the response as it came, never a followed redirect. Throws the signal's reason on
 * an abort, a {@link KratosTimeoutError} when no headers came within `timeout`, a
 * {@link KratosNetworkError} when fetch failed as fetch does when it cannot reach a server (a
 * `TypeError`, or workerd's `retryable` Error); anything else (a hook's error, a custom fetch's bug) as it is.
 */
export type Http = (spec: RequestSpec) => Promise<Response>

/** Rejects when `signal` aborts: a fetch that ignores its signal still cannot outlast the timeout. */
function aborted(signal: AbortSignal): { promise: Promise<never>; stop: () => void } {
  let stop = ignore
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason)
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent; stop() removes the listener, and the signal belongs to this call
    signal.addEventListener('abort', onAbort, { once: true })
    // Stryker disable next-line ArrowFunction,StringLiteral: equivalent; a listener left on this call's own signal is collected with it
    stop = () => signal.removeEventListener('abort', onAbort)
  })
  return { promise, stop }
}

/**
 * Aborts when the caller's signal or the timeout does, with its reason: AbortSignal.any, or the same
 * by hand where it is missing (the Edge Runtime's AbortSignal). By hand, a caller's signal that never
 * aborts keeps one listener per call until it is collected.
 */
function joinSignals(caller: AbortSignal, timeout: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([caller, timeout])
  const joined = new AbortController()
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent; a signal aborts once
  for (const signal of [caller, timeout]) signal.addEventListener('abort', () => joined.abort(signal.reason), { once: true })
  return joined.signal
}

/**
 * True when fetch failed without a response: the TypeError of the Fetch standard, or workerd's plain
 * Error marked `retryable` ("Network connection lost.", cloudflare/workerd#7195).
 */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && (error as { retryable?: unknown }).retryable === true)
}

/** True for a fetch Response from any realm or polyfill. */
function isResponse(value: unknown): value is Response {
  return typeof value === 'object' && value !== null && typeof (value as Response).status === 'number' && typeof (value as Response).headers?.get === 'function'
}

/** Creates the one {@link Http} a client uses for all its calls; it holds no per-call state. */
export function createHttp(config: ClientConfig): Http {
  const { beforeRequest = [], afterResponse = [] } = config.hooks
  return async (spec) => {
    spec.signal?.throwIfAborted()
    // The timeout covers the wait for the headers; reading the body has its own (readBody).
    const timeout = new AbortController()
    const signal = spec.signal === undefined ? timeout.signal : joinSignals(spec.signal, timeout.signal)
    const headers = new Headers(config.headers)
    for (const [name, value] of Object.entries(spec.headers)) headers.set(name, value)
    const request = new Request(spec.url, { method: spec.method, headers, body: spec.body ?? null, redirect: 'manual', credentials: config.credentials, signal })
    for (const hook of beforeRequest) await hook(request)
    const timer = setTimeout(() => timeout.abort(), config.timeout)
    const abort = aborted(signal)
    let response: unknown
    try {
      // Looked up per call: a fetch replaced after the client was created is the one used.
      // Promise.race handles a rejection of the fetch that comes after the abort won.
      response = await Promise.race([Promise.resolve((config.fetch ?? globalThis.fetch)(request)), abort.promise])
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason
      if (timeout.signal.aborted) throw new KratosTimeoutError(spec.method, spec.url, config.timeout)
      throw isNetworkFailure(error) ? new KratosNetworkError(spec.method, spec.url, error) : error
    } finally {
      clearTimeout(timer)
      // Stryker disable next-line CallExpression: equivalent; see stop()
      abort.stop()
    }
    if (!isResponse(response)) throw new TypeError(`fetch resolved to ${response === null ? 'null' : typeof response}, not a Response (${spec.method} ${spec.url})`)
    try {
      for (const hook of afterResponse) await hook(response, request)
    } catch (error) {
      discardBody(response)
      throw error
    }
    if (response.bodyUsed || response.body?.locked === true) throw new TypeError('an afterResponse hook read the response body; read response.clone() instead')
    return response
  }
}
