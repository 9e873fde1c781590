import { KratosError } from './kratos-error.js'
import { isKnownErrorId, type KnownKratosError } from './known-errors.js'
import { readErrorPayload } from './read-error-payload.js'
import { redactSecrets } from './redact.js'
import { UnexpectedResponseError } from './unexpected-response-error.js'
import { asString, isJsonObject, type JsonObject } from '../utils/json.js'

/**
 * Turns a parsed error body (`{ error: { id, message, … }, …extra }`) into a typed error: a
 * {@link KnownKratosError} with its camel-cased payload, or an {@link UnexpectedResponseError}
 * for an unknown or missing id, or a body that is not a Kratos error.
 */
export function parseKratosError(status: number, body: unknown): KnownKratosError | UnexpectedResponseError {
  // One redacted copy serves as the kept body and as the source of every field read from it.
  const safe = redactSecrets(body)
  const error = isJsonObject(safe) ? safe['error'] : undefined
  if (!isJsonObject(error)) {
    return new UnexpectedResponseError({
      status,
      problem: 'invalid_shape',
      message: `Kratos answered ${status} with JSON that is not a Kratos error (no "error" object)`,
      body: safe,
    })
  }
  const rawId = asString(error['id'])
  const details = isJsonObject(error['details']) ? error['details'] : undefined
  const text = asString(error['message']) ?? asString(error['status']) ?? 'no message'
  const init = { status, body: safe, reason: asString(error['reason']), details, requestId: asString(error['request']) }
  if (rawId === undefined || !isKnownErrorId(rawId)) {
    const what = rawId === undefined ? 'an error without id' : `the unknown error id "${rawId}"`
    return new UnexpectedResponseError({
      ...init,
      ...(rawId === undefined ? {} : { id: rawId }),
      problem: 'unknown_error_id',
      message: `Kratos answered ${status} with ${what}: ${text}`,
    })
  }
  const payload = readErrorPayload[rawId](safe as JsonObject, details)
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
