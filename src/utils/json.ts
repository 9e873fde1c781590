// Reading fields of parsed JSON whose shape is not yet known.

import { failed, parsed, type Parsed } from './parsed.js'

/** A parsed JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>

/** True for a parsed JSON object: not an array, not null. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value if it is a string, else `undefined`. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The deepest nesting of objects and arrays parsed; a settings flow needs about 8. */
export const MAX_JSON_DEPTH = 64

/**
 * The most values (objects, arrays, and their members) parsed from one body; a large settings
 * flow has about 2,000. Values, not bytes, bound what a body costs once parsed: objects with
 * distinct keys each make V8 build hidden classes, 200,000 such values cost 250 MB.
 */
export const MAX_JSON_VALUES = 20_000

const QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACE = 123
const OPEN_BRACKET = 91
const CLOSE_BRACE = 125
const CLOSE_BRACKET = 93
const COMMA = 44

const utf8 = new TextEncoder()

/**
 * True when `bytes`, JSON in UTF-8, holds more structure than {@link parseJson} will build, counted in one pass
 * over the bytes (each `{`, `[` and `,` outside strings is a value; all ASCII, which no byte of a multi-byte character is), so that a small body
 * can neither exhaust memory once parsed (a million empty objects) nor the stack of whatever
 * walks it (thousands of nested arrays).
 */
function tooComplex(bytes: Uint8Array): boolean {
  let depth = 0
  let values = 0
  for (let index = 0; index < bytes.length; index++) {
    const code = bytes[index]
    if (code === QUOTE) {
      // Skip the string (brackets inside it are text): to its closing quote; a backslash escapes the next byte.
      for (index++; index < bytes.length && bytes[index] !== QUOTE; index++) if (bytes[index] === BACKSLASH) index++
      // Unterminated: not JSON, which JSON.parse will say.
      if (index >= bytes.length) return false
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH || ++values > MAX_JSON_VALUES) return true
    } else if (code === COMMA) {
      if (++values > MAX_JSON_VALUES) return true
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--
  }
  return false
}

/**
 * The parsed value of `text`; `body_too_complex` for JSON nested deeper than {@link MAX_JSON_DEPTH}
 * or with more than {@link MAX_JSON_VALUES} values (checked before parsing), `not_json` for text
 * that is not JSON. `bytes`: the text in UTF-8, when the caller has them.
 */
export function parseJson(text: string, bytes: Uint8Array = utf8.encode(text)): Parsed<unknown, 'not_json' | 'body_too_complex'> {
  if (tooComplex(bytes)) return failed('body_too_complex')
  try {
    return parsed(JSON.parse(text))
  } catch {
    return failed('not_json')
  }
}
