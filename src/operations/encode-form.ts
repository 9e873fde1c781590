/**
 * Encodes a body as `application/x-www-form-urlencoded` the way Kratos reads forms: nested
 * objects as dotted names (`traits.name.first`), arrays as repeated names, booleans and numbers
 * as text. `undefined` and `null` fields are left out.
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
  for (const [name, value] of Object.entries(body)) add(name, value)
  return form.toString()
}
