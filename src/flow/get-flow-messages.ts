import type { SettingsFlow, UiNode, UiText } from '../types.js'

/** One message of a flow, and the node it belongs to (`undefined` for a flow-level message). */
export interface FlowMessage {
  readonly message: UiText
  readonly node: UiNode | undefined
}

/**
 * Every message of a flow: the flow-level ones (`ui.messages`) first, then each node's, in
 * document order. `message.id` is stable across languages; `message.type` is `info`, `error` or
 * `success`.
 */
export function getFlowMessages(flow: SettingsFlow): FlowMessage[] {
  const messages: FlowMessage[] = (flow.ui.messages ?? []).map((message) => ({ message, node: undefined }))
  for (const node of flow.ui.nodes) for (const message of node.messages) messages.push({ message, node })
  return messages
}
