import { KratosError } from './kratos-error.js'
import { isKnownErrorId, type KnownKratosError } from './known-errors.js'
import { readErrorPayload } from './read-error-payload.js'
import { redactSecrets } from './redact.js'
import { UNEXPECTED_RESPONSE_ID, UnexpectedResponseError } from './unexpected-response-error.js'

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * Turns a parsed error body (`{ error: { id, message, … }, …extra }`) into a typed error: a
 * {@link KnownKratosError} with its camel-cased payload, or an {@link UnexpectedResponseError}
 * for an unknown or missing id, or a body that is not a Kratos error.
 */
export function parseKratosError(status: number, body: unknown): KnownKratosError | UnexpectedResponseError {
  const error = isObject(body) ? body['error'] : undefined
  if (!isObject(error)) {
    return new UnexpectedResponseError({
      status,
      id: UNEXPECTED_RESPONSE_ID,
      problem: 'invalid_shape',
      message: `Kratos answered ${status} with JSON that is not a Kratos error (no "error" object)`,
      body: redactSecrets(body),
    })
  }
  const rawId = optionalString(error['id'])
  const details = isObject(error['details']) ? error['details'] : undefined
  const text = optionalString(error['message']) ?? optionalString(error['status']) ?? 'no message'
  const init = {
    status,
    body: redactSecrets(body),
    reason: optionalString(error['reason']),
    details: details === undefined ? undefined : (redactSecrets(details) as JsonObject),
    requestId: optionalString(error['request']),
  }
  if (rawId === undefined || !isKnownErrorId(rawId)) {
    const what = rawId === undefined ? 'an error without id' : `the unknown error id "${rawId}"`
    return new UnexpectedResponseError({
      ...init,
      id: rawId ?? UNEXPECTED_RESPONSE_ID,
      problem: 'unknown_error_id',
      message: `Kratos answered ${status} with ${what}: ${text}`,
    })
  }
  const payload = readErrorPayload[rawId](body as JsonObject, details)
  if (payload === undefined) {
    return new UnexpectedResponseError({
      ...init,
      id: rawId,
      problem: 'invalid_shape',
      message: `Kratos answered ${status} with ${rawId} but without the redirect_browser_to or use_flow_id it needs: ${text}`,
    })
  }
  const known = new KratosError({ ...init, id: rawId, message: `Kratos error ${rawId} (HTTP ${status}): ${text}` })
  return Object.assign(known, payload) as KnownKratosError
}
