/**
 * Encodes a body as `application/x-www-form-urlencoded` the way Kratos reads forms: nested
 * objects as dotted names (`traits.name.first`), arrays as repeated names, booleans and numbers
 * as text, and `transient_payload` as JSON text (its schema lists no properties, so Kratos' form
 * decoder reads it only whole: docs/kratos-behaviour.md U35). `undefined` and `null` fields are left out.
 */
export function encodeForm(body: object): string {
  const form = new URLSearchParams()
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) for (const item of value) add(name, item)
    else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) add(`${name}.${key}`, item)
    // Bodies are checked before they are encoded: nothing but strings, numbers and booleans is left.
    else form.append(name, String(value as string | number | boolean))
  }
  for (const [name, value] of Object.entries(body)) {
    if (name === 'transient_payload' && typeof value === 'object' && value !== null) form.append(name, JSON.stringify(value))
    else add(name, value)
  }
  return form.toString()
}
