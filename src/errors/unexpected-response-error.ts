import { KratosError, type KratosErrorInit } from './kratos-error.js'

/**
 * Why a response did not fit the operation:
 * - `not_json`: the body is not JSON (an HTML page from a proxy, truncated JSON, empty);
 * - `invalid_shape`: JSON, but not a settings flow or not a well-formed Kratos error;
 * - `unknown_error_id`: a Kratos error whose `error.id` this SDK does not know (or none);
 * - `unexpected_status`: a status the operation does not answer with (204, 304, …);
 * - `body_too_large`: the body exceeded `maxBodyBytes` and was not read;
 * - `body_too_complex`: the body nests deeper, or holds more values, than a settings answer ever
 *   does (64 levels, 20,000 values); it was not parsed;
 * - `redirect`: `unwrapFlow` was given a redirect.
 */
export type UnexpectedProblem =
  | 'not_json'
  | 'invalid_shape'
  | 'unknown_error_id'
  | 'unexpected_status'
  | 'body_too_large'
  | 'body_too_complex'
  | 'redirect'

/** The `id` of an unexpected response whose body had no `error.id`. */
export const UNEXPECTED_RESPONSE_ID = 'unexpected_response'

/** What {@link UnexpectedResponseError} is built from; `id` defaults to {@link UNEXPECTED_RESPONSE_ID}. */
export type UnexpectedResponseErrorInit = Omit<KratosErrorInit<string>, 'id'> & { id?: string; problem: UnexpectedProblem }

/** A response that Kratos' contract does not describe; `problem` says how it differs. */
export class UnexpectedResponseError extends KratosError {
  override name = 'UnexpectedResponseError' as const
  /** How the response differs from what the operation documents. */
  readonly problem: UnexpectedProblem

  constructor(init: UnexpectedResponseErrorInit, options?: ErrorOptions) {
    super({ ...init, id: init.id ?? UNEXPECTED_RESPONSE_ID }, options)
    this.problem = init.problem
  }
}
