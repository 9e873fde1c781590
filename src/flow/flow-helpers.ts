import type { SettingsFlow, UiNode, UiNodeOf, UiNodeType, UiText } from '../types.js'

// Every helper reads only `ui`: a flow, or anything shaped like one (a stored copy, a test fixture).
type FlowUi = Pick<SettingsFlow, 'ui'>

/**
 * Narrows a UI node by `attributes.node_type`, with no cast:
 * after `isNodeType(node, 'input')`, `node.attributes.name` is a string.
 * @example
 * const inputs = flow.ui.nodes.filter((node) => isNodeType(node, 'input'))
 */
export function isNodeType<Type extends UiNodeType>(node: UiNode, type: Type): node is UiNodeOf<Type> {
  return node.attributes.node_type === type
}

/** The flow's first `<input>` node named `name`, narrowed, or `undefined`. */
export function findInput(flow: FlowUi, name: string): UiNodeOf<'input'> | undefined {
  for (const node of flow.ui.nodes) if (isNodeType(node, 'input') && node.attributes.name === name) return node
  return undefined
}

/** The CSRF token of a flow (its hidden `csrf_token` input), or `undefined` when it has none. */
export function getCsrfToken(flow: FlowUi): string | undefined {
  const value = findInput(flow, 'csrf_token')?.attributes.value
  return typeof value === 'string' ? value : undefined
}

/**
 * A flow's nodes by `group` (`default`, `profile`, `password`, `totp`, …), groups in the order
 * they first appear and nodes in document order. Render one form per group, each with the
 * `default` group's nodes (the CSRF token).
 */
export function groupNodes(flow: FlowUi): Map<UiNode['group'], UiNode[]> {
  const groups = new Map<UiNode['group'], UiNode[]>()
  for (const node of flow.ui.nodes) {
    const nodes = groups.get(node.group)
    if (nodes === undefined) groups.set(node.group, [node])
    else nodes.push(node)
  }
  return groups
}

/** One message of a flow, and the node it belongs to (`undefined` for a flow-level message). */
export interface FlowMessage {
  /** The message: `id`, `text`, `type` and `context`. */
  readonly message: UiText
  /** The node it is about, or `undefined` for a message about the whole flow. */
  readonly node: UiNode | undefined
}

/**
 * Every message of a flow: the flow-level ones (`ui.messages`) first, then each node's, in
 * document order. `message.id` is stable across languages; `message.type` is `info`, `error` or
 * `success`.
 */
export function getFlowMessages(flow: FlowUi): FlowMessage[] {
  const messages: FlowMessage[] = (flow.ui.messages ?? []).map((message) => ({ message, node: undefined }))
  for (const node of flow.ui.nodes) for (const message of node.messages) messages.push({ message, node })
  return messages
}
