// Kratos' form decoder: the fields of each method's body, and how a form post becomes them.

import type { UpdateSettingsFlowBody } from '../types.js'

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

/** A settings method: the `method` of an update's body. */
export type Method = UpdateSettingsFlowBody['method']
type BodyOf<M extends Method> = Extract<UpdateSettingsFlowBody, { method: M }>

/** How a field's text becomes its value, read off the body type; `required` when the type says so. */
type Kind<Body, Key extends keyof Body> = [NonNullable<Body[Key]>] extends [boolean]
  ? 'boolean'
  : [NonNullable<Body[Key]>] extends [string]
    ? object extends Pick<Body, Key>
      ? 'text'
      : 'required text'
    : object extends Pick<Body, Key>
      ? 'object'
      : 'required object'

/**
 * The fields of each method's body, as Kratos' settings schemas list them. `satisfies` ties this
 * table to the generated types: a field added, removed or retyped there fails to compile here.
 */
export const SETTINGS_FORM_FIELDS = {
  profile: { csrf_token: 'text', traits: 'required object', transient_payload: 'object' },
  password: { csrf_token: 'text', password: 'required text', transient_payload: 'object' },
  totp: { csrf_token: 'text', totp_code: 'text', totp_unlink: 'boolean', transient_payload: 'object' },
  webauthn: { csrf_token: 'text', webauthn_register: 'text', webauthn_register_displayname: 'text', webauthn_remove: 'text', transient_payload: 'object' },
  lookup_secret: {
    csrf_token: 'text',
    lookup_secret_confirm: 'boolean',
    lookup_secret_disable: 'boolean',
    lookup_secret_regenerate: 'boolean',
    lookup_secret_reveal: 'boolean',
    transient_payload: 'object',
  },
  oidc: { flow: 'text', link: 'text', unlink: 'text', traits: 'object', upstream_parameters: 'object', transient_payload: 'object' },
  passkey: { csrf_token: 'text', passkey_settings_register: 'text', passkey_remove: 'text' },
  saml: { csrf_token: 'text', flow: 'text', link: 'text', unlink: 'text', traits: 'object', transient_payload: 'object' },
} as const satisfies { readonly [M in Method]: { readonly [Key in Exclude<keyof BodyOf<M>, 'method'>]-?: Kind<BodyOf<M>, Key> } }

/** Every field that is a boolean in some method's body. */
export const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(
  Object.values(SETTINGS_FORM_FIELDS).flatMap((fields) => Object.entries(fields).flatMap(([name, kind]) => (kind === 'boolean' ? [name] : []))),
)

// Kratos' own buttons for these methods send no `method`: the strategy recognises its fields instead
// (selfservice/strategy/{totp,webauthn,lookup,oidc,passkey}). link/unlink go to oidc, as in Kratos.
/** The fields that name a method in a form without `method`. */
export const METHOD_TRIGGERS = {
  totp: ['totp_unlink'],
  webauthn: ['webauthn_register', 'webauthn_remove'],
  lookup_secret: ['lookup_secret_confirm', 'lookup_secret_disable', 'lookup_secret_regenerate', 'lookup_secret_reveal'],
  oidc: ['link', 'unlink'],
  passkey: ['passkey_settings_register', 'passkey_remove'],
} as const satisfies { readonly [M in Method]?: readonly (keyof (typeof SETTINGS_FORM_FIELDS)[M])[] }
