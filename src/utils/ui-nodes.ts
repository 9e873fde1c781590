import type { SettingsFlow, UiNode, UiNodeOf, UiNodeType } from '../types.js'

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
export function findInput(flow: Pick<SettingsFlow, 'ui'>, name: string): UiNodeOf<'input'> | undefined {
  for (const node of flow.ui.nodes) if (isNodeType(node, 'input') && node.attributes.name === name) return node
  return undefined
}
