import ky, { isTimeoutError, type AfterResponseHook, type KyInstance } from 'ky'
import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { RequestSpec } from '../request/build-request.js'
import type { ClientConfig } from '../request/options.js'
import { ignore } from '../utils/ignore.js'
import { statusRetryDelay } from './retry-delay.js'

/**
 * One call over ky: the response as it came, never a followed redirect, after ky's retries (an
 * operation that is safe to retry only, after a network failure or a 502/503/504, or a 429 with Retry-After). Throws the signal's
 * reason on an abort, a {@link KratosTimeoutError} when an attempt got no headers within `timeout`,
 * a {@link KratosNetworkError} when fetch failed as fetch does when it cannot reach a server (a
 * `TypeError`, or workerd's `retryable` Error); anything else (a hook's error, a custom fetch's bug)
 * as it is. No ky error escapes: they hold the request, and with it the cookie.
 */
export type Http = (spec: RequestSpec) => Promise<Response>

/** Rejects when `signal` aborts: a fetch that ignores its signal still cannot outlast the caller. */
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
 * Aborts when either signal does, with its reason: AbortSignal.any, or the same by hand where it is
 * missing (the Edge Runtime's AbortSignal). The caller's signal is joined here, in the fetch ky
 * calls, rather than given to ky, which would need AbortSignal.any.
 */
function joinSignals(caller: AbortSignal, attempt: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([caller, attempt])
  const joined = new AbortController()
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent; a signal aborts once
  for (const signal of [caller, attempt]) signal.addEventListener('abort', () => joined.abort(signal.reason), { once: true })
  return joined.signal
}

/**
 * True when fetch failed without a response: the TypeError of the Fetch standard, or workerd's plain
 * Error marked `retryable` ("Network connection lost.", cloudflare/workerd#7195).
 */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && (error as { retryable?: unknown }).retryable === true)
}

/** The error fetch itself threw: ky wraps the ones it recognises in its NetworkError, which holds the request. */
function fetchError(error: unknown): unknown {
  return error instanceof Error && error.name === 'NetworkError' && 'request' in error ? error.cause : error
}

/** True for what `ky.retry()` returns, from any copy of ky. */
const isRetryMarker = (value: unknown): boolean => (value as { isRetryMarker?: unknown } | undefined)?.isRetryMarker === true

/** True for a fetch Response from any realm or polyfill. */
function isResponse(value: unknown): value is Response {
  return typeof value === 'object' && value !== null && typeof (value as Response).status === 'number' && typeof (value as Response).headers?.get === 'function'
}

/** fetch resolved to something that is not a Response: a bug of a custom fetch, thrown as a TypeError once ky is done. */
class NotAResponse extends Error {}

/** Creates the one {@link Http} a client uses for all its calls: one ky instance, no per-call state. */
export function createHttp(config: ClientConfig): Http {
  const { beforeRequest = [], beforeRetry = [], afterResponse = [] } = config.hooks
  /** The fetch ky calls for one call: the caller's signal joined in, and no new attempt once it aborted. */
  const fetchFor =
    (caller: AbortSignal | undefined) =>
    async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      caller?.throwIfAborted()
      // ky hands over its own Request, whose signal it aborts on a timeout: used as it is, since a copy
      // would follow that signal only as long as the runtime keeps the copy's controller alive.
      const request = input instanceof Request ? input : new Request(input, init)
      // Looked up per call: a fetch replaced after the client was created is the one used.
      const send = config.fetch ?? globalThis.fetch
      const response: unknown = await send(caller === undefined ? request : new Request(request, { signal: joinSignals(caller, request.signal) }))
      if (!isResponse(response)) throw new NotAResponse(`fetch resolved to ${response === null ? 'null' : typeof response}, not a Response (${request.method} ${request.url})`)
      return response
    }
  const api: KyInstance = ky.create({
    fetch: fetchFor(undefined), // for calls without a signal; a call with one gets its own, below
    headers: config.headers,
    credentials: config.credentials,
    redirect: 'manual',
    // The timeout covers the wait for the headers; reading the body has its own (readBody).
    timeout: config.timeout,
    // Every status is a response to classify, never an exception.
    throwHttpErrors: false,
    retry: {
      limit: config.retry.limit,
      methods: ['get'],
      // Statuses are retried by the afterResponse hook below, by our rules; timeouts never.
      // An operation that is not safe to repeat gets limit 0 per call.
      statusCodes: [],
      retryOnTimeout: false,
      delay: config.retry.delay,
      jitter: false,
      shouldRetry: ({ error }) => isNetworkFailure(fetchError(error)),
    },
    hooks: {
      beforeRequest: [...beforeRequest],
      beforeRetry: [...beforeRetry],
      afterResponse: [
        // A retry a caller's hook asks for beyond the limit (0 for an operation not safe to repeat)
        // is dropped: ky would throw its ForceRetryError, which holds the request.
        ...afterResponse.map((hook): AfterResponseHook => async (state) => {
          const result = await hook(state)
          return isRetryMarker(result) && state.retryCount >= state.options.retry.limit ? undefined : result
        }),
        // After the caller's hooks, which see every response, a retried one included.
        ({ options, response, retryCount }) => {
          const delay = retryCount < options.retry.limit ? statusRetryDelay(response, retryCount + 1, config) : undefined
          return delay === undefined ? undefined : ky.retry({ delay })
        },
      ],
    },
  })

  return async (spec) => {
    spec.signal?.throwIfAborted()
    const call = api(spec.url, {
      method: spec.method,
      headers: spec.headers,
      ...(spec.signal === undefined ? {} : { fetch: fetchFor(spec.signal) }),
      ...(spec.operation.retried ? {} : { retry: 0 }),
      ...(spec.body === undefined ? {} : { body: spec.body }),
    })
    // An abort rejects at once, even while a fetch that ignores its signal, or a retry delay, is pending.
    const abort = spec.signal === undefined ? undefined : aborted(spec.signal)
    try {
      return await (abort === undefined ? call : Promise.race([call, abort.promise]))
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason
      if (isTimeoutError(error)) throw new KratosTimeoutError(spec.method, spec.url, config.timeout)
      if (error instanceof NotAResponse) throw new TypeError(error.message, { cause: error })
      const cause = fetchError(error)
      if (isNetworkFailure(cause)) throw new KratosNetworkError(spec.method, spec.url, cause)
      throw cause
    } finally {
      // Stryker disable next-line OptionalChaining,CallExpression: equivalent; see stop()
      abort?.stop()
      // The race may leave ky's promise to reject later, unobserved.
      call.catch(ignore)
    }
  }
}
