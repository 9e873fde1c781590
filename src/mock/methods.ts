import type { ContinueWith } from '../types.js'
import { isJsonObject, type JsonObject } from '../utils/json.js'
import { coerceFormTraits, protectedTraits, validateTraits, type FieldMessage, type TraitSchema } from './identity-schema.js'
import { MESSAGES } from './messages.js'
import { isTrue, ownField } from './request-body.js'

/** What the mock keeps of an identity between requests. */
export interface MockIdentity {
  readonly id: string
  traits: JsonObject
  hasTotp: boolean
  lookupCodes: string[] | undefined
}

/** The TOTP code the mock accepts when a user adds an authenticator app. */
export const MOCK_TOTP_CODE = '123456'

/** What a method makes of a submitted body (selfservice/strategy/*: see docs/kratos-behaviour.md). */
export type MethodOutcome =
  | { readonly kind: 'not_responsible' }
  /** 400 with the flow: messages on inputs (`name`) or on the form (`name: ''`); `values` are echoed into inputs. */
  | { readonly kind: 'invalid'; readonly messages: FieldMessage[]; readonly values?: Record<string, unknown> }
  | { readonly kind: 'csrf' }
  | { readonly kind: 'refresh' }
  /** Saved: `state: 'success'`; `continueWith` from the method's hooks. */
  | { readonly kind: 'success'; readonly continueWith?: ContinueWith[] }
  /** Kratos' "return to UI" (lookup codes shown or generated): the flow comes back as it is now, not a success. */
  | { readonly kind: 'show_flow'; readonly codes: string[]; readonly confirm: boolean }
  | { readonly kind: 'location_change'; readonly url: string }

/** What a method may look at and change. */
export interface MethodContext {
  readonly body: JsonObject
  readonly form: boolean
  readonly identity: MockIdentity
  readonly traitsSchema: TraitSchema
  /** True when the body's `csrf_token` matches the CSRF cookie. */
  readonly csrfValid: boolean
  /** True when the session authenticated within the privileged-session age. */
  readonly privileged: boolean
  readonly flowId: string
  readonly pendingCodes: string[] | undefined
  setPendingCodes(codes: string[] | undefined): void
  /** Where the mock sends a browser to link an OIDC provider. */
  readonly providerUrl: (provider: string) => string
  readonly providers: readonly string[]
}

const invalid = (name: string, message: FieldMessage['message']): Extract<MethodOutcome, { kind: 'invalid' }> => ({ kind: 'invalid', messages: [{ name, message }] })
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

function flatten(prefix: string, value: unknown): Record<string, unknown> {
  if (!isJsonObject(value)) return { [prefix]: value }
  return Object.assign({}, ...Object.entries(value).map(([key, item]) => flatten(`${prefix}.${key}`, item)))
}

/** The value at `path` through own fields only: a trait the user does not have is `undefined`, whatever Object.prototype holds. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => ownField(node, key), value)
}

// selfservice/strategy/profile/strategy.go:130-200
function profile(ctx: MethodContext): MethodOutcome {
  if (ctx.body['method'] !== 'profile') return { kind: 'not_responsible' }
  const raw = ctx.body['traits']
  if (raw === undefined) return invalid('traits', MESSAGES.required('traits'))
  const traits = ctx.form ? coerceFormTraits(ctx.traitsSchema, raw) : raw
  const values = flatten('traits', traits)
  const problems = validateTraits(ctx.traitsSchema, traits)
  if (problems.length > 0) return { kind: 'invalid', messages: problems, values }
  if (!ctx.csrfValid) return { kind: 'csrf' }
  const next = traits as JsonObject
  if (Object.keys(next).length === 0) return invalid('', MESSAGES.generic('Did not receive any value changes.'))
  const changed = protectedTraits(ctx.traitsSchema).filter((name) => {
    const path = name.split('.').slice(1)
    return JSON.stringify(readPath(next, path)) !== JSON.stringify(readPath(ctx.identity.traits, path))
  })
  if (changed.length > 0 && !ctx.privileged) return { kind: 'refresh' }
  const previousEmail = ownField(ctx.identity.traits, 'email')
  ctx.identity.traits = next
  const email = ownField(next, 'email')
  const continueWith: ContinueWith[] = typeof email === 'string' && email !== previousEmail ? [{ action: 'show_verification_ui', flow: { id: crypto.randomUUID(), verifiable_address: email } }] : []
  return { kind: 'success', continueWith }
}

// selfservice/strategy/password/settings.go:78-212
function password(ctx: MethodContext): MethodOutcome {
  if (ctx.body['method'] !== 'password') return { kind: 'not_responsible' }
  const value = text(ctx.body['password'])
  if (value === undefined) return invalid('password', MESSAGES.required('password'))
  if (!ctx.csrfValid) return { kind: 'csrf' }
  if (!ctx.privileged) return { kind: 'refresh' }
  const length = new TextEncoder().encode(value).byteLength
  if (length < 8) return invalid('password', MESSAGES.passwordMinLength(8, length))
  return { kind: 'success' }
}

// selfservice/strategy/oidc/strategy_settings.go:340-606; link and unlink check no CSRF token.
function oidc(ctx: MethodContext): MethodOutcome {
  const link = text(ctx.body['link'])
  const unlink = text(ctx.body['unlink'])
  if (link === undefined && unlink === undefined) return { kind: 'not_responsible' }
  if (link !== undefined && unlink !== undefined) return invalid('', MESSAGES.generic('it is not possible to link and unlink providers in the same request'))
  if (!ctx.privileged) return { kind: 'refresh' }
  if (link !== undefined) {
    if (!ctx.providers.includes(link)) return invalid('', MESSAGES.generic('can not link unknown or already existing OpenID Connect connection'))
    return { kind: 'location_change', url: ctx.providerUrl(link) }
  }
  // The mock's identities have one first-factor credential (the password), and no linked provider.
  return invalid('', MESSAGES.generic('can not unlink OpenID Connect connection because it is the last remaining first factor credential'))
}

// selfservice/strategy/totp/settings.go:90-257
function totp(ctx: MethodContext): MethodOutcome {
  const unlink = isTrue(ctx.body['totp_unlink'])
  if (!unlink && ctx.body['method'] !== 'totp') return { kind: 'not_responsible' }
  if (!ctx.csrfValid) return { kind: 'csrf' }
  if (!ctx.privileged) return { kind: 'refresh' }
  if (ctx.identity.hasTotp) {
    if (unlink) ctx.identity.hasTotp = false
    return { kind: 'success' }
  }
  const code = text(ctx.body['totp_code'])
  if (code === undefined) return invalid('totp_code', MESSAGES.required('totp_code'))
  if (code !== MOCK_TOTP_CODE) return invalid('totp_code', MESSAGES.invalidTotp())
  ctx.identity.hasTotp = true
  return { kind: 'success' }
}

// selfservice/strategy/webauthn/settings.go:100-330 and passkey/passkey_settings.go (same shape, but a passkey
// removal goes before a registration: passkey_settings.go:270-273 against webauthn/settings.go:181-185).
function securityKey({ register, remove, removeFirst }: { register: string; remove: string; removeFirst: boolean }) {
  return (ctx: MethodContext): MethodOutcome => {
    const registration = text(ctx.body[register])
    const removal = text(ctx.body[remove])
    if (registration === undefined && removal === undefined) return { kind: 'not_responsible' }
    if (!ctx.csrfValid) return { kind: 'csrf' }
    if (!ctx.privileged) return { kind: 'refresh' }
    // Both strategies say WebAuthn (webauthn/settings.go:198, passkey/passkey_settings.go:287).
    if (registration === undefined || (removeFirst && removal !== undefined)) return invalid('', MESSAGES.generic('You tried to remove a WebAuthn but you have no WebAuthn set up.'))
    try {
      JSON.parse(registration)
    } catch (error) {
      return invalid('', MESSAGES.generic(`Unable to parse WebAuthn response: ${(error as Error).message}`))
    }
    // The mock cannot verify an attestation; it accepts any well-formed one.
    return { kind: 'success' }
  }
}

function newCodes(): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from({ length: 12 }, () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => alphabet[byte % alphabet.length]).join(''))
}

// selfservice/strategy/lookup/settings.go:110-330; precedence confirm > reveal > disable > regenerate.
function lookupSecret(ctx: MethodContext): MethodOutcome {
  const [confirm, reveal, disable, regenerate] = ['confirm', 'reveal', 'disable', 'regenerate'].map((flag) => isTrue(ctx.body[`lookup_secret_${flag}`]))
  if (!confirm && !reveal && !disable && !regenerate) return { kind: 'not_responsible' }
  if (!ctx.csrfValid) return { kind: 'csrf' }
  if (!ctx.privileged) return { kind: 'refresh' }
  if (confirm) {
    if (ctx.pendingCodes === undefined) return invalid('', MESSAGES.generic('You must (re-)generate recovery backup codes before you can save them.'))
    ctx.identity.lookupCodes = ctx.pendingCodes
    ctx.setPendingCodes(undefined)
    return { kind: 'success' }
  }
  if (reveal) {
    if (ctx.identity.lookupCodes === undefined) return invalid('', MESSAGES.generic('Can not reveal lookup codes because you have none.'))
    return { kind: 'show_flow', codes: ctx.identity.lookupCodes, confirm: false }
  }
  if (disable) {
    ctx.identity.lookupCodes = undefined
    return { kind: 'success' }
  }
  const codes = newCodes()
  ctx.setPendingCodes(codes)
  return { kind: 'show_flow', codes, confirm: true }
}

/** Kratos asks its methods in this order (driver/registry_default.go:343-354); the first responsible one answers. */
export const METHODS: ReadonlyArray<(ctx: MethodContext) => MethodOutcome> = [
  profile,
  password,
  oidc,
  totp,
  securityKey({ register: 'passkey_settings_register', remove: 'passkey_remove', removeFirst: true }),
  securityKey({ register: 'webauthn_register', remove: 'webauthn_remove', removeFirst: false }),
  lookupSecret,
]

/** The outcome of the first responsible method, or Kratos' "no strategy" message (4010004). */
export function applyMethods(ctx: MethodContext): Exclude<MethodOutcome, { kind: 'not_responsible' }> {
  for (const method of METHODS) {
    const outcome = method(ctx)
    if (outcome.kind !== 'not_responsible') return outcome
  }
  return invalid('', MESSAGES.noStrategy())
}
