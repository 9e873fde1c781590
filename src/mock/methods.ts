import type { ContinueWith } from '../types.js'
import { isJsonObject, type JsonObject } from '../utils/json.js'
import { coerceFormTraits, protectedTraits, validateTraits, type FieldMessage, type TraitSchema } from './identity-schema.js'
import { MESSAGES } from './messages.js'
import { isTrue, ownField } from './request-body.js'
import type { VersionBehaviour } from './versions.js'

/** What the mock keeps of an identity between requests. */
export interface MockIdentity {
  readonly id: string
  traits: JsonObject
  hasTotp: boolean
  lookupCodes: string[] | undefined
  /** The password, once the mock has seen it set; Kratos refuses the same one again (v25.4.0 on). */
  password: string | undefined
  /** A verification message went to its address (the address is `sent`, no longer `pending`). */
  verificationSent: boolean
  /** When the identity was created (RFC 3339): its and its addresses' timestamps. */
  readonly createdAt: string
  /** The ids of its verifiable and its recovery address. */
  readonly addressIds: readonly [string, string]
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
  /** The verify_new_address hook holds a changed address until it is verified: nothing is saved yet. */
  | { readonly kind: 'pending_verification'; readonly address: string; readonly values: Record<string, unknown> }
  /** herodot's id-less 404 with this reason (an OIDC unlink of a credential the identity lacks). */
  | { readonly kind: 'not_found'; readonly reason: string }

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
  readonly version: VersionBehaviour
  /** True when another identity has this email (a login identifier). */
  readonly identifierTaken: (email: string) => boolean
  /** The verify_new_address hook is configured (master). */
  readonly verifyNewAddress: boolean
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

// selfservice/strategy/profile/strategy.go:130-200. Rows U1-U5, U13, U36-U38, U51, U56.
function profile(ctx: MethodContext): MethodOutcome {
  if (ctx.body['method'] !== 'profile') return { kind: 'not_responsible' }
  const raw = ctx.body['traits']
  if (raw === undefined) return invalid('traits', MESSAGES.required('traits'))
  const traits = ctx.form ? coerceFormTraits(ctx.traitsSchema, raw) : raw
  const values = flatten('traits', traits)
  const problems = validateTraits(ctx.traitsSchema, traits, ctx.version)
  if (problems.length > 0) return { kind: 'invalid', messages: problems, values }
  if (!ctx.csrfValid) return { kind: 'csrf' }
  const next = traits as JsonObject
  if (Object.keys(next).length === 0) return invalid('', MESSAGES.generic('Did not receive any value changes.'))
  const changed = protectedTraits(ctx.traitsSchema).filter((name) => {
    const path = name.split('.').slice(1)
    return JSON.stringify(readPath(next, path)) !== JSON.stringify(readPath(ctx.identity.traits, path))
  })
  if (changed.length > 0 && !ctx.privileged) return { kind: 'refresh' }
  const email = ownField(next, 'email')
  if (typeof email === 'string' && email !== ownField(ctx.identity.traits, 'email') && ctx.identifierTaken(email))
    return { kind: 'invalid', messages: [{ name: '', message: MESSAGES.duplicate() }], values }
  if (typeof email === 'string' && email !== ownField(ctx.identity.traits, 'email') && ctx.verifyNewAddress) return { kind: 'pending_verification', address: email, values }
  if (email !== ownField(ctx.identity.traits, 'email')) ctx.identity.verificationSent = false
  ctx.identity.traits = next
  return { kind: 'success' }
}

// selfservice/strategy/password/settings.go:78-212. Rows U6, U7, U11, U12, U47, U48, U52, U53.
function password(ctx: MethodContext): MethodOutcome {
  if (ctx.body['method'] !== 'password') return { kind: 'not_responsible' }
  const value = text(ctx.body['password'])
  if (value === undefined) return invalid('password', MESSAGES.required('password'))
  if (!ctx.csrfValid) return { kind: 'csrf' }
  if (!ctx.privileged) return { kind: 'refresh' }
  const length = new TextEncoder().encode(value).byteLength
  if (length < 8) return invalid('password', MESSAGES.passwordMinLength(8, length))
  if (ctx.version.passwordSameAsOld && value === ctx.identity.password) return invalid('password', MESSAGES.passwordSameAsOld())
  const identifier = ownField(ctx.identity.traits, 'email')
  if (typeof identifier === 'string' && tooSimilar(identifier, value)) return invalid('password', MESSAGES.passwordTooSimilar())
  ctx.identity.password = value
  return { kind: 'success' }
}

// selfservice/strategy/oidc/strategy_settings.go:340-606; link and unlink check no CSRF token. Rows U29-U31, U43, U44.
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
  // The mock's identities have no OIDC credential (recorded: U31).
  return { kind: 'not_found', reason: 'identity does not have credential type oidc' }
}

// selfservice/strategy/totp/settings.go:90-257. Rows U24, U25, U40.
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

// Rows U32, U33, U45, U46. selfservice/strategy/webauthn/settings.go:100-330 and passkey/passkey_settings.go (same shape, but a passkey
// removal goes before a registration: passkey_settings.go:270-273 against webauthn/settings.go:181-185).
function securityKey({ register, remove, removeFirst }: { register: string; remove: string; removeFirst: boolean }) {
  return (ctx: MethodContext): MethodOutcome => {
    const registration = text(ctx.body[register])
    const removal = text(ctx.body[remove])
    if (registration === undefined && removal === undefined) return { kind: 'not_responsible' }
    if (!ctx.csrfValid) return { kind: 'csrf' }
    if (!ctx.privileged) return { kind: 'refresh' }
    // Both strategies say WebAuthn (webauthn/settings.go:198, passkey/passkey_settings.go:287).
    // The mock's identities have no security key: a passkey removal says so, a WebAuthn removal names the key (recorded: U32, U33).
    if (registration === undefined || (removeFirst && removal !== undefined)) {
      return invalid('', MESSAGES.generic(removeFirst ? 'You tried to remove a WebAuthn but you have no WebAuthn set up.' : 'You tried to remove a WebAuthn credential which does not exist.'))
    }
    // The mock cannot verify an attestation; it accepts any that has a credential's shape (recorded: U45, U46).
    if (!isAttestation(registration)) return invalid('', MESSAGES.generic('Unable to parse WebAuthn response: Parse error for Registration'))
    return { kind: 'success' }
  }
}

/** A PublicKeyCredential with an attestation response, as the browser's JSON of navigator.credentials.create(). */
function isAttestation(text: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return false
  }
  if (!isJsonObject(value) || !isJsonObject(value['response'])) return false
  const response = value['response']
  return (
    typeof value['id'] === 'string' &&
    typeof value['rawId'] === 'string' &&
    value['type'] === 'public-key' &&
    typeof response['clientDataJSON'] === 'string' &&
    typeof response['attestationObject'] === 'string'
  )
}

/** The length of the longest common substring (validator.go's lcsLength). */
function longestCommonSubstring(a: string, b: string): number {
  let longest = 0
  let previous = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0)
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) longest = Math.max(longest, (current[j] = previous[j - 1]! + 1))
    }
    previous = current
  }
  return longest
}

/** The Levenshtein distance of two strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}

/** Kratos' similarity rule: closer than 5 edits to the identifier, or sharing more than half of the password with it (validator.go:184-190). */
function tooSimilar(identifier: string, password: string): boolean {
  const [id, pw] = [identifier.toLowerCase(), password.toLowerCase()]
  // Both strings are bounded by the form parser and the trait schema; the tables are at most |id| × |pw|.
  return distance(id, pw) < 5 || longestCommonSubstring(id, pw) / pw.length > 0.5
}

function newCodes(): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from({ length: 12 }, () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => alphabet[byte % alphabet.length]).join(''))
}

// selfservice/strategy/lookup/settings.go:110-330; precedence confirm > reveal > disable > regenerate. Rows U26-U28, U41, U42.
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
