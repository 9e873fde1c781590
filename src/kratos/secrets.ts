// What Kratos exchanges that is secret, by name: its cookies, and an update body's secret fields.

/**
 * The names Kratos gives its cookies unless configured otherwise: the session, the continuity
 * cookie of a paused change, and the CSRF cookie (`csrf_token_` and a hash of its URL). A name
 * ending in `*` stands for every name it begins.
 */
export const KRATOS_COOKIE_NAMES: readonly string[] = ['ory_kratos_session', 'ory_kratos_continuity', 'csrf_token*']

/** True when `name` is one of `names`, each exact or (ending in `*`) a prefix. */
export function matchesCookieName(name: string, names: readonly string[]): boolean {
  return names.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern))
}

/** The update body's fields whose values are secrets: the new password, the CSRF token, a TOTP code, a security key's or passkey's answer. */
export const SECRET_BODY_FIELDS = ['password', 'csrf_token', 'totp_code', 'webauthn_register', 'passkey_settings_register'] as const
