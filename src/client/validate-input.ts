import { KratosArgumentError } from '../errors/argument-error.js'

// CR and LF would split a header or a logged URL (request smuggling, log injection); NUL
// truncates values in many servers; no other control character belongs in a URL, an id or a
// cookie either (RFC 3986, RFC 6265). Header values may hold a tab (RFC 9110) but are bytes:
// fetch cannot send a character above U+00FF in one.
const CONTROL = /[\u0000-\u001f\u007f]/
const CONTROL_OR_WIDE = /[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/u
const NAMES: Record<string, string> = { '\r': 'CR', '\n': 'LF', '\0': 'NUL', '\t': 'a tab' }

function describe(character: string): string {
  const code = character.codePointAt(0) ?? 0
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
