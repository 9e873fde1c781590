import { escapeText } from '../utils/escape-text.js'

/** What {@link KratosError} is built from. */
export interface KratosErrorInit<Id extends string> {
  /** HTTP status of the response. */
  status: number
  /** Kratos' `error.id`. */
  id: Id
  /** Human-readable message. */
  message: string
  /** The parsed response body (a copy with secrets redacted). */
  body: unknown
  /** Kratos' `error.reason`. */
  reason?: string | undefined
  /** Kratos' `error.details`. */
  details?: Readonly<Record<string, unknown>> | undefined
  /** Kratos' `error.request`: the request id, for tracing. */
  requestId?: string | undefined
}

/**
 * An error response from Kratos. On a result of kind `'error'` the `id` is a literal and the
 * extra payload of that id (for example `redirectBrowserTo`) is typed: see `KnownKratosError`.
 */
export class KratosError<Id extends string = string> extends Error {
  override name: 'KratosError' | 'UnexpectedResponseError' = 'KratosError'
  /** HTTP status of the response. */
  readonly status: number
  /** Kratos' `error.id`, for example `session_inactive`. */
  readonly id: Id
  /** Kratos' `error.reason`, when it sent one. */
  readonly reason: string | undefined
  /** Kratos' `error.details`, when it sent them. */
  readonly details: Readonly<Record<string, unknown>> | undefined
  /** Kratos' request id (`error.request`), when it sent one. */
  readonly requestId: string | undefined
  /** The parsed response body, with CSRF and session tokens redacted. */
  readonly body: unknown

  /** `init.message` may quote the server: its control characters are escaped (`\n`, `\u001b`). */
  constructor(init: KratosErrorInit<Id>, options?: ErrorOptions) {
    super(escapeText(init.message), options)
    this.status = init.status
    this.id = init.id
    this.reason = init.reason
    this.details = init.details
    this.requestId = init.requestId
    this.body = init.body
  }
}
