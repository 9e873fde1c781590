import type { SettingsFlowResult } from '../../src/index.js'

const cookieNames = (setCookie: string[]) =>
  setCookie.length === 0 ? 'none' : setCookie.map((cookie) => cookie.split('=')[0]).join(', ')

/** The typed result of a call, as a few readable lines. */
export function describeResult(result: SettingsFlowResult): string[] {
  const head = `kind: ${result.kind} · status ${result.status} · Set-Cookie: ${cookieNames(result.setCookie)}`
  switch (result.kind) {
    case 'flow': {
      const groups = [...new Set(result.flow.ui.nodes.map((node) => node.group))].join(', ')
      return [head, `flow ${result.flow.id}, state ${result.flow.state}, ${result.flow.ui.nodes.length} UI nodes (${groups})`, `form: ${result.flow.ui.method} ${result.flow.ui.action}`]
    }
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
