import type { SettingsFlow, UiNode } from '../types.js'

/**
 * A flow's nodes by `group` (`default`, `profile`, `password`, `totp`, …), groups in the order
 * they first appear and nodes in document order. Render one form per group, each with the
 * `default` group's nodes (the CSRF token).
 */
export function groupNodes(flow: SettingsFlow): Map<UiNode['group'], UiNode[]> {
  const groups = new Map<UiNode['group'], UiNode[]>()
  for (const node of flow.ui.nodes) {
    const nodes = groups.get(node.group)
    if (nodes === undefined) groups.set(node.group, [node])
    else nodes.push(node)
  }
  return groups
}
