import { KratosError, UnexpectedResponseError, type KnownKratosError } from '../errors/errors.js'
import { isKnownErrorId, KNOWN_ERRORS, type KnownErrorId } from '../kratos/errors.js'
import { idlessErrorId, type SettingsOperation } from '../kratos/operations.js'
import { asString, isJsonObject, type JsonObject } from '../utils/json.js'
import { redactExchangeSecrets, redactJson } from './redact.js'

// A message quotes at most this much of the server's text; the whole is in `body`.
const MAX_QUOTED = 500

function clip(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text
}

/** The `error` object of an error body, or `undefined`. */
function errorOf(body: unknown): JsonObject | undefined {
  const error = isJsonObject(body) ? body['error'] : undefined
  return isJsonObject(error) ? error : undefined
}

/** The `details` object of an error, or `undefined`. */
function detailsOf(error: JsonObject | undefined): JsonObject | undefined {
  // Stryker disable next-line OptionalChaining: equivalent; both callers pass the error object of a body that has one
  const details = error?.['details']
  return isJsonObject(details) ? details : undefined
}

/** A known error with its payload, its message naming the id and the status. */
export function knownKratosError<Id extends KnownErrorId>(
  init: { status: number; id: Id; body: unknown; text: string; reason?: string | undefined; details?: JsonObject | undefined; requestId?: string | undefined },
  payload: object,
): KnownKratosError<Id> {
  const { text, ...fields } = init
  const error = new KratosError({ ...fields, message: `Kratos error ${init.id} (HTTP ${init.status}): ${text}` })
  return Object.assign(error, payload) as KnownKratosError<Id>
}

/**
 * Turns a parsed error body (`{ error: { id, message, … }, …extra }`) into a typed error: a
 * {@link KnownKratosError} with its camel-cased payload, or an {@link UnexpectedResponseError}
 * for an unknown or missing id, or a body that is not a Kratos error. An id-less herodot error
 * that Kratos sends for a known condition on `operation` (its `idless` answers) gets that
 * condition's id; its body is kept as sent.
 */
export function parseKratosError(status: number, body: unknown, operation: SettingsOperation, secrets: readonly string[]): KnownKratosError | UnexpectedResponseError {
  // The redacted copy is the kept body and the source of the fields an error shows; only the
  // payload (URLs the browser is sent to, flow ids) is read from the body as sent, below.
  const safe = redactJson(body, secrets)
  const error = errorOf(safe)
  if (error === undefined) {
    return new UnexpectedResponseError({
      status,
      problem: 'invalid_shape',
      message: `Kratos answered ${status} with JSON that is not a Kratos error (no "error" object)`,
      body: safe,
    })
  }
  const rawId = asString(error['id'])
  const reason = asString(error['reason'])
  const details = detailsOf(error)
  const text = clip(asString(error['message']) ?? asString(error['status']) ?? 'no message')
  const init = { status, body: safe, reason, details, requestId: asString(error['request']) }
  const id = rawId ?? idlessErrorId(operation, status, reason)
  if (id === undefined || !isKnownErrorId(id)) {
    const what = id === undefined ? 'an error without id' : `the unknown error id "${clip(id)}"`
    return new UnexpectedResponseError({
      ...init,
      ...(id === undefined ? {} : { id }),
      problem: 'unknown_error_id',
      message: `Kratos answered ${status} with ${what}: ${text}`,
    })
  }
  // Read from the body as sent: the redacted copy's token-shape rule would break an OAuth URL's state or PKCE challenge.
  const payload = KNOWN_ERRORS[id].read(body as JsonObject, detailsOf(errorOf(body)))
  if (!payload.ok) {
    return new UnexpectedResponseError({
      ...init,
      id,
      problem: payload.problem,
      message: `Kratos answered ${status} with ${id} but ${payload.detail}: ${text}`,
    })
  }
  // The payload is as safe as the body: the exchange's own secrets and tokens go, OAuth state stays.
  const fields = Object.entries(payload.value).map(([name, value]) => [name, typeof value === 'string' ? redactExchangeSecrets(value, secrets) : value])
  return knownKratosError({ ...init, id, text }, Object.fromEntries(fields))
}
