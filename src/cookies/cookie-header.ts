import { KratosArgumentError } from '../errors/argument-error.js'

/** A Next.js cookie store, as `await cookies()` returns it (`ReadonlyRequestCookies`), or anything with `getAll()`. */
export interface CookieStoreLike {
  getAll(): ReadonlyArray<{ readonly name: string; readonly value: string }>
}

/** A Node `IncomingMessage` (also Express' and the pages router's `req`): headers as a plain object. */
export interface NodeRequestLike {
  readonly headers: { readonly cookie?: string | readonly string[] | undefined }
}

/** What {@link getCookieHeader} reads the browser's cookies from. */
export type CookieSource = CookieStoreLike | Headers | Request | NodeRequestLike

const hasGetHeader = (value: unknown): value is Pick<Headers, 'get'> =>
  typeof (value as Partial<Headers> | null)?.get === 'function'

/**
 * The `Cookie` header to forward to Kratos, from what a server has at hand: a Next.js cookie
 * store, a `Headers` or `Request` (route handlers, proxy, `await headers()`), or a Node
 * `IncomingMessage`. Returns `undefined` when the browser sent no cookie.
 *
 * A header is forwarded verbatim. A cookie store holds values that Next.js has already
 * URL-decoded; they are joined as they are, which is exact for Kratos' cookies (their values
 * contain no `%`). Prefer the `Headers` form when both are available.
 *
 * @example
 * const result = await kratos.createBrowserSettingsFlow(undefined, getCookieHeader(await headers()))
 */
export function getCookieHeader(source: CookieSource): string | undefined {
  if (typeof source !== 'object' || source === null) throw unreadable()
  let header: string | readonly string[] | null | undefined
  // A cookie store also has get(name), so it is recognised by getAll() first.
  if ('getAll' in source && typeof source.getAll === 'function') {
    header = source.getAll().map(({ name, value }) => `${name}=${value}`).join('; ')
  } else if (hasGetHeader(source)) header = source.get('cookie')
  else if ('headers' in source && hasGetHeader(source.headers)) header = source.headers.get('cookie')
  else if ('headers' in source && typeof source.headers === 'object' && source.headers !== null) {
    header = (source as NodeRequestLike).headers.cookie
  } else throw unreadable()
  // HTTP/2 may deliver the cookie header in pieces; RFC 9113 §8.2.3 joins them with "; ".
  const joined = typeof header === 'string' ? header : header?.join('; ')
  return joined === undefined || joined === '' ? undefined : joined
}

const unreadable = () => new KratosArgumentError('getCookieHeader() needs a cookie store, Headers, a Request or a Node IncomingMessage.')
