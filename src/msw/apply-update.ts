import { findInput } from '../flow/find-input.js'
import { isNodeType } from '../flow/is-node-type.js'
import type { ContinueWith, SettingsFlow, UiText } from '../types.js'
import { isJsonObject, type JsonObject } from '../utils/json.js'

/** What the mock decides for a submitted settings form. */
export type UpdateOutcome = { readonly kind: 'invalid' | 'success'; readonly flow: SettingsFlow }

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const MIN_PASSWORD_LENGTH = 8
const error = (id: number, text: string): UiText => ({ id, type: 'error', text })

/** Reads a form body the way Kratos does: dotted names (`traits.name.first`) become nested fields. */
export function parseFormBody(text: string): JsonObject {
  const body: JsonObject = {}
  for (const [name, value] of new URLSearchParams(text)) {
    const path = name.split('.')
    let target = body
    for (const key of path.slice(0, -1)) target = isJsonObject(target[key]) ? target[key] : (target[key] = {})
    target[path.at(-1)!] = value
  }
  return body
}

/** Sets each input named in `values` (dotted names) to its value, and clears every message. */
function withValues(flow: SettingsFlow, values: Record<string, unknown>): SettingsFlow {
  const next = structuredClone(flow)
  next.ui.messages = []
  for (const node of next.ui.nodes) {
    node.messages = []
    if (isNodeType(node, 'input') && node.attributes.name in values) node.attributes.value = values[node.attributes.name]
  }
  return next
}

function flatten(prefix: string, value: unknown): Record<string, unknown> {
  if (!isJsonObject(value)) return { [prefix]: value }
  return Object.assign({}, ...Object.entries(value).map(([key, item]) => flatten(`${prefix}.${key}`, item)))
}

function invalid(flow: SettingsFlow, name: string, message: UiText): UpdateOutcome {
  const node = findInput(flow, name)
  if (node === undefined) flow.ui.messages = [message]
  else node.messages = [message]
  return { kind: 'invalid', flow }
}

function success(flow: SettingsFlow, continueWith: ContinueWith[]): UpdateOutcome {
  flow.state = 'success'
  flow.ui.messages = [{ id: 1050001, type: 'success', text: 'Your changes have been saved!' }]
  if (flow.return_to !== undefined) continueWith.push({ action: 'redirect_browser_to', redirect_browser_to: flow.return_to })
  if (continueWith.length > 0) flow.continue_with = continueWith
  return { kind: 'success', flow }
}

/**
 * Applies a submitted form to a flow as Kratos would, for the `profile` and `password` methods:
 * a validation failure keeps the flow (same id) with messages on its nodes; a success sets
 * `state: 'success'` and `continue_with` (a verification flow for a new email, `return_to`).
 */
export function applyUpdate(flow: SettingsFlow, body: JsonObject): UpdateOutcome {
  if (body['method'] === 'profile') {
    const traits = isJsonObject(body['traits']) ? body['traits'] : {}
    const next = withValues(flow, flatten('traits', traits))
    const email = traits['email']
    if (typeof email !== 'string' || !EMAIL.test(email)) return invalid(next, 'traits.email', error(4000001, `"${String(email)}" is not valid "email"`))
    const previous = isJsonObject(flow.identity.traits) ? flow.identity.traits['email'] : undefined
    next.identity.traits = traits
    const verification: ContinueWith[] =
      email === previous
        ? []
        : [{ action: 'show_verification_ui', flow: { id: crypto.randomUUID(), verifiable_address: email } }]
    return success(next, verification)
  }
  if (body['method'] === 'password') {
    const next = withValues(flow, {})
    const password = body['password']
    if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
      return invalid(next, 'password', error(4000032, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`))
    }
    return success(next, [])
  }
  return invalid(withValues(flow, {}), '', error(4000000, `This mock Kratos does not implement the "${String(body['method'])}" method.`))
}
