import { getFlowMessages, type SettingsFlow, type UpdateSettingsFlowResult } from '../../src/index.js'

const cookieNames = (setCookie: string[]) => (setCookie.length === 0 ? 'none' : setCookie.map((cookie) => cookie.split('=')[0]).join(', '))

function describeFlow(flow: SettingsFlow): string[] {
  const groups = [...new Set(flow.ui.nodes.map((node) => node.group))].join(', ')
  const lines = [`flow ${flow.id}, state ${flow.state}, ${flow.ui.nodes.length} UI nodes (${groups})`, `form: ${flow.ui.method} ${flow.ui.action}`]
  for (const { message, node } of getFlowMessages(flow)) {
    const where = node?.attributes.node_type === 'input' ? ` on ${node.attributes.name}` : ''
    lines.push(`message ${message.id} (${message.type})${where}: ${message.text}`)
  }
  for (const item of flow.continue_with ?? []) {
    lines.push(`continue_with: ${item.action}${item.action === 'show_verification_ui' ? ` (verify ${item.flow.verifiable_address})` : ''}`)
  }
  return lines
}

/** The typed result of a call, as a few readable lines. */
export function describeResult(result: UpdateSettingsFlowResult): string[] {
  const head = `kind: ${result.kind} · status ${result.status} · Set-Cookie: ${cookieNames(result.setCookie)}`
  switch (result.kind) {
    case 'flow':
    case 'invalid':
      return [head, ...describeFlow(result.flow)]
    case 'redirect':
      return [head, `send the browser to: ${result.location ?? '(unknown: opaque redirect)'}`]
    case 'error': {
      const error = result.error
      const next = error.id === 'session_aal2_required' ? [`redirectBrowserTo: ${error.redirectBrowserTo}`] : []
      return [head, `error.id: ${error.id} (typed)`, `message: ${error.message}`, ...next]
    }
    case 'unexpected':
      return [head, `problem: ${result.error.problem} · id: ${result.error.id}`, `message: ${result.error.message}`]
    default: {
      const unreachable: never = result
      return unreachable
    }
  }
}
