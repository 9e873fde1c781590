import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { Http, RequestSpec } from './create-http.js'
import type { ClientConfig } from './options.js'
import { sleep, statusRetryDelay } from './retry-delay.js'
import { discardBody } from '../result/read-body.js'

/**
 * Sends a request with `http` and hands the response to `read`. A GET is retried, at most
 * `config.retry.limit` times, after a {@link KratosNetworkError} or a 502/503/504 (or 429 with
 * Retry-After); a POST and a timeout never are. `http`'s errors pass through as they are; a body
 * that fails mid-stream is a {@link KratosNetworkError} too. No error holds the request: it carries the cookie.
 */
export async function sendRequest<Result>(http: Http, config: ClientConfig, spec: RequestSpec, read: (response: Response) => Promise<Result>): Promise<Result> {
  // Only a GET is ever retried: a POST may have changed something already.
  const retriable = spec.method === 'GET'
  for (let attempt = 1; ; attempt++) {
    let response: Response
    try {
      response = await http(spec)
    } catch (error) {
      if (!(error instanceof KratosNetworkError) || !retriable || attempt > config.retry.limit) throw error
      await sleep(config.retry.delay(attempt), spec.signal)
      continue
    }
    const delay = retriable ? statusRetryDelay(response, attempt, config) : undefined
    if (delay !== undefined) {
      discardBody(response)
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
