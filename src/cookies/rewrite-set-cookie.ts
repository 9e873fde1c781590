import { Cookie } from 'tough-cookie'
import { KratosArgumentError } from '../errors/argument-error.js'

/**
 * How to change Kratos' cookies for a proxied setup, where the browser talks to your app's host
 * rather than to Kratos. Attributes not named here (HttpOnly, SameSite, Max-Age, Expires, …)
 * are kept as Kratos sent them.
 */
export interface SetCookieRewrite {
  /** `false` removes `Domain` (a host-only cookie for your app's host); a string replaces it. Kept when omitted. */
  domain?: string | false
  /** A string replaces `Path`; a function maps Kratos' path (for example, to add a prefix). Kept when omitted. */
  path?: string | ((path: string) => string)
  /**
   * Drops `Secure`, so that cookies work over plain http. Only for local development: a browser
   * on https should always get `Secure` cookies.
   * @default false
   */
  dropSecure?: boolean
}

/** Parses one `Set-Cookie` header, or throws when it is not one. */
export function parseSetCookie(setCookie: string): Cookie {
  const cookie = Cookie.parse(setCookie)
  if (cookie === undefined) throw new KratosArgumentError('A Set-Cookie header could not be parsed.')
  return cookie
}

/** Applies `rewrite` to one `Set-Cookie` header. Without any rewrite the header is returned unchanged. */
export function rewriteSetCookie(setCookie: string, rewrite: SetCookieRewrite = {}): string {
  if (rewrite.domain === undefined && rewrite.path === undefined && rewrite.dropSecure !== true) return setCookie
  const cookie = parseSetCookie(setCookie)
  if (rewrite.domain === false) cookie.domain = null
  else if (rewrite.domain !== undefined) cookie.domain = rewrite.domain
  if (typeof rewrite.path === 'function') cookie.path = rewrite.path(cookie.path ?? '/')
  else if (rewrite.path !== undefined) cookie.path = rewrite.path
  if (rewrite.dropSecure === true) cookie.secure = false
  return cookie.toString()
}
