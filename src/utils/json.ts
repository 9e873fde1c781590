// Reading fields of parsed JSON whose shape is not yet known.

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

/** What {@link parseJson} returns for text that is not JSON. */
export const NOT_JSON = Symbol('not JSON')

/** The parsed value of `text`, or {@link NOT_JSON}. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return NOT_JSON
  }
}
