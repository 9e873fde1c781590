import type { SettingsFlow } from '../types.js'

/** The CSRF token of a flow (its hidden `csrf_token` input), or `undefined` when it has none. */
export function getCsrfToken(flow: SettingsFlow): string | undefined {
  for (const { attributes } of flow.ui.nodes) {
    if (attributes.node_type === 'input' && attributes.name === 'csrf_token' && typeof attributes.value === 'string') return attributes.value
  }
  return undefined
}
