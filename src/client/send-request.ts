import { isNetworkError, isTimeoutError, type KyInstance } from 'ky'
import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { ClientConfig } from './options.js'
import { sleep, statusRetryDelay } from './retry-delay.js'

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
 * Sends a request and hands the response to `read`. A GET is retried, at most
 * `config.retry.limit` times, after a network error or a 502/503/504 (or 429 with Retry-After);
 * a POST and a timeout never are. Whatever fails without a complete response is thrown as ours:
 * an abort as the signal's own reason, a timeout as {@link KratosTimeoutError}, a network failure
 * (also mid-body) as {@link KratosNetworkError}. ky's errors never escape: they hold the request,
 * and with it the caller's cookie.
 */
export async function sendRequest<Result>(http: KyInstance, config: ClientConfig, spec: RequestSpec, read: (response: Response) => Promise<Result>): Promise<Result> {
  // Only a GET is ever retried: a POST may have changed something already.
  const retriable = spec.method === 'GET'
  for (let attempt = 1; ; attempt++) {
    let response: Response
    try {
      response = await http(spec.url, { method: spec.method, headers: spec.headers, body: spec.body ?? null, signal: spec.signal ?? null })
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason
      if (isTimeoutError(error)) throw new KratosTimeoutError(spec.method, spec.url, config.timeout)
      if (!isNetworkError(error)) throw error
      if (!retriable || attempt > config.retry.limit) throw new KratosNetworkError(spec.method, spec.url, error.cause)
      await sleep(config.retry.delay(attempt), spec.signal)
      continue
    }
    const delay = retriable ? statusRetryDelay(response, attempt, config) : undefined
    if (delay !== undefined) {
      response.body?.cancel().catch(() => {})
      await sleep(delay, spec.signal)
      continue
    }
    try {
      return await read(response)
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason
      if (error instanceof KratosTimeoutError) throw error
      // The body stream failed: the connection closed or reset before the response was whole.
      throw new KratosNetworkError(spec.method, spec.url, error)
    }
  }
}
