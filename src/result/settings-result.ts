import type { KnownKratosError, UnexpectedResponseError } from '../errors/errors.js'
import type { SettingsFlow } from '../types.js'

/** What every result carries, whatever its kind. */
export interface ResultBase {
  /** The HTTP status of the response (0 for a browser's opaque redirect). */
  readonly status: number
  /**
   * Every `Set-Cookie` header of the response, unmerged, in order. Forward them to the browser
   * from server code (the CSRF cookie is among them). Always empty in browsers, which keep them.
   */
  readonly setCookie: string[]
}

/** Kratos answered with a settings flow (status 200). */
export interface FlowResult extends ResultBase {
  /** The discriminant. */
  readonly kind: 'flow'
  /** The flow, checked at run time for the fields callers rely on. */
  readonly flow: SettingsFlow
}

/** Kratos answered with a redirect (303 from Kratos); it was not followed. */
export interface RedirectResult extends ResultBase {
  /** The discriminant. */
  readonly kind: 'redirect'
  /**
   * Where to send the browser: the `Location` header resolved against the request URL, or `null`
   * when it is unknown (no header, or a browser's opaque redirect).
   */
  readonly location: string | null
}

/** Kratos answered with an error it documents; narrow on `error.id` for its typed payload. */
export interface ErrorResult extends ResultBase {
  /** The discriminant. */
  readonly kind: 'error'
  /** The error, with `id` a literal and that id's payload typed. */
  readonly error: KnownKratosError
}

/** The response fits no documented shape: unknown error id, non-JSON body, bad shape, odd status. */
export interface UnexpectedResult extends ResultBase {
  /** The discriminant. */
  readonly kind: 'unexpected'
  /** The response as an error; `problem` says how it differs from the contract, `body` holds it redacted. */
  readonly error: UnexpectedResponseError
}

/**
 * `updateSettingsFlow` only: Kratos answered 400 with the flow and validation messages on its
 * nodes (and in `ui.messages`). Render the form again from it; nothing was saved.
 */
export interface InvalidResult extends ResultBase {
  /** The discriminant. */
  readonly kind: 'invalid'
  /** The flow, with the values the user sent and the messages to show. */
  readonly flow: SettingsFlow
}

/** The result of `createBrowserSettingsFlow` and `getSettingsFlow`, discriminated by `kind`. */
export type SettingsFlowResult = FlowResult | RedirectResult | ErrorResult | UnexpectedResult

/** The result of `updateSettingsFlow`: a {@link SettingsFlowResult}, or `invalid` for a 400 that carries the flow. */
export type UpdateSettingsFlowResult = SettingsFlowResult | InvalidResult
