// The nodes of a settings flow, as recorded from Kratos with every settings method enabled
// (test/contract/kratos/recordings/<version>/C1.json, C13.json, U27.json, U42.json): the CSRF token, the
// profile form generated from the identity schema, then password, oidc, lookup_secret, webauthn,
// passkey and totp, each as the identity's credentials make it.
import type { UiNode, UiText } from '../types.js'
import type { JsonObject } from '../utils/json.js'
import type { TraitSchema } from './identity-schema.js'
import { readPath, type MockIdentity } from './methods.js'
import type { VersionBehaviour } from './versions.js'

const info = (id: number, text: string, context?: JsonObject): UiText => ({ id, text, type: 'info', ...(context === undefined ? {} : { context }) })

type InputType = 'text' | 'email' | 'password' | 'hidden' | 'submit' | 'button' | 'number' | 'checkbox'

/** An input node as Kratos writes one: its attributes, no messages, and its label if it has one. */
export function inputNode(group: UiNode['group'], name: string, type: InputType, extra: JsonObject = {}, label?: UiText): UiNode {
  return { type: 'input', group, attributes: { name, type, ...extra, disabled: false, node_type: 'input' } as never, messages: [], meta: label === undefined ? {} : { label } }
}

const save = (group: UiNode['group'], method: string) => inputNode(group, 'method', 'submit', { value: method }, info(1070003, 'Save'))

/** What a flow's nodes depend on. */
export interface NodeContext {
  readonly baseUrl: URL
  readonly traitsSchema: TraitSchema
  readonly identity: MockIdentity
  readonly providers: readonly string[]
  readonly csrfToken: string
  readonly version: VersionBehaviour
}

function inputType(schema: TraitSchema): InputType {
  if (schema.format === 'email') return 'email'
  if (schema.type === 'number' || schema.type === 'integer') return 'number'
  if (schema.type === 'boolean') return 'checkbox'
  return 'text'
}

/** One input per leaf trait, in the schema's order, labelled by its title (container.NewFromJSONSchema). */
function traitNodes(ctx: NodeContext, schema: TraitSchema, path: string[], required: boolean): UiNode[] {
  if (schema.type === 'object' || schema.properties !== undefined) {
    return Object.entries(schema.properties ?? {}).flatMap(([key, child]) => traitNodes(ctx, child, [...path, key], schema.required?.includes(key) === true))
  }
  const name = ['traits', ...path].join('.')
  const title = schema.title ?? path.at(-1)!
  const value = readPath(ctx.identity.traits, path)
  const extra: JsonObject = {
    ...(value === undefined ? {} : { value: value as never }),
    ...(required ? { required: true } : {}),
    ...(schema.format === 'email' ? { autocomplete: 'email' } : {}),
  }
  return [inputNode('profile', name, inputType(schema), extra, info(1070002, title, ctx.version.labelContextName ? { name, title } : { title }))]
}

/** A recorded-looking WebAuthn challenge: options Kratos' script reads; random per flow. */
function webauthnOptions(ctx: NodeContext): string {
  const challenge = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))).replace(/=+$/, '')
  const rp = { name: 'kratos-settings-mock', id: ctx.baseUrl.hostname }
  return JSON.stringify({ publicKey: { challenge, rp, user: { name: ctx.identity.id, displayName: ctx.identity.id }, pubKeyCredParams: [{ type: 'public-key', alg: -7 }] } })
}

function webauthnNodes(ctx: NodeContext): UiNode[] {
  const options = webauthnOptions(ctx)
  return [
    inputNode('webauthn', 'webauthn_register_displayname', 'text', { value: '' }, info(1050013, 'Name of the security key')),
    inputNode('webauthn', 'webauthn_register', 'hidden', { value: '' }),
    inputNode(
      'webauthn',
      'webauthn_register_trigger',
      'button',
      { value: options, onclick: `window.oryWebAuthnRegistration(${options})`, onclickTrigger: 'oryWebAuthnRegistration' },
      info(1050012, 'Add security key'),
    ),
    {
      type: 'script',
      group: 'webauthn',
      attributes: {
        src: new URL('.well-known/ory/webauthn.js', ctx.baseUrl).href,
        async: true,
        referrerpolicy: 'no-referrer',
        crossorigin: 'anonymous',
        integrity: 'sha512-mock',
        type: 'text/javascript',
        id: 'webauthn_script',
        nonce: crypto.randomUUID(),
        node_type: 'script',
      },
      messages: [],
      meta: {},
    } as UiNode,
  ]
}

function passkeyNodes(ctx: NodeContext): UiNode[] {
  return [
    inputNode(
      'passkey',
      'passkey_register_trigger',
      'button',
      { value: '', onclick: 'window.oryPasskeySettingsRegistration()', onclickTrigger: 'oryPasskeySettingsRegistration' },
      info(1050019, 'Add passkey'),
    ),
    inputNode('passkey', 'passkey_settings_register', 'hidden'),
    inputNode('passkey', 'passkey_create_data', 'hidden', { value: webauthnOptions(ctx) }),
  ]
}

/** The secret the mock shows for TOTP set-up; any code it accepts is MOCK_TOTP_CODE. */
const MOCK_TOTP_SECRET = 'MOCKMOCKMOCKMOCKMOCKMOCKMOCKMOCK'
/** A 1×1 PNG: the mock draws no QR code. */
const MOCK_QR = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=='

function totpNodes(ctx: NodeContext): UiNode[] {
  if (ctx.identity.hasTotp) return [inputNode('totp', 'totp_unlink', 'submit', { value: 'true', required: true }, info(1050004, 'Unlink TOTP Authenticator App'))]
  return [
    {
      type: 'img',
      group: 'totp',
      attributes: { src: MOCK_QR, id: 'totp_qr', width: 256, height: 256, node_type: 'img' },
      messages: [],
      meta: { label: info(1050005, 'Authenticator app QR code') },
    } as UiNode,
    {
      type: 'text',
      group: 'totp',
      attributes: { text: info(1050006, MOCK_TOTP_SECRET, { secret: MOCK_TOTP_SECRET }), id: 'totp_secret_key', node_type: 'text' },
      messages: [],
      meta: { label: info(1050017, 'This is your authenticator app secret. Use it if you can not scan the QR code.') },
    } as UiNode,
    inputNode('totp', 'totp_code', 'text', { required: true }, info(1070006, 'Verify code')),
    save('totp', 'totp'),
  ]
}

function lookupNodes(ctx: NodeContext): UiNode[] {
  if (ctx.identity.lookupCodes === undefined) return [inputNode('lookup_secret', 'lookup_secret_regenerate', 'submit', { value: 'true' }, info(1050008, 'Generate new backup recovery codes'))]
  return [
    inputNode('lookup_secret', 'lookup_secret_reveal', 'submit', { value: 'true' }, info(1050007, 'Reveal backup recovery codes')),
    inputNode('lookup_secret', 'lookup_secret_disable', 'submit', { value: 'true' }, info(1050016, 'Disable this method')),
  ]
}

/**
 * The lookup codes Kratos shows, and the buttons next to them: confirm for codes just generated
 * (recorded: U27), disable and regenerate for codes revealed (recorded: U42).
 */
export function lookupCodeNodes(codes: readonly string[], confirm: boolean): UiNode[] {
  const secrets = codes.map((code) => ({ id: 1050009, type: 'info', text: code, context: { secret: code } }))
  const button = (name: string, id: number, text: string) => inputNode('lookup_secret', name, 'submit', { value: 'true' }, info(id, text))
  return [
    {
      type: 'text',
      group: 'lookup_secret',
      attributes: { node_type: 'text', id: 'lookup_secret_codes', text: info(1050015, codes.join(', '), { secrets }) },
      messages: [],
      meta: { label: info(1050010, 'These are your back up recovery codes. Please keep them in a safe place!') },
    } as UiNode,
    ...(confirm
      ? [button('lookup_secret_confirm', 1050011, 'Confirm backup recovery codes')]
      : [button('lookup_secret_disable', 1050016, 'Disable this method'), button('lookup_secret_regenerate', 1050008, 'Generate new backup recovery codes')]),
  ]
}

/** Every node of a fresh settings flow for `ctx.identity`. */
export function settingsNodes(ctx: NodeContext): UiNode[] {
  const passkey = passkeyNodes(ctx)
  const nodes = [
    inputNode('default', 'csrf_token', 'hidden', { value: ctx.csrfToken, required: true }),
    ...traitNodes(ctx, ctx.traitsSchema, [], false),
    save('profile', 'profile'),
    inputNode('password', 'password', 'password', { required: true, autocomplete: 'new-password' }, info(1070001, 'Password')),
    save('password', 'password'),
    ...ctx.providers.map((provider) => inputNode('oidc', 'link', 'submit', { value: provider }, info(1050002, `Link ${provider}`, { provider }))),
    ...lookupNodes(ctx),
    ...webauthnNodes(ctx),
    ...(ctx.version.passkeyFirst ? [] : passkey),
    ...totpNodes(ctx),
  ]
  return ctx.version.passkeyFirst ? [...passkey, ...nodes] : nodes
}
