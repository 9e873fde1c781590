import { KratosArgumentError } from '../errors/errors.js'
import { decodedValue, METHOD_TRIGGERS, parseGoBool, SETTINGS_FORM_FIELDS, UNSAFE_KEYS, type Method } from '../kratos/form.js'
import type { UpdateSettingsFlowBody } from '../types.js'
import { escapeText } from '../utils/escape-text.js'
import { isJsonObject, MAX_JSON_DEPTH, parseJson } from '../utils/json.js'

const NAME = 'parseSettingsForm'
const fail = (message: string) => new KratosArgumentError(`${NAME}: ${message}`)
const quote = (name: string) => `"${escapeText(name.length > 64 ? `${name.slice(0, 64)}…` : name)}"`

type Tree = { [key: string]: Tree | string | string[] }
type Values = ReadonlyMap<string, readonly string[]>

/** The values of each name, in form order; a file throws. */
// Bounds like updateSettingsFlow's (its 100,000 values) and the client's default maxBodyBytes: a
// settings form is a few kilobytes, and a hostile one is refused before any work (depth: below).
const MAX_FORM_FIELDS = 100_000
const MAX_FORM_CHARACTERS = 4 * 1024 * 1024

function valuesByName(form: FormData | URLSearchParams): Values {
  const isForm = form instanceof URLSearchParams || (typeof FormData === 'function' && form instanceof FormData)
  if (!isForm) throw fail('needs a FormData or URLSearchParams')
  const values = new Map<string, string[]>()
  let fields = 0
  let characters = 0
  for (const [name, value] of form) {
    if (typeof value !== 'string') throw fail(`${quote(name)} is a file; a settings form has no file fields`)
    if (++fields > MAX_FORM_FIELDS) throw fail(`the form has more than ${MAX_FORM_FIELDS} fields`)
    characters += name.length + value.length
    if (characters > MAX_FORM_CHARACTERS) throw fail(`the form holds more than ${MAX_FORM_CHARACTERS} characters`)
    const list = values.get(name)
    if (list === undefined) values.set(name, [value])
    else list.push(value)
  }
  return values
}

/** A copy of parsed JSON without `__proto__`, `constructor` or `prototype` keys at any depth. */
function withoutUnsafeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnsafeKeys)
  if (!isJsonObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) if (!UNSAFE_KEYS.has(key)) copy[key] = withoutUnsafeKeys(item)
  return copy
}

/** An object field sent as JSON text under its own name (Kratos reads `transient_payload` so). */
function jsonObject(name: string, text: string): Tree {
  const parsed = parseJson(text)
  if (!parsed.ok || !isJsonObject(parsed.value)) throw fail(`${quote(name)} must be a JSON object`)
  return withoutUnsafeKeys(parsed.value) as Tree
}

/**
 * An object field sent as dotted names (`traits.name.first`). Its members are text, as the
 * identity schema is not at hand: one value is a string, repeated names an array of strings.
 */
function dottedObject(name: string, values: Values): Tree | undefined {
  let tree: Tree | undefined
  for (const [full, list] of values) {
    if (!full.startsWith(`${name}.`)) continue
    const path = full.slice(name.length + 1).split('.')
    // Kratos' decoder reads only the paths its schemas list (oryx/decoderx/http.go:395-397): none of these, nor an empty segment.
    if (path.some((key) => key === '' || UNSAFE_KEYS.has(key))) continue
    if (path.length >= MAX_JSON_DEPTH) throw fail(`${quote(full)} is nested deeper than ${MAX_JSON_DEPTH} levels`)
    // Kratos drops an empty single value, as it does for every text field.
    if (list.length === 1 && list[0] === '') continue
    let node = (tree ??= {})
    for (const key of path.slice(0, -1)) {
      if (!Object.hasOwn(node, key)) node[key] = {}
      const next = node[key]!
      if (typeof next === 'string' || Array.isArray(next)) throw fail(`${quote(full)} conflicts with a field of the same name`)
      node = next
    }
    const last = path.at(-1)!
    if (Object.hasOwn(node, last)) throw fail(`${quote(full)} conflicts with fields below it`)
    node[last] = list.length === 1 ? list[0]! : [...list]
  }
  return tree
}

/** The fields of `method`'s body found in the form, read as Kratos' decoder reads them. */
function readFields(method: Method, values: Values): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [name, kind] of Object.entries(SETTINGS_FORM_FIELDS[method])) {
    const list = values.get(name)
    if (kind === 'boolean') {
      const text = decodedValue(list, 'boolean')
      if (text === undefined) continue
      const value = parseGoBool(text)
      if (value === undefined) throw fail(`${quote(name)} must be true or false`)
      fields[name] = value
    } else if (kind === 'text' || kind === 'required text') {
      const text = decodedValue(list, 'text')
      if (text !== undefined) fields[name] = text
      else if (kind === 'required text') throw fail(`the ${method} form has no ${quote(name)} value`)
    } else {
      const text = decodedValue(list, 'text')
      const dotted = dottedObject(name, values)
      if (text !== undefined && dotted !== undefined) throw fail(`${quote(name)} is sent both as JSON and as dotted names`)
      const object = text !== undefined ? jsonObject(name, text) : dotted
      // Kratos' decoder starts from {} (oryx/decoderx/http.go:394); only a required object needs it to match the type.
      if (object !== undefined) fields[name] = object
      else if (kind === 'required object') fields[name] = {}
    }
  }
  return fields
}

const isMethod = (value: string): value is Method => Object.hasOwn(SETTINGS_FORM_FIELDS, value)

/**
 * The method of a form without `method`, from the fields of the button that was pressed, as each
 * strategy recognises its own (selfservice/strategy/{lookup,totp,webauthn,passkey,oidc}/settings).
 */
function inferMethod(values: Values): { method: Method; fields: Record<string, unknown> } {
  const found = Object.entries(METHOD_TRIGGERS).flatMap(([method, triggers]) => {
    if (!triggers.some((name) => values.get(name)?.some((text) => text !== ''))) return []
    const fields = readFields(method as Method, values)
    return triggers.some((name) => fields[name] !== undefined && fields[name] !== false) ? [{ method: method as Method, fields }] : []
  })
  if (found.length === 1) return found[0]!
  if (found.length === 0) throw fail('the form has no "method" value')
  throw fail(`the form has no "method" value, and the fields of ${found.map(({ method }) => method).join(' and ')} are set`)
}

/**
 * Reads a browser's settings form (`FormData` from `request.formData()` or a server action, or
 * `URLSearchParams`) into the body for `updateSettingsFlow`, as Kratos reads a form post: dotted
 * names nest (`traits.name.first`), empty values are left out, booleans are parsed,
 * `transient_payload` may be JSON text, and names the method's body does not have are dropped.
 * Traits stay text (a repeated name becomes an array): Kratos converts them by the identity
 * schema. Without `method`, the method is read off the buttons Kratos renders without one
 * (lookup secrets, TOTP unlinking, security keys, passkeys, OIDC link and unlink).
 *
 * Throws a `KratosArgumentError` for a file, an unknown or missing method (or one not in
 * `options.methods`, which also narrows the type), a missing `password`, a boolean that is not
 * one, or names that contradict each other. `__proto__`, `constructor` and `prototype` are dropped.
 * @example
 * const body = parseSettingsForm(await request.formData())
 * const result = await kratos.updateSettingsFlow(flowId, body, getCookieHeader(request))
 */
export function parseSettingsForm(form: FormData | URLSearchParams): UpdateSettingsFlowBody
/** Only the listed methods are accepted, and the body's type narrows to theirs. */
export function parseSettingsForm<M extends UpdateSettingsFlowBody['method']>(
  form: FormData | URLSearchParams,
  options: { readonly methods?: readonly M[] | undefined },
): Extract<UpdateSettingsFlowBody, { method: M }>
export function parseSettingsForm(form: FormData | URLSearchParams, options: { readonly methods?: readonly Method[] | undefined } = {}): UpdateSettingsFlowBody {
  const values = valuesByName(form)
  const named = values.get('method')?.[0]
  let method: Method
  let fields: Record<string, unknown>
  if (named === undefined || named === '') ({ method, fields } = inferMethod(values))
  else if (isMethod(named)) {
    method = named
    fields = readFields(method, values)
  } else throw fail(`${quote(named)} is not a settings method (${Object.keys(SETTINGS_FORM_FIELDS).join(', ')})`)
  const { methods } = options
  if (methods !== undefined && !methods.includes(method)) throw fail(`method "${method}" is not one of ${methods.join(', ')}`)
  return { method, ...fields } as UpdateSettingsFlowBody
}
