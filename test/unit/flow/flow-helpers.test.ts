import { describe, expect, test } from 'vitest'
import { getCsrfToken, getFlowMessages, groupNodes, isNodeType, type UiNode } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'

const text = (id: number, type: 'info' | 'error' | 'success', message: string) => ({ id, type, text: message })

describe('getCsrfToken', () => {
  test('returns the value of the hidden csrf_token input', () => {
    expect(getCsrfToken(makeSettingsFlow())).toBe('Mh8bPcVnWb2ZFVwzG9Rc4pW3xJ7kQe1aT0sYd5uLfHo=')
  })

  test('returns undefined for a flow without one', () => {
    const flow = makeSettingsFlow()
    flow.ui.nodes = flow.ui.nodes.filter((node) => !(isNodeType(node, 'input') && node.attributes.name === 'csrf_token'))
    expect(getCsrfToken(flow)).toBeUndefined()
  })
})

describe('groupNodes', () => {
  test('groups nodes by group, groups in first-seen order, nodes in document order', () => {
    const flow = makeSettingsFlow()
    const groups = groupNodes(flow)
    expect([...groups.keys()]).toEqual(['default', 'profile', 'password', 'oidc', 'lookup_secret', 'webauthn', 'passkey', 'totp'])
    expect(groups.get('profile')?.map((node) => isNodeType(node, 'input') && node.attributes.name)).toEqual(['traits.email', 'traits.name.first', 'traits.name.last', 'method'])
    expect([...groups.values()].flat()).toEqual(flow.ui.nodes)
  })
})

describe('getFlowMessages', () => {
  test('lists flow-level messages first, then each node’s, in document order, with ids and types', () => {
    const flow = makeSettingsFlow()
    flow.ui.messages = [text(1050001, 'success', 'Your changes have been saved!')]
    flow.ui.nodes[1]!.messages = [text(4000001, 'error', 'is not valid "email"')]
    flow.ui.nodes[5]!.messages = [text(4000005, 'error', 'too short'), text(1050002, 'info', 'hint')]
    expect(getFlowMessages(flow)).toEqual([
      { message: flow.ui.messages[0], node: undefined },
      { message: flow.ui.nodes[1]!.messages[0], node: flow.ui.nodes[1] },
      { message: flow.ui.nodes[5]!.messages[0], node: flow.ui.nodes[5] },
      { message: flow.ui.nodes[5]!.messages[1], node: flow.ui.nodes[5] },
    ])
  })

  test('is empty for a flow without messages', () => {
    expect(getFlowMessages(makeSettingsFlow())).toEqual([])
  })
})

describe('isNodeType', () => {
  const nodes: UiNode[] = [
    { type: 'input', group: 'default', attributes: { node_type: 'input', name: 'csrf_token', type: 'hidden', disabled: false }, messages: [], meta: {} },
    { type: 'text', group: 'totp', attributes: { node_type: 'text', id: 'totp_secret_key', text: text(1050006, 'info', 'SECRET') }, messages: [], meta: {} },
    { type: 'img', group: 'totp', attributes: { node_type: 'img', id: 'totp_qr', src: 'data:image/png;base64,', width: 256, height: 256 }, messages: [], meta: {} },
    { type: 'a', group: 'oidc', attributes: { node_type: 'a', id: 'link', href: 'https://example.com', title: text(1, 'info', 'Link') }, messages: [], meta: {} },
    {
      type: 'script',
      group: 'webauthn',
      attributes: {
        node_type: 'script',
        id: 'webauthn_script',
        src: '/webauthn.js',
        async: true,
        referrerpolicy: 'no-referrer',
        crossorigin: 'anonymous',
        integrity: 'sha512-x',
        type: 'text/javascript',
        nonce: 'n',
      },
      messages: [],
      meta: {},
    },
    { type: 'div', group: 'captcha', attributes: { node_type: 'div', id: 'captcha' }, messages: [], meta: {} },
  ]

  test.each(['input', 'text', 'img', 'a', 'script', 'div'] as const)('picks the %s node and no other', (type) => {
    expect(nodes.filter((node) => isNodeType(node, type)).map((node) => node.attributes.node_type)).toEqual([type])
  })
})
