import type { UiText } from '../types.js'
import { isJsonObject } from '../utils/json.js'
import { deepFreeze } from './frozen.js'
import { MESSAGES } from './messages.js'
import type { VersionBehaviour } from './versions.js'

/** The part of JSON Schema the mock checks traits against (what identity schemas use). */
export interface TraitSchema {
  /** The label Kratos gives the trait's input (the key when absent). */
  title?: string
  /** The JSON type of the value. */
  type?: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array'
  /** An object's properties, each with its schema. */
  properties?: Record<string, TraitSchema>
  /** The properties an object must have. */
  required?: string[]
  /** A string's format; the mock checks `email`. */
  format?: string
  /** The fewest characters of a string. */
  minLength?: number
  /** The most characters of a string. */
  maxLength?: number
  /** A regular expression a string must match. */
  pattern?: string
  /** The smallest number. */
  minimum?: number
  /** The largest number. */
  maximum?: number
  /** The schema of an array's items. */
  items?: TraitSchema
  /** Kratos' extension; a trait marked as a credential identifier or address needs a recent login to change. */
  'ory.sh/kratos'?: Record<string, unknown>
}

/** The `traits` schema of the mock's default identity schema: an email (a login identifier), and a name. Frozen: every mock shares it. */
export const DEFAULT_TRAITS_SCHEMA: TraitSchema = deepFreeze<TraitSchema>({
  type: 'object',
  properties: {
    email: {
      type: 'string',
      format: 'email',
      title: 'E-Mail',
      'ory.sh/kratos': { credentials: { password: { identifier: true } }, verification: { via: 'email' }, recovery: { via: 'email' } },
    },
    name: { type: 'object', properties: { first: { type: 'string', title: 'First name', maxLength: 100 }, last: { type: 'string', title: 'Last name', maxLength: 100 } } },
  },
  required: ['email'],
})

/** A validation message for the input named `name` (`traits.email`). */
export interface FieldMessage {
  readonly name: string
  readonly message: UiText
}

/**
 * One `@` with text before it, no whitespace, and a dot inside the domain: the check the mock
 * makes of `format: email`, in one pass (a regex for it backtracked quadratically on a long value).
 */
export function isEmail(value: string): boolean {
  const at = value.indexOf('@')
  if (at <= 0 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false
  return value.slice(at + 2, -1).includes('.')
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function matchesType(type: TraitSchema['type'], value: unknown): boolean {
  const actual = typeOf(value)
  // The validator names every number `number` in its messages, an integer one included.
  return type === undefined || actual === type || (type === 'integer' && Number.isInteger(value))
}

/** The schema of the property `key` that `schema` lists itself; a key such as `constructor` or `__proto__` names no inherited member. */
function propertySchema(schema: TraitSchema, key: string): TraitSchema | undefined {
  return schema.properties !== undefined && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined
}

/** The schema of the trait a form field names (`traits.name.first`), if the identity schema has one. */
export function traitSchemaOf(schema: TraitSchema, name: string): TraitSchema | undefined {
  if (!name.startsWith('traits.')) return undefined
  let current: TraitSchema | undefined = schema
  for (const key of name.slice('traits.'.length).split('.')) current = current === undefined ? undefined : propertySchema(current, key)
  return current
}

/**
 * Form posts carry every value as text; Kratos' decoder turns text into the schema's number or
 * boolean (and keeps text it cannot convert, which then fails the type check).
 */
export function coerceFormTraits(schema: TraitSchema, value: unknown): unknown {
  if (schema.type === 'object' && isJsonObject(value)) {
    // fromEntries defines fields: a key `__proto__` stays a field instead of setting the prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const child = propertySchema(schema, key)
        return [key, child === undefined ? item : coerceFormTraits(child, item)]
      }),
    )
  }
  if (typeof value !== 'string') return value
  if ((schema.type === 'number' || schema.type === 'integer') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  if (schema.type === 'boolean' && /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(value)) return /^(1|t|T|TRUE|true|True)$/.test(value)
  return value
}

/** Checks `value` against `schema` as Kratos' identity validator does, with Kratos' messages, placed on `traits.*` inputs. */
export function validateTraits(schema: TraitSchema, value: unknown, version: VersionBehaviour, name = 'traits'): FieldMessage[] {
  // Stryker disable next-line StringLiteral: equivalent; matchesType passes every value when the type is undefined, so the fallback is never used.
  if (!matchesType(schema.type, value)) return [{ name, message: MESSAGES.type(schema.type ?? 'object', typeOf(value)) }]
  const found: FieldMessage[] = []
  if (typeof value === 'string') {
    const length = [...value].length
    if (schema.minLength !== undefined && length < schema.minLength) found.push({ name, message: MESSAGES.minLength(schema.minLength, length) })
    if (schema.maxLength !== undefined && length > schema.maxLength) found.push({ name, message: MESSAGES.maxLength(schema.maxLength, length) })
    if (schema.format === 'email' && !isEmail(value)) found.push({ name, message: MESSAGES.email(value, version) })
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      found.push({ name, message: MESSAGES.pattern(schema.pattern) })
    }
  }
  if (isJsonObject(value)) {
    for (const property of schema.required ?? []) {
      if (!Object.hasOwn(value, property)) found.push({ name: `${name}.${property}`, message: MESSAGES.required(property) })
    }
    for (const [key, item] of Object.entries(value)) {
      const child = propertySchema(schema, key)
      if (child !== undefined) found.push(...validateTraits(child, item, version, `${name}.${key}`))
    }
  }
  return found
}

/** The dotted names of traits that identify the user or are addresses: changing them needs a recent login. */
// Stryker disable next-line StringLiteral: equivalent; the one caller drops the first dotted segment, which is all the root name gives.
export function protectedTraits(schema: TraitSchema, name = 'traits'): string[] {
  if (schema['ory.sh/kratos'] !== undefined) return [name]
  return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => protectedTraits(child, `${name}.${key}`))
}
