import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { ClientConfig } from './options.js'

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
 * {@link KratosNetworkError} when fetch failed; a hook's error as it is.
 */
export type Http = (spec: RequestSpec) => Promise<Response>

/** Creates the one {@link Http} a client uses for all its calls; it holds no per-call state. */
export function createHttp(config: ClientConfig): Http {
  const { beforeRequest = [], afterResponse = [] } = config.hooks
  return async (spec) => {
    // The timeout covers the wait for the headers; reading the body has its own (readBody).
    const timeout = new AbortController()
    const signal = spec.signal === undefined ? timeout.signal : AbortSignal.any([spec.signal, timeout.signal])
    const headers = new Headers(config.headers)
    for (const [name, value] of Object.entries(spec.headers)) headers.set(name, value)
    const request = new Request(spec.url, { method: spec.method, headers, body: spec.body ?? null, redirect: 'manual', credentials: config.credentials, signal })
    for (const hook of beforeRequest) await hook(request)
    const timer = setTimeout(() => timeout.abort(), config.timeout)
    let response: Response
    try {
      // Looked up per call: a fetch replaced after the client was created is the one used.
      response = await (config.fetch ?? globalThis.fetch)(request)
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason
      if (timeout.signal.aborted) throw new KratosTimeoutError(spec.method, spec.url, config.timeout)
      throw new KratosNetworkError(spec.method, spec.url, error)
    } finally {
      clearTimeout(timer)
    }
    for (const hook of afterResponse) await hook(response, request)
    return response
  }
}
