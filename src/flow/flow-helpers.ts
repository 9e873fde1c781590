import type { SettingsFlow, UiNode, UiText } from '../types.js'
import { findInput } from '../utils/ui-nodes.js'

export { isNodeType } from '../utils/ui-nodes.js'

/** What the flow helpers read: a flow, or anything shaped like one (a stored copy, a test fixture). */
export type FlowUi = Pick<SettingsFlow, 'ui'>

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
