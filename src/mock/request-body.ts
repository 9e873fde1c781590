import { isJsonObject, NOT_JSON, parseJson, type JsonObject } from '../utils/json.js'

// Names that would reach Object.prototype through a dotted path; Kratos' decoder only keeps
// names its schemas list, and none of these is one.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype'])

/** Sets `value` at the dotted `name` (`traits.name.first`), creating objects on the way; unsafe names are dropped. */
function setPath(target: JsonObject, name: string, value: unknown): void {
  const path = name.split('.')
  if (path.some((key) => UNSAFE.has(key) || key === '')) return
  let node = target
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined
    node = isJsonObject(next) ? next : (node[key] = {})
  }
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * Reads a form body the way Kratos' decoder does: dotted names (`traits.name.first`) become nested
 * fields, the last of repeated names wins, empty values count as absent, and `transient_payload`
 * holds raw JSON text (a value that is not JSON is dropped).
 */
export function parseFormBody(text: string): JsonObject {
  const body: JsonObject = {}
  for (const [name, value] of new URLSearchParams(text)) {
    if (value === '') continue
    if (name === 'transient_payload') {
      const payload = parseJson(value)
      if (payload !== NOT_JSON) setPath(body, name, payload)
      continue
    }
    setPath(body, name, value)
  }
  return body
}

/** A JSON body as Kratos' decoder reads it: dotted top-level names nest, empty strings count as absent. */
export function normalizeJsonBody(parsed: unknown): JsonObject {
  const body: JsonObject = {}
  if (!isJsonObject(parsed)) return body
  for (const [name, value] of Object.entries(parsed)) if (value !== '') setPath(body, name, value)
  return body
}

/** Go's strconv.ParseBool, which Kratos uses for boolean fields, whether they came as JSON or as text. */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(1|t|T|TRUE|true|True)$/.test(value))
}
