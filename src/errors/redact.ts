/** What replaces a secret in a redacted copy. */
export const REDACTED = '[redacted]'

const SECRET_KEYS = new Set(['csrf_token', 'session_token', 'ory_session_token', 'cookie', 'set-cookie'])

/**
 * A deep copy of a parsed JSON body with secrets replaced: values under secret keys, and the
 * `value` of a UI input whose `name` is `csrf_token`. Errors end up in logs; tokens must not.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value === null || typeof value !== 'object') return value
  const isCsrfInput = (value as Record<string, unknown>)['name'] === 'csrf_token'
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const secret = SECRET_KEYS.has(key.toLowerCase()) || (isCsrfInput && key === 'value')
    copy[key] = secret ? REDACTED : redactSecrets(item)
  }
  return copy
}
