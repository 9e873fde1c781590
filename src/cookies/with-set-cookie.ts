import { Cookie } from 'tough-cookie'
import { KratosArgumentError } from '../errors/errors.js'

/**
 * The `Cookie` header for the next call of a server-to-server exchange with Kratos: `cookie` with
 * Kratos' `Set-Cookie` headers (`result.setCookie`) applied as a browser on Kratos' site applies
 * them: a cookie's new value replaces the old one, an expired cookie goes, the others stay in
 * order. Domain and path are not checked (the calls go to one Kratos); a header that does not
 * parse is skipped. `undefined` when no cookie is left.
 *
 * Throws a `KratosArgumentError` when `cookie` is not a string or `undefined`, or `setCookie` is
 * not an array.
 * @example
 * const created = await kratos.createBrowserSettingsFlow(undefined, cookie)
 * const saved = await kratos.updateSettingsFlow(unwrapFlow(created), body, withSetCookie(cookie, created.setCookie))
 */
export function withSetCookie(cookie: string | undefined, setCookie: readonly string[]): string | undefined {
  if (cookie !== undefined && typeof cookie !== 'string') throw new KratosArgumentError('withSetCookie() needs the Cookie header as a string, or undefined.')
  if (!Array.isArray(setCookie)) throw new KratosArgumentError('withSetCookie() needs the Set-Cookie headers as an array, as in result.setCookie.')
  const cookies = new Map<string, string>()
  // Stryker disable next-line ArrayDeclaration: equivalent; a made-up pair without "=" names no cookie
  for (const pair of cookie?.split(';') ?? []) {
    const at = pair.indexOf('=')
    const name = (at === -1 ? '' : pair.slice(0, at)).trim()
    if (name !== '') cookies.set(name, pair.slice(at + 1).trim())
  }
  for (const header of setCookie) {
    // tough-cookie parses no cookie from a header without a name, or from what is not a string.
    const parsed = Cookie.parse(header)
    if (parsed === undefined) continue
    // TTL: Max-Age first, then Expires; 0 or less is a deletion, Infinity a session cookie.
    if (parsed.TTL() <= 0) cookies.delete(parsed.key)
    else cookies.set(parsed.key, parsed.value)
  }
  return cookies.size === 0 ? undefined : [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
}
