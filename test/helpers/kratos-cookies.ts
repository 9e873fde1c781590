// Set-Cookie headers shaped exactly as Kratos sends them (values are made up; their alphabet,
// padding and attribute order follow Kratos' CSRF handler and session manager).

/** The anti-CSRF cookie of a new browser flow: base64 with `+`, `/` and `=` padding. */
export const CSRF_SET_COOKIE =
  'csrf_token_806060ca5bf70dff3caa0e5c860002aade9d470a5a4dce73bcfa7ba10778f481=q7Rm+2b/Hk9vXw1s0Tn3aJcY8dL4eP6uFzQxG5iKoAE=; Path=/; Domain=kratos.example.com; Max-Age=31536000; HttpOnly; Secure; SameSite=Lax'

/** A session cookie: base64url with padding, an expiry and Max-Age. */
export const SESSION_SET_COOKIE =
  'ory_kratos_session=MTc2MzY4ODAwMHxEdi1CQkFFQ180SUFBUkFCRUFBQVJfLUNBQUVHYzNSeWFXNW5EQThBRFhObGMzTnBiMjVmZEc5clpXND18q3X-_Zk1pVw=; Path=/; Expires=Sat, 21 Nov 2026 12:00:00 GMT; Max-Age=86400; HttpOnly; Secure; SameSite=Lax'

/** Kratos deleting the session cookie on logout. */
export const SESSION_DELETION = 'ory_kratos_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Secure; SameSite=Lax'

export const KRATOS_SET_COOKIES = [CSRF_SET_COOKIE, SESSION_SET_COOKIE, SESSION_DELETION] as const

/** The `name=value` part of a Set-Cookie header. */
export const pairOf = (setCookie: string): string => setCookie.slice(0, setCookie.indexOf(';'))
