import { Cookie, type CookieJar } from 'tough-cookie'
import { KratosArgumentError } from '../errors/errors.js'

/**
 * The `Cookie` header a tough-cookie jar holds for `url` (Kratos' public URL), or `undefined`
 * when it holds none. Keep one jar per user: a jar on a shared client would mix users.
 * Throws a `KratosArgumentError` when `url` is not an absolute http(s) URL.
 */
export async function getCookieHeaderFromJar(jar: CookieJar, url: string | URL): Promise<string | undefined> {
  const header = await jar.getCookieString(httpUrl(url, 'getCookieHeaderFromJar'))
  return header === '' ? undefined : header
}

/**
 * Stores Kratos' `Set-Cookie` headers (`result.setCookie`) in a tough-cookie jar, as a browser
 * would for a response from `url`. Each cookie is stored on its own: one the browser would
 * reject (unparseable, a domain other than `url`'s, `Secure` over plain http to a host other
 * than localhost, a `__Secure-` or `__Host-` prefix whose rules it breaks, matched in that exact
 * case as tough-cookie does) is skipped, and the others are stored. Resolves to the names of
 * the skipped cookies, in order (`''` for one that could not be parsed); empty when all were
 * stored.
 *
 * Throws a `KratosArgumentError`, before storing anything, when `url` is not an absolute
 * http(s) URL or `setCookie` is not an array. An error of the jar's store is passed on.
 */
export async function saveSetCookie(jar: CookieJar, setCookie: readonly string[], url: string | URL): Promise<string[]> {
  const href = httpUrl(url, 'saveSetCookie')
  if (!Array.isArray(setCookie)) throw new KratosArgumentError('saveSetCookie() needs the Set-Cookie headers as an array, as in result.setCookie.')
  const skipped: string[] = []
  for (const header of setCookie) {
    // ignoreError resolves to undefined for each cookie tough-cookie rejects, instead of throwing.
    const stored = await jar.setCookie(header, href, { ignoreError: true })
    if (stored === undefined) skipped.push(Cookie.parse(header)?.key ?? '')
  }
  return skipped
}

function httpUrl(url: string | URL, fn: string): string {
  const href = String(url)
  if (!URL.canParse(href) || !['http:', 'https:'].includes(new URL(href).protocol)) {
    throw new KratosArgumentError(`${fn}() needs Kratos' URL as an absolute http or https URL.`)
  }
  return href
}
