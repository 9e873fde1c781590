import type { SettingsFlow, UiNodeOf } from '../types.js'
import { isNodeType } from './is-node-type.js'

/** The flow's first `<input>` node named `name`, narrowed, or `undefined`. */
export function findInput(flow: SettingsFlow, name: string): UiNodeOf<'input'> | undefined {
  for (const node of flow.ui.nodes) if (isNodeType(node, 'input') && node.attributes.name === name) return node
  return undefined
}
