import { SECRET_BODY_FIELDS } from '../kratos/secrets.js'
import { isJsonObject } from '../utils/json.js'

/** What replaces a secret in a redacted copy. */
export const REDACTED = '[redacted]'

// Keys whose values are secrets wherever they appear; compared lower-cased.
// An update body's secret fields are among them, as an upstream that echoes the request shows them.
const SECRET_KEYS: ReadonlySet<string> = new Set(['session_token', 'ory_session_token', 'cookie', 'set-cookie', 'authorization', ...SECRET_BODY_FIELDS])

// A value shorter than this is not searched for in text: it is no secret worth the name, and
// searching for "1" or "dark" would erase everything.
const MIN_SECRET_LENGTH = 8

// Every repetition is bounded: an unbounded one over a 4 MiB string makes the regex engine keep
// a backtracking position per character (tens of MB). A cookie is at most 4096 bytes anyway.

// Token shapes, whoever sent them: Ory's prefixed tokens (ory_st_, ory_at_, ory_pat_, …), and
// long base64 or base64url runs with at least three capitals, three small letters and a digit
// (Kratos' CSRF tokens, its cookies' values: random, so about 40%, 40% and 15%). A UUID, even
// after a percent-encoded `=` (`%3D7a0c…`), has fewer capitals; a path such as
// `/Account/SecuritySettings/TwoFactor` or a Go type name has no digit: both are kept.
const ORY_TOKEN = /\bory_[a-z]{2,5}_[A-Za-z0-9_-]{8,4096}/g
const BASE64_RUN = /[A-Za-z0-9+/_-]{32,4096}={0,2}/g
const THREE_CAPITALS = /[A-Z][^A-Z]*[A-Z][^A-Z]*[A-Z]/
const THREE_SMALL = /[a-z][^a-z]*[a-z][^a-z]*[a-z]/
const DIGIT = /[0-9]/
const looksRandom = (run: string): boolean => THREE_CAPITALS.test(run) && THREE_SMALL.test(run) && DIGIT.test(run)

// In text: `csrf_token=…`, `"csrf_token": "…"`, `ory_kratos_session=…`, `Cookie: …` up to the line's end.
// Kratos' CSRF cookie is `csrf_token_` and 64 hex digits: the name may run on for 128 characters.
const NAMED_SECRET = /((?:__(?:host|secure)-)?(?:csrf_token|session_token|ory_session_token|ory_kratos_session|ory_session_)[\w-]{0,128}["']?\s{0,16}[=:]\s{0,16}["']?)[^\s"'&;,<>]{1,4096}/gi
const COOKIE_LINE = /((?:^|[\s"'])(?:set-)?cookie["']?\s{0,16}:\s{0,16})[^\r\n<]{0,16384}/gim
// An HTML input named csrf_token, and the JSON of a Kratos UI node named csrf_token (Kratos
// writes `name` before `value`), for text that is not whole JSON: an HTML form, a truncated flow.
const HTML_INPUT = /<input\b[^<>]{0,1000}>/gi
const HTML_VALUE = /(\bvalue\s{0,16}=\s{0,16})("[^"]*"|'[^']*'|[^\s>]+)/gi
const NODE_VALUE = /("name"\s{0,16}:\s{0,16}"csrf_token"[^{}]{0,200}?"value"\s{0,16}:\s{0,16}")((?:[^"\\]|\\.){0,4096})/g

// The most values taken from Set-Cookie headers of names that are not Kratos': a real answer sets
// at most three cookies, and each value searched for costs time over every string of a body.
const MAX_OTHER_SET_COOKIES = 64
// Kratos' own cookies (kratos/secrets.ts KRATOS_COOKIE_NAMES, as one pattern: the core's bundle
// has no room for the list's matcher) and Ory Network's session cookies.
const KRATOS_COOKIE_NAME = /^(?:ory_kratos_session|ory_kratos_continuity|csrf_token|ory_session_)/

/**
 * What a body kept on an error must not show, from the exchange itself: the values of the
 * request's cookies and `extra` values (its credential headers, the update body's secrets), all
 * of them however many, so that no padding pushes a credential out; the values of the response's
 * Kratos cookies, all of them; and the first 64 values of its other Set-Cookie headers. Longest
 * first, so that a secret containing another is replaced whole.
 */
export function exchangeSecrets(cookie: string | undefined, setCookie: readonly string[], extra: readonly string[]): string[] {
  const values = new Set<string>()
  const add = (value: string): void => {
    // A quoted cookie value (RFC 6265) is the token between the quotes.
    const token = value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
    if (token.length >= MIN_SECRET_LENGTH) values.add(token)
  }
  const valueOf = (pair: string): string => pair.slice(pair.indexOf('=') + 1).trim()
  for (const pair of cookie?.split(';') ?? []) add(valueOf(pair))
  for (const value of extra) add(value)
  // fetch hands Set-Cookie headers over trimmed.
  const pairs = setCookie.map((header) => header.split(';', 1)[0]!)
  const isKratos = (pair: string) => KRATOS_COOKIE_NAME.test(pair)
  for (const pair of [...pairs.filter(isKratos), ...pairs.filter((pair) => !isKratos(pair)).slice(0, MAX_OTHER_SET_COOKIES)]) add(valueOf(pair))
  return [...values].sort((a, b) => b.length - a.length)
}

// How an echo may spell a character that is not a letter or a digit: as it is, or encoded in any
// of the ways echoes encode: percent-encoding (of its UTF-8 bytes, either case), an HTML
// character reference (decimal, hex or named), a JSON \u escape or `\/`, a form's `+` or space.
// Letters and digits stay as they are in all of these, and are matched exactly: a secret is found
// in any mixture of encodings, and only where its own letters and digits are.
const ENCODED = String.raw`%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2}){0,3}|&#?\w{1,8};|\\u[0-9A-Fa-f]{4}|\\/|[ +]`
const spellings = (character: string): string => (/[A-Za-z0-9]/.test(character) ? character : `(?:${character.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}|${ENCODED})`)

// One regex per list of secrets (a list serves one response), so a body of many strings is
// searched once per string, not once per secret.
const patterns = new WeakMap<readonly string[], RegExp | undefined>()

function patternOf(secrets: readonly string[]): RegExp | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent; without the cache the same regex is built again.
  if (!patterns.has(secrets)) {
    const alternatives = secrets.map((secret) => [...secret].map(spellings).join(''))
    patterns.set(secrets, alternatives.length === 0 ? undefined : new RegExp(alternatives.join('|'), 'g'))
  }
  return patterns.get(secrets)
}

/** `text` with the given secret values, token shapes and `name=value` secrets replaced by {@link REDACTED}. */
export function redactString(text: string, secrets: readonly string[]): string {
  const pattern = patternOf(secrets)
  const result = pattern === undefined ? text : text.replace(pattern, REDACTED)
  return result
    .replace(ORY_TOKEN, REDACTED)
    .replace(BASE64_RUN, (run) => (looksRandom(run) ? REDACTED : run))
    .replace(NAMED_SECRET, `$1${REDACTED}`)
    .replace(COOKIE_LINE, `$1${REDACTED}`)
}

/**
 * `text` with the exchange's own secret values, Ory tokens and `name=value` secrets replaced, but
 * not the random-looking runs {@link redactString} also takes: for the URLs a known error's
 * payload carries, where an OAuth state or PKCE challenge must survive for the browser.
 */
export function redactExchangeSecrets(text: string, secrets: readonly string[]): string {
  const pattern = patternOf(secrets)
  return (pattern === undefined ? text : text.replace(pattern, REDACTED)).replace(ORY_TOKEN, REDACTED).replace(NAMED_SECRET, `$1${REDACTED}`)
}

/**
 * A redacted copy of a body that is not JSON (an HTML page, a truncated flow): secrets as
 * {@link redactString} finds them, and the value of any input or UI node named `csrf_token`.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactString(text, secrets)
    .replace(HTML_INPUT, (input) => (/csrf_token/i.test(input) ? input.replace(HTML_VALUE, `$1"${REDACTED}"`) : input))
    .replace(NODE_VALUE, `$1${REDACTED}`)
}

/**
 * A deep copy of a parsed JSON body with secrets replaced: values under secret keys, the
 * `value` of a UI input named `csrf_token`, and in every key and string what
 * {@link redactString} finds. Recursive: callers pass bodies whose depth `parseJson` bounded.
 */
export function redactJson(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactString(value, secrets)
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets))
  if (!isJsonObject(value)) return value
  const isCsrfInput = value['name'] === 'csrf_token'
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const secret = SECRET_KEYS.has(key.toLowerCase()) || (isCsrfInput && key === 'value')
    // defineProperty: a "__proto__" key from JSON.parse stays an own field, as it was sent.
    Object.defineProperty(copy, redactString(key, secrets), { value: secret ? REDACTED : redactJson(item, secrets), enumerable: true, writable: true, configurable: true })
  }
  return copy
}
