import type { UiNode, UiNodeOf, UiNodeType } from '../types.js'

/**
 * Narrows a UI node by `attributes.node_type`, with no cast:
 * after `isNodeType(node, 'input')`, `node.attributes.name` is a string.
 * @example
 * const inputs = flow.ui.nodes.filter((node) => isNodeType(node, 'input'))
 */
export function isNodeType<Type extends UiNodeType>(node: UiNode, type: Type): node is UiNodeOf<Type> {
  return node.attributes.node_type === type
}
