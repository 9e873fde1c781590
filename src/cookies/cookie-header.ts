import { KratosArgumentError } from '../errors/errors.js'

/** A Next.js cookie store, as `await cookies()` returns it (`ReadonlyRequestCookies`), or anything with `getAll()`. */
export interface CookieStoreLike {
  /** Every cookie of the request, by name and value. */
  getAll(): ReadonlyArray<{ readonly name: string; readonly value: string }>
}

/** A Node `IncomingMessage` (also Express' and the pages router's `req`): headers as a plain object. */
export interface NodeRequestLike {
  /** The request's headers; only `cookie` is read. */
  readonly headers: { readonly cookie?: string | readonly string[] | undefined }
}

/** What {@link getCookieHeader} reads the browser's cookies from. */
export type CookieSource = CookieStoreLike | Headers | Request | NodeRequestLike

const hasGetHeader = (value: unknown): value is Pick<Headers, 'get'> => typeof (value as Partial<Headers> | null)?.get === 'function'

// RFC 6265 §4.1.1 cookie-value: cookie-octets, optionally in double quotes (\1 is the opening quote or nothing).
const COOKIE_VALUE = /^("?)[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*\1$/
// RFC 9110 §5.6.2 token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

// encodeURIComponent throws on a lone surrogate; UTF-8 would carry one as U+FFFD.
const encode = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'))

const pair = (name: string, value: string) => `${TOKEN.test(name) ? name : encode(name)}=${COOKIE_VALUE.test(value) ? value : encode(value)}`

/**
 * The `Cookie` header to forward to Kratos, from what a server has at hand: a Next.js cookie
 * store, a `Headers` or `Request` (route handlers, proxy, `await headers()`), or a Node
 * `IncomingMessage`. Returns `undefined` when the browser sent no cookie.
 *
 * A header is forwarded verbatim. A cookie store holds values that Next.js has already
 * URL-decoded, so a value such as `dark; ory_kratos_session=…` (sent as `dark%3B%20…`) would
 * become a second cookie if joined as it is. A value that is not a valid RFC 6265 cookie value
 * (a `;`, `,`, space, `"`, `\`, control or non-ASCII character) is therefore URL-encoded again,
 * which restores what the browser sent, and so is a name that is not an RFC 9110 token: a
 * store's names and values can never add, drop or reorder cookies. Kratos' cookies come out
 * byte for byte. Prefer the `Headers` form when both are available.
 *
 * @example
 * const result = await kratos.createBrowserSettingsFlow(undefined, getCookieHeader(await headers()))
 */
export function getCookieHeader(source: CookieSource): string | undefined {
  if (typeof source !== 'object' || source === null) throw unreadable()
  let header: string | readonly string[] | null | undefined
  // A cookie store also has get(name), so it is recognised by getAll() first.
  if ('getAll' in source && typeof source.getAll === 'function') {
    header = source
      .getAll()
      .map(({ name, value }) => pair(String(name), String(value)))
      .join('; ')
  } else if (hasGetHeader(source)) header = source.get('cookie')
  else if ('headers' in source && hasGetHeader(source.headers)) header = source.headers.get('cookie')
  else if ('headers' in source && typeof source.headers === 'object' && source.headers !== null) {
    header = (source as NodeRequestLike).headers.cookie
  } else throw unreadable()
  // HTTP/2 may deliver the cookie header in pieces; RFC 9113 §8.2.3 joins them with "; ".
  const joined = typeof header === 'string' ? header : header?.join('; ')
  return joined || undefined
}

const unreadable = () => new KratosArgumentError('getCookieHeader() needs a cookie store, Headers, a Request or a Node IncomingMessage.')
