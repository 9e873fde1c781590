import { KratosArgumentError } from './argument-error.js'
import { KratosError } from './kratos-error.js'
import type { KnownErrorId, KnownKratosError } from './known-errors.js'
import { KratosNetworkError } from './network-error.js'
import { KratosTimeoutError } from './timeout-error.js'
import { UnexpectedResponseError } from './unexpected-response-error.js'

// `instanceof` fails when two copies of this package are loaded (ESM and CJS builds, or two
// versions), so each guard also accepts an Error with the right `name`.
function isNamed(value: unknown, name: string): value is Error {
  return value instanceof Error && value.name === name
}

/**
 * True for any error that came from a Kratos response (known or unexpected). With an `id`, true
 * only for that known error, and narrows to its typed payload.
 * @example
 * catch (error) { if (isKratosError(error, 'session_aal2_required')) redirect(error.redirectBrowserTo) }
 */
export function isKratosError(value: unknown): value is KratosError
export function isKratosError<Id extends KnownErrorId>(value: unknown, id: Id): value is KnownKratosError<Id>
export function isKratosError(value: unknown, id?: KnownErrorId): boolean {
  const any =
    value instanceof KratosError || isNamed(value, 'KratosError') || isNamed(value, 'UnexpectedResponseError')
  if (!any || id === undefined) return any
  return (value as KratosError).name === 'KratosError' && (value as KratosError).id === id
}

/** True for a response that fits no documented shape. */
export function isUnexpectedResponseError(value: unknown): value is UnexpectedResponseError {
  return value instanceof UnexpectedResponseError || isNamed(value, 'UnexpectedResponseError')
}

/** True when Kratos could not be reached. */
export function isKratosNetworkError(value: unknown): value is KratosNetworkError {
  return value instanceof KratosNetworkError || isNamed(value, 'KratosNetworkError')
}

/** True when Kratos did not answer in time. */
export function isKratosTimeoutError(value: unknown): value is KratosTimeoutError {
  return value instanceof KratosTimeoutError || isNamed(value, 'KratosTimeoutError')
}

/** True for an invalid argument or option, rejected before any request. */
export function isKratosArgumentError(value: unknown): value is KratosArgumentError {
  return value instanceof KratosArgumentError || isNamed(value, 'KratosArgumentError')
}
