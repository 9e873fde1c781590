import { describe, expect, test } from 'vitest'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { parseSettingsFlow } from '../../../src/response/parse-flow.js'

// A hostile upstream's flow that a page would render: `{message.text}`, `<form action={flow.ui.action}>`,
// a link to `flow.return_to`. What would throw while rendering, or run script, is not a flow.
const variant = (change: (flow: Record<string, any>) => void) => {
  const flow = structuredClone(makeSettingsFlow()) as unknown as Record<string, any>
  change(flow)
  return parseSettingsFlow(flow)
}

describe('the runtime check refuses what a page cannot render safely', () => {
  test.each([
    ['a UI message whose text is a number', (flow: Record<string, any>) => (flow['ui'].messages = [{ id: 1, type: 'info', text: 42 }]), 'ui.messages[0].text is not a string'],
    [
      'a node message whose text is an object',
      (flow: Record<string, any>) => (flow['ui'].nodes[1].messages = [{ id: 1, type: 'error', text: { toString: 'x' } }]),
      'ui.nodes[1].messages[0].text is not a string',
    ],
    ['a label without text', (flow: Record<string, any>) => (flow['ui'].nodes[1].meta = { label: { id: 1, type: 'info' } }), 'ui.nodes[1].meta.label.text is not a string'],
    ['a javascript: form action', (flow: Record<string, any>) => (flow['ui'].action = 'javascript:alert(document.cookie)'), 'ui.action is not an http(s) URL'],
    ['a form action spelled to slip past a check', (flow: Record<string, any>) => (flow['ui'].action = ' \tJaVa\nScRiPt:alert(1)'), 'ui.action is not an http(s) URL'],
    ['a data: return_to', (flow: Record<string, any>) => (flow['return_to'] = 'data:text/html,<script>alert(1)</script>'), 'return_to is not an http(s) URL'],
  ])('%s', (_name, change, problem) => {
    expect(variant(change)).toEqual({ ok: false, problem: 'invalid_shape', detail: problem })
  })

  test('keeps what Kratos sends and what its document allows: http(s) and relative URLs, a label-less node', () => {
    expect(variant((flow) => (flow['ui'].action = '/self-service/settings?flow=x')).ok).toBe(true)
    expect(variant((flow) => (flow['return_to'] = '/settings')).ok).toBe(true)
    expect(variant((flow) => (flow['return_to'] = 'https://app.example/settings')).ok).toBe(true)
    expect(variant((flow) => (flow['ui'].nodes[1].meta = { label: null })).ok).toBe(true)
    expect(variant((flow) => (flow['ui'].nodes[1].meta = {})).ok).toBe(true)
    // Kratos' document lets ui.nodes be absent or null: no nodes.
    expect(variant((flow) => delete flow['ui'].nodes)).toMatchObject({ ok: true, value: { ui: { nodes: [] } } })
    expect(variant((flow) => (flow['ui'].nodes = null))).toMatchObject({ ok: true, value: { ui: { nodes: [] } } })
  })
})
