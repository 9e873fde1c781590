import type { SettingsFlow } from '../types.js'
import { isJsonObject } from '../utils/json.js'
import { hasUnsafeScheme } from '../utils/navigable-url.js'
import { failed, parsed, type Parsed } from '../utils/parsed.js'

/** Returns what is wrong with a list of UI messages (absent or null is none), or `undefined`. */
function messagesProblem(messages: unknown, path: string): string | undefined {
  if (messages === undefined || messages === null) return undefined
  if (!Array.isArray(messages)) return `${path} is not an array`
  const index = messages.findIndex((message) => !isJsonObject(message))
  if (index !== -1) return `${path}[${index}] is not an object`
  // A page renders `message.text`: anything but a string would throw while rendering, or worse.
  const textless = messages.findIndex((message: Record<string, unknown>) => typeof message['text'] !== 'string')
  return textless === -1 ? undefined : `${path}[${textless}].text is not a string`
}

/** Returns what is wrong with a UI node, or `undefined`. */
function nodeProblem(node: unknown, index: number): string | undefined {
  if (!isJsonObject(node)) return `ui.nodes[${index}] is not an object`
  if (typeof node['type'] !== 'string') return `ui.nodes[${index}].type is not a string`
  if (!isJsonObject(node['attributes'])) return `ui.nodes[${index}].attributes is not an object`
  const label = isJsonObject(node['meta']) ? node['meta']['label'] : undefined
  if (label !== undefined && label !== null && (!isJsonObject(label) || typeof label['text'] !== 'string')) return `ui.nodes[${index}].meta.label.text is not a string`
  return messagesProblem(node['messages'], `ui.nodes[${index}].messages`)
}

/** Returns what is wrong with a settings flow body, or `undefined`. */
function flowProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'the body is not a JSON object'
  for (const key of ['id', 'type', 'expires_at', 'issued_at'] as const) {
    if (typeof body[key] !== 'string') return `${key} is not a string`
  }
  // Kratos sends "show_form" or "success", but its document leaves `state` untyped, so another
  // value is spec-valid: it is passed through, not rejected. Only a missing state is.
  if (body['state'] === undefined || body['state'] === null) return 'state is missing'
  const identity = body['identity']
  if (!isJsonObject(identity) || typeof identity['id'] !== 'string') return 'identity.id is not a string'
  const ui = body['ui']
  if (!isJsonObject(ui)) return 'ui is not an object'
  if (typeof ui['action'] !== 'string') return 'ui.action is not a string'
  // A page may render `<form action={flow.ui.action}>`, or send the browser to `return_to`.
  if (hasUnsafeScheme(ui['action'])) return 'ui.action is not an http(s) URL'
  if (hasUnsafeScheme(body['return_to'])) return 'return_to is not an http(s) URL'
  if (typeof ui['method'] !== 'string') return 'ui.method is not a string'
  const messages = messagesProblem(ui['messages'], 'ui.messages')
  if (messages !== undefined) return messages
  const continueWith = body['continue_with']
  if (continueWith !== undefined && continueWith !== null) {
    if (!Array.isArray(continueWith)) return 'continue_with is not an array'
    const index = continueWith.findIndex((item) => !isJsonObject(item) || typeof item['action'] !== 'string')
    if (index !== -1) return `continue_with[${index}].action is not a string`
  }
  const nodes = ui['nodes']
  if (nodes === null || nodes === undefined) return undefined
  if (!Array.isArray(nodes)) return 'ui.nodes is not an array'
  for (const [index, node] of nodes.entries()) {
    const problem = nodeProblem(node, index)
    if (problem !== undefined) return problem
  }
  return undefined
}

/**
 * Checks a parsed 200 body for the fields callers and the flow helpers rely on and returns it as
 * a flow, or `invalid_shape` with what is wrong. `state` must be present; a value other than
 * Kratos' two is kept. A null or missing `ui.nodes` or node `messages` becomes `[]`;
 * `traits: null` and `organization_id: null` are kept (their types allow null).
 */
export function parseSettingsFlow(body: unknown): Parsed<SettingsFlow, 'invalid_shape'> {
  const problem = flowProblem(body)
  if (problem !== undefined) return failed('invalid_shape', problem)
  const flow = body as SettingsFlow
  flow.ui.nodes ??= []
  for (const node of flow.ui.nodes) node.messages ??= []
  return parsed(flow)
}
