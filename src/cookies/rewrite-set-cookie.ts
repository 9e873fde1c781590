import { Cookie } from 'tough-cookie'
import { KratosArgumentError } from '../errors/errors.js'

/**
 * How to change Kratos' cookies for a proxied setup, where the browser talks to your app's host
 * rather than to Kratos. Attributes not named here (HttpOnly, SameSite, Max-Age, Expires, …)
 * are kept as Kratos sent them.
 */
export interface SetCookieRewrite {
  /**
   * `false` removes `Domain` (a host-only cookie for your app's host); a string replaces it and
   * must be a host name (letters, digits, `-` and `.`, with an optional leading `.`). Kept when omitted.
   */
  domain?: string | false | undefined
  /**
   * A string replaces `Path`; a function maps Kratos' path (for example, to add a prefix). The
   * path, or what the function returns, must start with `/` and hold printable ASCII other
   * than space and `;` (percent-encode others, as in the URL). Kept when omitted.
   */
  path?: string | ((path: string) => string) | undefined
  /**
   * Drops `Secure`, so that cookies work over plain http. Only for local development: a browser
   * on https should always get `Secure` cookies.
   * @default false
   */
  dropSecure?: boolean | undefined
}

// Dot-separated labels of letters, digits and "-"; a leading dot is allowed and ignored by browsers.
const DOMAIN = /^\.?[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/
// RFC 6265 §4.1.1 path-value, starting with "/" as §5.2.4 requires to use it, and without spaces:
// a browser trims one at the end, and request paths are percent-encoded, so no path with one matches.
const PATH = /^\/[\x21-\x3A\x3C-\x7E]*$/
// RFC 6265bis matches the prefixes case-insensitively, as browsers do.
const HOST_PREFIX = /^__host-/i
const SECURE_PREFIX = /^__(?:secure|host)-/i

/** ` (";" at index 2)` for the first character of `value` that `bad` matches; '' when none does. */
function where(value: string, bad: RegExp): string {
  const index = value.search(bad)
  return index === -1 ? '' : ` (${JSON.stringify(value[index])} at index ${index})`
}

function checkPath(path: string, option: string): string {
  if (!PATH.test(path)) {
    throw new KratosArgumentError(`${option} must start with "/" and hold printable ASCII other than space and ";"${where(path, /[^\x21-\x3A\x3C-\x7E]/)}.`)
  }
  return path
}

function returnedPath(path: unknown): string {
  if (typeof path !== 'string') throw new KratosArgumentError('rewrite.path() must return a string.')
  return checkPath(path, 'rewrite.path()')
}

/**
 * Throws a `KratosArgumentError` naming the first option of `rewrite` that could not go into a
 * `Set-Cookie` header as it is: a wrong type, a domain that is not a host name, or a path that
 * would add attributes or break the header.
 */
export function checkRewrite(rewrite: unknown): asserts rewrite is SetCookieRewrite {
  if (typeof rewrite !== 'object' || rewrite === null) throw new KratosArgumentError('rewrite must be an object.')
  const { domain, path, dropSecure } = rewrite as Record<string, unknown>
  if (typeof domain === 'string') {
    if (!DOMAIN.test(domain)) {
      throw new KratosArgumentError(`rewrite.domain must be a host name: letters, digits, "-" and ".", with an optional leading "."${where(domain, /[^0-9A-Za-z.-]/)}.`)
    }
  } else if (domain !== undefined && domain !== false) throw new KratosArgumentError('rewrite.domain must be a string or false.')
  if (typeof path === 'string') checkPath(path, 'rewrite.path')
  else if (path !== undefined && typeof path !== 'function') throw new KratosArgumentError('rewrite.path must be a string or a function.')
  if (dropSecure !== undefined && typeof dropSecure !== 'boolean') throw new KratosArgumentError('rewrite.dropSecure must be a boolean.')
}

/** Parses one `Set-Cookie` header, or throws when it is not one. */
export function parseSetCookie(setCookie: string): Cookie {
  const cookie = Cookie.parse(setCookie)
  if (cookie === undefined) throw new KratosArgumentError('A Set-Cookie header could not be parsed.')
  return cookie
}

/**
 * Applies `rewrite` to one `Set-Cookie` header. Without any rewrite the header is returned unchanged.
 *
 * Throws a `KratosArgumentError` for an invalid option (see {@link SetCookieRewrite}), a header
 * that is not one line, and a rewrite a browser would reject the cookie for: a `Domain` or a
 * path other than `/` for a `__Host-` cookie, or `dropSecure` for a `__Secure-` or `__Host-`
 * cookie (prefixes matched case-insensitively, as browsers do).
 */
export function rewriteSetCookie(setCookie: string, rewrite: SetCookieRewrite = {}): string {
  checkRewrite(rewrite)
  if (typeof setCookie !== 'string') throw new KratosArgumentError('A Set-Cookie header must be a string.')
  const lineBreak = where(setCookie, /[\0\r\n]/)
  if (lineBreak !== '') throw new KratosArgumentError(`A Set-Cookie header must be one line without NUL${lineBreak}.`)
  if (rewrite.domain === undefined && rewrite.path === undefined && rewrite.dropSecure !== true) return setCookie
  const cookie = parseSetCookie(setCookie)
  const isHost = HOST_PREFIX.test(cookie.key)
  if (rewrite.domain === false) cookie.domain = null
  else if (rewrite.domain !== undefined) {
    if (isHost) throw prefixRule(cookie.key, 'a __Host- cookie has no Domain, so rewrite.domain can only be false for it')
    cookie.domain = rewrite.domain
  }
  if (rewrite.path !== undefined) {
    const path = typeof rewrite.path === 'string' ? rewrite.path : returnedPath(rewrite.path(cookie.path ?? '/'))
    if (isHost && path !== '/') throw prefixRule(cookie.key, 'a __Host- cookie has Path=/, so rewrite.path must give "/" for it')
    cookie.path = path
  }
  if (rewrite.dropSecure === true) {
    if (SECURE_PREFIX.test(cookie.key)) throw prefixRule(cookie.key, 'a __Secure- or __Host- cookie must be Secure, so rewrite.dropSecure cannot apply to it')
    cookie.secure = false
  }
  return cookie.toString()
}

const prefixRule = (name: string, rule: string) => new KratosArgumentError(`Cookie "${name}": ${rule}; a browser would reject it.`)
