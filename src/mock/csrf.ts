// Kratos' anti-CSRF scheme (nosurf): the cookie holds 32 random bytes in base64; each flow's
// `csrf_token` is those bytes masked with a one-time pad (pad + pad XOR secret, base64), so a
// token never equals the cookie, and every flow gets a different one.

const SIZE = 32

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (character) => character.charCodeAt(0))
    // Stryker disable next-line BlockStatement: equivalent; an empty catch also returns undefined.
  } catch {
    return undefined
  }
}

/** A new cookie value: 32 random bytes, base64 (it ends in `=`, as Kratos' does). */
export function newCsrfSecret(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SIZE)))
}

/** The secret of a cookie value, or `undefined` when it is not one (Kratos then issues a new cookie). */
export function readCsrfSecret(cookie: string | undefined): Uint8Array | undefined {
  const bytes = cookie === undefined ? undefined : fromBase64(cookie)
  return bytes?.length === SIZE ? bytes : undefined
}

/** A masked token for a flow's `csrf_token` input. */
export function maskCsrfToken(secret: Uint8Array): string {
  const pad = crypto.getRandomValues(new Uint8Array(SIZE))
  return toBase64(Uint8Array.from([...pad, ...pad.map((byte, i) => byte ^ secret[i]!)]))
}

/** True when `token` is a masking of `secret`. */
export function verifyCsrfToken(secret: Uint8Array | undefined, token: unknown): boolean {
  const bytes = typeof token === 'string' ? fromBase64(token) : undefined
  if (secret === undefined || bytes?.length !== 2 * SIZE) return false
  return secret.every((byte, i) => (bytes[i]! ^ bytes[SIZE + i]!) === byte)
}
