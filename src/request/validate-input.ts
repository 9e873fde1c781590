import { KratosArgumentError } from '../errors/errors.js'
import { escapeText } from '../utils/escape-text.js'
import { MAX_JSON_DEPTH } from '../utils/json.js'

// CR and LF would split a header or a logged URL (request smuggling, log injection); NUL
// truncates values in many servers; no other control character belongs in a URL, an id or a
// cookie either (RFC 3986, RFC 6265), nor a C1 control (U+0080 to U+009F: NEL ends a line for
// some log readers, CSI drives a terminal). Header values may hold a tab (RFC 9110) but are
// bytes: fetch cannot send a character above U+00FF in one.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_OR_WIDE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]|[^\u0000-\u00ff]/u
const NAMES: Record<string, string> = { '\r': 'CR', '\n': 'LF', '\0': 'NUL', '\t': 'a tab' }

function describe(character: string): string {
  const code = character.codePointAt(0) ?? 0
  // Stryker disable next-line EqualityOperator: equivalent; U+00FF itself never matches, so never arrives here.
  if (code > 0xff) return 'a character above U+00FF'
  return NAMES[character] ?? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

function assertMatchFree(pattern: RegExp, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new KratosArgumentError(`${name} must be a string, not ${typeof value}`)
  const match = pattern.exec(value)
  if (match !== null) {
    // Name the character and its index, never the value: it may be a cookie.
    throw new KratosArgumentError(`${name} must not contain ${describe(match[0])} (found at index ${match.index})`)
  }
}

/** Throws a {@link KratosArgumentError} unless `value` is a string with no control character: a base URL, or a query value. */
export function assertNoControlCharacters(name: string, value: unknown): asserts value is string {
  assertMatchFree(CONTROL, name, value)
}

/** Throws a {@link KratosArgumentError} unless `value` is a string fit for a header: no control character but a tab, nothing above U+00FF. */
export function assertHeaderValue(name: string, value: unknown): asserts value is string {
  assertMatchFree(CONTROL_OR_WIDE, name, value)
}

/** True in a browser page, where a `Cookie` request header cannot be set. */
export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined'
}

/** Throws a {@link KratosArgumentError} unless `value` is a non-empty flow id fit for a query parameter. */
export function assertFlowId(name: string, value: unknown): asserts value is string {
  assertNoControlCharacters(name, value)
  if (value === '') throw new KratosArgumentError(`${name} must not be empty`)
}

// RFC 9110 token: what a header name may be made of.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

// Headers that describe the connection or the message framing: fetch sets them, or refuses them.
const CONNECTION_HEADERS: ReadonlySet<string> = new Set(['connection', 'content-length', 'expect', 'host', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'])

/** Throws a {@link KratosArgumentError} unless `value` is a header name (an RFC 9110 token) that a client may set. */
export function assertHeaderName(name: string, value: string): void {
  if (!TOKEN.test(value)) throw new KratosArgumentError(`${name}: "${escapeText(value)}" is not a valid header name`)
  if (CONNECTION_HEADERS.has(value.toLowerCase())) throw new KratosArgumentError(`${name}: "${value}" is set by fetch, not by a client`)
}

/** What in `value` JSON cannot carry as it is, or `undefined`; `path` names where it is. */
// The most objects, arrays and members walked: shared (not cyclic) objects could otherwise make a
// small body encode to gigabytes.
const MAX_BODY_VALUES = 100_000

interface Walk {
  readonly ancestors: Set<object>
  values: number
}

function unserializable(value: unknown, path: string, depth: number, walk: Walk): string | undefined {
  if (++walk.values > MAX_BODY_VALUES) return `body has more than ${MAX_BODY_VALUES} values`
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value}, which JSON cannot carry`
    case 'object':
      break
    default:
      return `${path} is a ${typeof value}, which JSON cannot carry`
  }
  if (value === null) return undefined
  if (depth > MAX_JSON_DEPTH) return `${path} is nested deeper than ${MAX_JSON_DEPTH} levels`
  if (walk.ancestors.has(value)) return `${path} refers to an object that contains it (a cycle)`
  const array = Array.isArray(value)
  const kind = Object.prototype.toString.call(value)
  if (!array && kind !== '[object Object]') return `${path} is a ${kind.slice(8, -1)}, not a plain object; convert it (a Date with toISOString())`
  // JSON.stringify would call it, and send whatever it returns.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return `${path} has a toJSON method; pass the value it stands for`
  walk.ancestors.add(value)
  for (const [key, item] of Object.entries(value)) {
    const problem = unserializable(item, array ? `${path}[${key}]` : `${path}.${key}`, depth + 1, walk)
    if (problem !== undefined) return problem
  }
  walk.ancestors.delete(value)
  return undefined
}

/**
 * Throws a {@link KratosArgumentError} unless `value` encodes to JSON (and to a form) as it is:
 * plain objects and arrays at most 64 levels deep and 100,000 values, without cycles or `toJSON`,
 * holding strings, finite numbers, booleans, null or undefined. Not a BigInt, a function, a Date
 * or a Map.
 */
export function assertJsonBody(name: string, value: unknown): void {
  let problem: string | undefined
  try {
    problem = unserializable(value, 'body', 1, { ancestors: new Set(), values: 0 })
  } catch {
    // A revoked Proxy, a throwing getter or ownKeys trap.
    problem = 'body could not be read (a throwing getter or a revoked Proxy?)'
  }
  if (problem !== undefined) throw new KratosArgumentError(`${name}: ${escapeText(problem)}`)
}

/** The keys of an options type, listed once: it fails to compile when a key is added to the type and not here, or the other way. */
export const keysOf = <T>(keys: { readonly [Key in keyof Required<T>]: true }): readonly string[] => Object.keys(keys)

/**
 * Throws a {@link KratosArgumentError} unless `value` is an object whose own keys are all in
 * `known`: a misspelt option (`browserURL`) would otherwise be ignored without a word. The error
 * names the key, and the known one it most likely meant.
 */
export function assertKnownKeys(name: string, value: unknown, known: readonly string[]): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KratosArgumentError(`${name} must be an object`)
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue
    // The known key it was meant to be: one that starts alike, capitals aside (`baseURL`, `retries`, `limt`).
    const start = key.slice(0, 3).toLowerCase()
    const closest = known.find((name) => name.slice(0, 3).toLowerCase() === start)
    const hint = closest === undefined ? '' : `; did you mean "${closest}"?`
    throw new KratosArgumentError(`${name}: unknown option "${escapeText(key.length > 64 ? `${key.slice(0, 64)}…` : key)}"${hint} (known: ${known.join(', ')})`)
  }
}

/** True for an AbortSignal of any realm: it has what the SDK uses of one. */
function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof (value as Partial<AbortSignal> | null)?.throwIfAborted === 'function'
}

/** Throws a {@link KratosArgumentError} unless a call's options are an object of `known` keys whose `signal`, if any, is an AbortSignal. */
export function assertCallOptions(operation: string, options: unknown, known: readonly string[]): void {
  assertKnownKeys(`${operation}: options`, options, known)
  const { signal } = options as { signal?: unknown }
  if (signal !== undefined && !isAbortSignal(signal)) throw new KratosArgumentError(`${operation}: options.signal must be an AbortSignal`)
}
