import { UnexpectedResponseError, type KnownKratosError } from '../errors/errors.js'
import type { SettingsFlow } from '../types.js'
import type { SettingsFlowResult } from './settings-result.js'

// A path segment this long may be a token or an echoed cookie; Kratos' own are short words.
const MAX_SHOWN_SEGMENT = 24

/**
 * Where a redirect went, for a message, which is logged: the origin and the path's short
 * segments. The query (`?session_token=`), the fragment and long segments may hold a secret;
 * the whole URL stays on the result.
 */
function where(location: string | null): string {
  if (location === null) return 'an unknown location'
  if (!URL.canParse(location)) return 'a location that is not a URL'
  const url = new URL(location)
  const path = url.pathname
    .split('/')
    .map((segment) => (segment.length > MAX_SHOWN_SEGMENT ? '…' : segment))
    .join('/')
  return `${url.origin}${path}${url.search === '' && url.hash === '' ? '' : ' (query not shown)'}`
}

/**
 * Returns the flow of a result, or throws: its error (a `KnownKratosError` or an
 * `UnexpectedResponseError`), or for a redirect an `UnexpectedResponseError` with problem `redirect`.
 * @example
 * const flow = unwrapFlow(await kratos.createBrowserSettingsFlow(undefined, cookie))
 */
export function unwrapFlow(result: SettingsFlowResult): SettingsFlow {
  switch (result.kind) {
    case 'flow':
      return result.flow
    case 'redirect':
      throw new UnexpectedResponseError({
        status: result.status,
        problem: 'redirect',
        message: `Expected a settings flow, but Kratos redirected to ${where(result.location)}`,
        body: undefined,
      })
    case 'error':
    case 'unexpected':
      throw result.error satisfies KnownKratosError | UnexpectedResponseError
  }
}
