// How Kratos' form decoder reads a repeated or boolean field (oryx/decoderx/http.go at b86338da):
// text and numbers take the first value (`values.Get`, :470, :495), booleans the last (:445), so a
// hidden "false" before a checkbox works; an empty value is an absent one (docs/kratos-behaviour.md U36).

/** Names that would reach Object.prototype through a dotted path or a later merge; Kratos' schemas list none of them. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Go's `strconv.ParseBool`, which Kratos' decoder uses: `true` or `false`, `undefined` for anything else. */
export function parseGoBool(text: string): boolean | undefined {
  if (/^(?:1|t|T|TRUE|true|True)$/.test(text)) return true
  if (/^(?:0|f|F|FALSE|false|False)$/.test(text)) return false
  return undefined
}

/** The value Kratos' decoder takes from a field's values, or `undefined` when it takes none. */
export function decodedValue(values: readonly string[] | undefined, kind: 'text' | 'boolean'): string | undefined {
  const value = kind === 'boolean' ? values?.at(-1) : values?.[0]
  return value === '' ? undefined : value
}
