import { KratosArgumentError } from '../errors/errors.js'
import { assertHeaderValue, isBrowser } from './validate-input.js'

/** How an operation asks Kratos to answer: a JSON value, or like a browser navigation (a 303). */
export type ResponseMode = 'json' | 'redirect'

const ACCEPT: Record<ResponseMode, string> = { json: 'application/json', redirect: 'text/html' }

/**
 * The headers of one call: `Accept` for `mode`, and the caller's cookie (server code only).
 * Throws a {@link KratosArgumentError} for an unknown mode, a cookie argument in a browser, or a
 * cookie that is not a valid header value.
 */
export function requestHeaders(operation: string, mode: ResponseMode, cookie: string | undefined): Record<string, string> {
  if (mode !== 'json' && mode !== 'redirect') throw new KratosArgumentError(`${operation}: mode must be "json" or "redirect"`)
  const headers: Record<string, string> = { accept: ACCEPT[mode] }
  if (cookie === undefined || cookie === '') return headers
  if (isBrowser()) {
    throw new KratosArgumentError(
      `${operation}: a cookie argument cannot be sent from a browser (fetch forbids the Cookie header); ` + 'omit it: the browser sends its own cookies with credentials: "include"',
    )
  }
  assertHeaderValue(`${operation}: cookie`, cookie)
  headers['cookie'] = cookie
  return headers
}
