import { describe, expect, test } from 'vitest'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { findInput, isNodeType } from '../../../src/utils/ui-nodes.js'

describe('UI nodes', () => {
  const flow = makeSettingsFlow()

  test('isNodeType tells node types apart', () => {
    const types = new Set(flow.ui.nodes.map((node) => node.attributes.node_type))
    for (const type of types) expect(flow.ui.nodes.filter((node) => isNodeType(node, type)).length).toBe(flow.ui.nodes.filter((node) => node.attributes.node_type === type).length)
    const input = flow.ui.nodes.find((node) => node.attributes.node_type === 'input')!
    expect([isNodeType(input, 'input'), isNodeType(input, 'text'), isNodeType(input, 'script')]).toEqual([true, false, false])
  })

  test('findInput finds the first input of a name, and only an input', () => {
    expect(findInput(flow, 'csrf_token')?.attributes.type).toBe('hidden')
    expect(findInput(flow, 'no_such_field')).toBeUndefined()
    const twice = { ui: { ...flow.ui, nodes: [...flow.ui.nodes, { ...findInput(flow, 'csrf_token')!, attributes: { ...findInput(flow, 'csrf_token')!.attributes, value: 'second' } }] } }
    expect(findInput(twice, 'csrf_token')?.attributes.value).toBe(findInput(flow, 'csrf_token')?.attributes.value)
  })
})
