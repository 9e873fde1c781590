import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { Http, RequestSpec } from './create-http.js'

/**
 * Sends a request with `http` (which retries as the client says) and hands the response to `read`.
 * `http`'s errors pass through as they are; a body that fails mid-stream is a
 * {@link KratosNetworkError} too. No error holds the request: it carries the cookie.
 */
export async function sendRequest<Result>(http: Http, spec: RequestSpec, read: (response: Response) => Promise<Result>): Promise<Result> {
  const response = await http(spec)
  try {
    return await read(response)
  } catch (error) {
    if (spec.signal?.aborted) throw spec.signal.reason
    if (error instanceof KratosTimeoutError) throw error
    // The body stream failed: the connection closed or reset before the response was whole.
    throw new KratosNetworkError(spec.method, spec.url, error)
  }
}
