// herodot, the library Kratos writes its JSON errors with:
// `{ "error": { "id"?, "code", "status", "reason"?, "details"?, "message" } }`.

import type { KratosErrorBody } from '../types.js'

/** herodot's `status`: the HTTP reason phrase of `code`. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  422: 'Unprocessable Entity',
}

/** What a herodot error says beyond its status. */
export interface HerodotFields {
  readonly id?: string | undefined
  readonly message: string
  readonly reason?: string | undefined
  readonly details?: Record<string, unknown> | undefined
}

/** A herodot error body as Kratos writes it: fields it has no value for are left out. */
export function herodotError(code: number, { id, message, reason, details }: HerodotFields): KratosErrorBody {
  return {
    error: {
      ...(id === undefined ? {} : { id }),
      code,
      // Stryker disable next-line StringLiteral: every status Kratos' settings errors use is in STATUS_TEXT
      status: STATUS_TEXT[code] ?? 'Error',
      ...(reason === undefined ? {} : { reason }),
      ...(details === undefined ? {} : { details }),
      message,
    },
  }
}
