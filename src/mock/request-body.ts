import { isJsonObject, parseJson, type JsonObject } from '../utils/json.js'
import type { Parsed } from '../utils/parsed.js'
import { BOOLEAN_FIELDS, decodedValue, parseGoBool, UNSAFE_KEYS } from '../kratos/form.js'

/** An object without a prototype: reading a field the request did not send gives `undefined`, never an inherited member. */
function record(): JsonObject {
  return Object.create(null) as JsonObject
}

function define(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** The own field `key` of `value` when it is a JSON object, else `undefined` (never an inherited member such as `constructor`). */
export function ownField(value: unknown, key: string): unknown {
  return isJsonObject(value) && Object.hasOwn(value, key) ? value[key] : undefined
}

/** Sets `value` at the dotted `name` (`traits.name.first`), creating objects on the way; unsafe names are dropped. */
function setPath(target: JsonObject, name: string, value: unknown): void {
  const path = name.split('.')
  if (path.some((key) => UNSAFE_KEYS.has(key) || key === '')) return
  let node = target
  for (const key of path.slice(0, -1)) {
    const next = ownField(node, key)
    if (isJsonObject(next)) node = next
    else {
      const child = record()
      define(node, key, child)
      node = child
    }
  }
  define(node, path.at(-1)!, value)
}

/**
 * Reads a form body the way Kratos' decoder does: dotted names (`traits.name.first`) become nested
 * fields, a repeated name gives its first value (its last for a boolean field), empty values count
 * as absent, and `transient_payload` holds raw JSON text (a value that is not JSON is dropped). The
 * objects have no prototype.
 */
export function parseFormBody(text: string, isBoolean: (name: string) => boolean = () => false): JsonObject {
  const body = record()
  const form = new URLSearchParams(text)
  for (const name of new Set(form.keys())) {
    const value = decodedValue(form.getAll(name), BOOLEAN_FIELDS.has(name) || isBoolean(name) ? 'boolean' : 'text')
    if (value === undefined) continue
    // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: equivalent; the mock neither reads nor returns transient_payload.
    if (name === 'transient_payload') {
      const payload = parseJson(value)
      // Stryker disable next-line ConditionalExpression,CallExpression: equivalent; the mock neither reads nor returns transient_payload.
      if (payload.ok) setPath(body, name, payload.value)
      continue
    }
    setPath(body, name, value)
  }
  return body
}

/** A JSON body as Kratos' decoder reads it: dotted top-level names nest, empty strings count as absent. The top level has no prototype. */
export function normalizeJsonBody(parsed: Parsed<unknown, string>): JsonObject {
  const body = record()
  if (!parsed.ok || !isJsonObject(parsed.value)) return body
  for (const [name, value] of Object.entries(parsed.value)) if (value !== '') setPath(body, name, value)
  return body
}

/** Go's strconv.ParseBool, which Kratos uses for boolean fields, whether they came as JSON or as text. */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && parseGoBool(value) === true)
}
