import type { CookieJar } from 'tough-cookie'

/**
 * The `Cookie` header a tough-cookie jar holds for `url` (Kratos' public URL), or `undefined`
 * when it holds none. Keep one jar per user: a jar on a shared client would mix users.
 */
export async function getCookieHeaderFromJar(jar: CookieJar, url: string | URL): Promise<string | undefined> {
  const header = await jar.getCookieString(String(url))
  return header === '' ? undefined : header
}

/**
 * Stores Kratos' `Set-Cookie` headers (`result.setCookie`) in a tough-cookie jar, as a browser
 * would for a response from `url`. A cookie the browser would reject (wrong domain, `Secure`
 * over plain http to a host other than localhost) is rejected here too.
 */
export async function saveSetCookie(jar: CookieJar, setCookie: readonly string[], url: string | URL): Promise<void> {
  for (const cookie of setCookie) await jar.setCookie(cookie, String(url))
}
