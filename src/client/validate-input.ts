import { KratosArgumentError } from '../errors/argument-error.js'

// CR and LF would split a header or a logged URL (request smuggling, log injection);
// NUL truncates values in many servers.
const CONTROL = /[\r\n\0]/
// Header values are bytes: fetch cannot send a character above U+00FF in one.
const CONTROL_OR_WIDE = /[\r\n\0]|[^\u0000-\u00ff]/u
const NAMES: Record<string, string> = { '\r': 'CR', '\n': 'LF', '\0': 'NUL' }

function assertMatchFree(pattern: RegExp, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new KratosArgumentError(`${name} must be a string, not ${typeof value}`)
  const match = pattern.exec(value)
  if (match !== null) {
    const what = NAMES[match[0]] ?? 'a character above U+00FF'
    // Name the character and its index, never the value: it may be a cookie.
    throw new KratosArgumentError(`${name} must not contain ${what} (found at index ${match.index})`)
  }
}

/** Throws a {@link KratosArgumentError} unless `value` is a string fit for a query parameter: no CR, LF or NUL. */
export function assertQueryValue(name: string, value: unknown): asserts value is string {
  assertMatchFree(CONTROL, name, value)
}

/** Throws a {@link KratosArgumentError} unless `value` is a string fit for a header: no CR, LF, NUL or character above U+00FF. */
export function assertHeaderValue(name: string, value: unknown): asserts value is string {
  assertMatchFree(CONTROL_OR_WIDE, name, value)
}

/** True in a browser page, where a `Cookie` request header cannot be set. */
export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined'
}

/** Throws a {@link KratosArgumentError} unless `value` is a non-empty flow id fit for a query parameter. */
export function assertFlowId(name: string, value: unknown): asserts value is string {
  assertQueryValue(name, value)
  if (value === '') throw new KratosArgumentError(`${name} must not be empty`)
}
