import { describe, expect, test } from 'vitest'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { kratosAnswering, unexpectedOf } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const APP = 'https://app.example.com/settings'

describe('a 200 body must be a settings flow; the message says what is wrong', () => {
  const flow = makeSettingsFlow() as unknown as Record<string, any>
  const shapeProblem = async (body: unknown) => {
    const { kratos } = kratosAnswering(() => Response.json(body))
    const error = unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))
    expect(error.problem).toBe('invalid_shape')
    return error.message.replace('Kratos answered 200 but the body is not a settings flow: ', '')
  }
  const ui = (fields: Record<string, unknown>) => ({ ...flow, ui: { ...flow['ui'], ...fields } })

  test.each([
    ['an array', [flow], 'the body is not a JSON object'],
    ['a numeric id', { ...flow, id: 42 }, 'id is not a string'],
    ['no issued_at', { ...flow, issued_at: undefined }, 'issued_at is not a string'],
    ['no state', { ...flow, state: undefined }, 'state is missing'],
    ['a null state', { ...flow, state: null }, 'state is missing'],
    ['an identity without id', { ...flow, identity: { traits: {} } }, 'identity.id is not a string'],
    ['no ui', { ...flow, ui: undefined }, 'ui is not an object'],
    ['a numeric ui.method', ui({ method: 1 }), 'ui.method is not a string'],
    ['an object continue_with', { ...flow, continue_with: {} }, 'continue_with is not an array'],
    ['a continue_with item without action', { ...flow, continue_with: [{ action: 'redirect_browser_to', redirect_browser_to: APP }, {}] }, 'continue_with[1].action is not a string'],
    ['an object ui.nodes', ui({ nodes: {} }), 'ui.nodes is not an array'],
    ['a node that is a number', ui({ nodes: [flow['ui'].nodes[0], 7] }), 'ui.nodes[1] is not an object'],
    ['a node without type', ui({ nodes: [{ attributes: {} }] }), 'ui.nodes[0].type is not a string'],
    ['a node without attributes', ui({ nodes: [{ type: 'input' }] }), 'ui.nodes[0].attributes is not an object'],
  ])('%s', async (_, body, problem) => {
    expect(await shapeProblem(body)).toBe(problem)
  })

  test('null continue_with, null ui.nodes and nodes without messages are a flow, with [] filled in', async () => {
    const node = { type: 'input', group: 'default', attributes: { name: 'x', type: 'text' }, meta: {} }
    const { kratos } = kratosAnswering(() => Response.json({ ...flow, continue_with: null, ui: { ...flow['ui'], nodes: [node] } }))
    const result = await kratos.getSettingsFlow(FLOW_ID)
    expect(result.kind === 'flow' && result.flow.ui.nodes[0]!.messages).toEqual([])
    const empty = kratosAnswering(() => Response.json(ui({ nodes: null })))
    const other = await empty.kratos.getSettingsFlow(FLOW_ID)
    expect(other.kind === 'flow' && other.flow.ui.nodes).toEqual([])
  })
})
