import { KratosArgumentError } from '../errors/errors.js'
import { KRATOS_COOKIE_NAMES, matchesCookieName } from '../kratos/secrets.js'
import { checkRewrite, parseSetCookie, rewriteSetCookie, type SetCookieRewrite } from './rewrite-set-cookie.js'

/** A Node `ServerResponse` (also Express' and the pages router's `res`). */
export interface NodeResponseLike {
  /** Adds a header value, keeping the ones already set. */
  appendHeader(name: string, value: string | readonly string[]): unknown
}

/** A Next.js `ResponseCookies` (`(await cookies())` in a route handler or server action, `response.cookies`). */
export interface ResponseCookiesLike {
  /** Sets a cookie on the response. */
  set(name: string, value: string, options: ResponseCookieOptions): unknown
  /** The cookies set so far (only its presence is used: it tells `ResponseCookies` from other targets). */
  getAll(): unknown
}

/** The cookie attributes `ResponseCookies.set` takes. */
export interface ResponseCookieOptions {
  /** `Domain`. */
  domain?: string
  /** `Path`. */
  path?: string
  /** `Expires`. */
  expires?: Date
  /** `Max-Age`, in seconds. */
  maxAge?: number
  /** `HttpOnly`. */
  httpOnly?: boolean
  /** `Secure`. */
  secure?: boolean
  /** `SameSite`. */
  sameSite?: 'strict' | 'lax' | 'none'
  /** `Partitioned`. */
  partitioned?: boolean
  /** `Priority`. */
  priority?: 'low' | 'medium' | 'high'
}

/** Options of {@link forwardSetCookie}: which cookies are Kratos', and how to rewrite them. */
export interface ForwardSetCookieOptions extends SetCookieRewrite {
  /**
   * The names of Kratos' cookies (its `session.cookie.name`, the continuity and CSRF cookies),
   * the only ones forwarded: a response that passed a proxy or a compromised upstream may carry
   * others, which your origin would then set (`__Host-` cookies of your app, say). A name ending
   * in `*` matches every name it begins.
   * @default ['ory_kratos_session', 'ory_kratos_continuity', 'csrf_token*']
   */
  kratosCookies?: readonly string[] | undefined
}

/** Throws unless `names` is a list of cookie names, each exact or a prefix ending in `*`. */
function checkNames(names: unknown): asserts names is readonly string[] {
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string' || name === '' || name === '*')) {
    throw new KratosArgumentError('kratosCookies must be a list of cookie names, each exact or ending in "*" after a prefix.')
  }
}

/** Where {@link forwardSetCookie} writes: a `Headers`, a `Response` (also `NextResponse`), a Node response, or Next.js `ResponseCookies`. */
export type SetCookieTarget = Headers | Response | NodeResponseLike | ResponseCookiesLike

/**
 * Forwards Kratos' `Set-Cookie` headers (`result.setCookie`) to the response your server sends
 * the browser, so that it receives the CSRF and session cookies. Headers already on the target
 * are kept. Only Kratos' own cookies go (`options.kratosCookies`); the names of the others are
 * returned, skipped. `options` also adapt `Domain`, `Path` and `Secure` for a proxied setup.
 *
 * Every header is checked and rewritten before any is written: an invalid `rewrite`, a header
 * that is not one line, or a rewrite a browser would reject a cookie for (see
 * {@link rewriteSetCookie}) throws a `KratosArgumentError` and leaves the target untouched, so
 * nothing can add attributes or headers to what the browser receives.
 *
 * Prefer a `Headers`, `Response` or `NextResponse` target: the header goes out byte for byte.
 * Next.js `ResponseCookies` URL-encodes values (a `=` becomes `%3D`, which Kratos would not
 * accept) and keeps one cookie per name, so for that target a cookie that would be changed or
 * lost throws a `KratosArgumentError` before anything is written.
 *
 * @example
 * const response = new Response(null, { status: 303, headers: { location: '/settings' } })
 * forwardSetCookie(result.setCookie, response)
 */
export function forwardSetCookie(setCookie: readonly string[], target: SetCookieTarget, options?: ForwardSetCookieOptions): string[] {
  if (!Array.isArray(setCookie)) throw new KratosArgumentError('forwardSetCookie() needs the Set-Cookie headers as an array, as in result.setCookie.')
  // Checked once up front, so that a wrong option throws even when Kratos sent no cookie.
  if (options !== undefined) checkRewrite(options)
  const names = options?.kratosCookies ?? KRATOS_COOKIE_NAMES
  checkNames(names)
  if (typeof target !== 'object' || target === null) throw unwritable()
  const skipped: string[] = []
  const cookies = setCookie.flatMap((cookie) => {
    const rewritten = rewriteSetCookie(cookie, options)
    const { key } = parseSetCookie(rewritten)
    if (matchesCookieName(key, names)) return [rewritten]
    skipped.push(key)
    return []
  })
  if (isWritableHeaders(target)) for (const cookie of cookies) target.append('set-cookie', cookie)
  else if ('headers' in target && isWritableHeaders(target.headers)) for (const cookie of cookies) target.headers.append('set-cookie', cookie)
  else if ('appendHeader' in target && typeof target.appendHeader === 'function') {
    if (cookies.length > 0) target.appendHeader('set-cookie', cookies)
  } else if ('set' in target && typeof target.set === 'function') setResponseCookies(cookies, target)
  else throw unwritable()
  return skipped
}

const unwritable = () => new KratosArgumentError('forwardSetCookie() needs Headers, a Response, a Node ServerResponse or Next.js ResponseCookies.')

function isWritableHeaders(value: unknown): value is Pick<Headers, 'append' | 'getSetCookie'> {
  const headers = value as Partial<Headers> | null
  return typeof headers?.append === 'function' && typeof headers.getSetCookie === 'function'
}

function setResponseCookies(cookies: readonly string[], target: ResponseCookiesLike): void {
  const parsed = cookies.map(parseSetCookie)
  const names = new Set<string>()
  for (const cookie of parsed) {
    if (encodeURIComponent(cookie.value) !== cookie.value) {
      throw new KratosArgumentError(`The value of cookie "${cookie.key}" would be URL-encoded by Next.js ResponseCookies, and Kratos would reject it. Forward to a Response or its Headers instead.`)
    }
    if (names.has(cookie.key)) {
      throw new KratosArgumentError(`Cookie "${cookie.key}" is set twice; Next.js ResponseCookies keeps one per name. Forward to a Response or its Headers instead.`)
    }
    names.add(cookie.key)
  }
  for (const cookie of parsed) {
    const options: ResponseCookieOptions = { path: cookie.path ?? '/', httpOnly: cookie.httpOnly, secure: cookie.secure }
    if (cookie.domain !== null) options.domain = cookie.domain
    if (cookie.expires instanceof Date) options.expires = cookie.expires
    if (typeof cookie.maxAge === 'number') options.maxAge = cookie.maxAge
    if (cookie.sameSite === 'strict' || cookie.sameSite === 'lax' || cookie.sameSite === 'none') options.sameSite = cookie.sameSite
    cookie.extensions?.forEach((extension) => {
      const [key, value] = extension.toLowerCase().split('=')
      if (key === 'partitioned') options.partitioned = true
      if (key === 'priority' && (value === 'low' || value === 'medium' || value === 'high')) options.priority = value
    })
    target.set(cookie.key, cookie.value, options)
  }
}
