import { UnexpectedResponseError, type KnownKratosError } from '../errors/errors.js'
import type { SettingsFlow } from '../types.js'
import type { SettingsFlowResult } from './settings-result.js'

/** Where a redirect went, for a message, which is logged: its origin only. Its path, query and fragment may hold a token or an echoed cookie; the whole URL stays on the result. */
// Stryker disable next-line ConditionalExpression: equivalent; URL.canParse(null) is false
const where = (location: string | null): string => (location !== null && URL.canParse(location) ? new URL(location).origin : 'an unknown location')

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
