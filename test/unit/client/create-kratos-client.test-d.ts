import { describe, expectTypeOf, test } from 'vitest'
import { createKratosClient, isNodeType, type ContinueWith, type SettingsFlow, type UiNode, type UiText, type UpdateSettingsFlowBody, type UpdateSettingsFlowResult } from '../../../src/index.js'

declare const result: UpdateSettingsFlowResult
declare const body: UpdateSettingsFlowBody
declare const node: UiNode
declare const flow: SettingsFlow
const kratos = createKratosClient({ baseUrl: 'https://auth.example.com' })

describe('UpdateSettingsFlowResult', () => {
  test('has a fifth kind, invalid, that carries the flow and is neither flow nor error', () => {
    expectTypeOf(result.kind).toEqualTypeOf<'flow' | 'redirect' | 'error' | 'unexpected' | 'invalid'>()
    if (result.kind === 'invalid') {
      expectTypeOf(result.flow).toEqualTypeOf<SettingsFlow>()
      // @ts-expect-error an invalid result has no error
      void result.error
    }
  })

  test('an exhaustive switch must handle invalid', () => {
    const describe = (value: UpdateSettingsFlowResult): string => {
      switch (value.kind) {
        case 'flow':
        case 'invalid':
          return value.flow.id
        case 'redirect':
          return value.location ?? ''
        case 'error':
        case 'unexpected':
          return value.error.id
        default: {
          const unreachable: never = value
          return unreachable
        }
      }
    }
    const forgetsInvalid = (value: UpdateSettingsFlowResult): string => {
      switch (value.kind) {
        case 'flow':
          return value.flow.id
        case 'redirect':
          return ''
        case 'error':
        case 'unexpected':
          return value.error.id
        default: {
          // @ts-expect-error 'invalid' is not handled, so value is not never
          const unreachable: never = value
          return unreachable
        }
      }
    }
    expectTypeOf(describe).returns.toEqualTypeOf<string>()
    expectTypeOf(forgetsInvalid).returns.toEqualTypeOf<string>()
  })

  test('an error has the typed payload of its id', () => {
    if (result.kind === 'error' && result.error.id === 'session_refresh_required') expectTypeOf(result.error.redirectBrowserTo).toEqualTypeOf<string>()
    if (result.kind === 'error' && result.error.id === 'browser_location_change_required') {
      expectTypeOf(result.error.redirectBrowserTo).toEqualTypeOf<string>()
    }
  })

  test('continue_with items narrow by action', () => {
    if (result.kind !== 'flow') return
    for (const item of result.flow.continue_with ?? []) {
      expectTypeOf(item).toEqualTypeOf<ContinueWith>()
      if (item.action === 'show_verification_ui') expectTypeOf(item.flow.verifiable_address).toEqualTypeOf<string>()
      if (item.action === 'redirect_browser_to') expectTypeOf(item.redirect_browser_to).toEqualTypeOf<string>()
      if (item.action === 'set_ory_session_token') expectTypeOf(item.ory_session_token).toEqualTypeOf<string>()
    }
  })
})

describe('UpdateSettingsFlowBody', () => {
  test('narrows by method', () => {
    if (body.method === 'password') expectTypeOf(body.password).toEqualTypeOf<string>()
    if (body.method === 'profile') expectTypeOf(body.traits).toEqualTypeOf<{ [key: string]: unknown }>()
    if (body.method === 'totp') expectTypeOf(body.totp_code).toEqualTypeOf<string | undefined>()
    expectTypeOf<UpdateSettingsFlowBody['method']>().toEqualTypeOf<'profile' | 'password' | 'totp' | 'webauthn' | 'lookup_secret' | 'oidc' | 'passkey' | 'saml'>()
  })

  test('updateSettingsFlow takes a body that fits its method, and rejects one that does not', () => {
    void kratos.updateSettingsFlow(flow, { method: 'password', password: 'correct horse' })
    void kratos.updateSettingsFlow('flow-id', { method: 'profile', traits: { email: 'ada@example.com' } }, 'cookie', { encoding: 'form' })
    // @ts-expect-error the password method needs a password
    void kratos.updateSettingsFlow(flow, { method: 'password' })
    // @ts-expect-error the profile method has no password field
    void kratos.updateSettingsFlow(flow, { method: 'profile', traits: {}, password: 'x' })
    // @ts-expect-error an unknown method
    void kratos.updateSettingsFlow(flow, { method: 'magic' })
  })
})

describe('isNodeType', () => {
  test('narrows a node by node_type with no cast', () => {
    if (isNodeType(node, 'input')) {
      expectTypeOf(node.attributes.name).toEqualTypeOf<string>()
      expectTypeOf(node.attributes.value).toEqualTypeOf<unknown>()
    }
    if (isNodeType(node, 'a')) expectTypeOf(node.attributes.href).toEqualTypeOf<string>()
    if (isNodeType(node, 'img')) expectTypeOf(node.attributes.src).toEqualTypeOf<string>()
    if (isNodeType(node, 'text')) expectTypeOf(node.attributes.text).toEqualTypeOf<UiText>()
    if (isNodeType(node, 'script')) expectTypeOf(node.attributes.integrity).toEqualTypeOf<string>()
    if (isNodeType(node, 'div')) expectTypeOf(node.attributes.id).toEqualTypeOf<string>()
    // @ts-expect-error only the six node types
    isNodeType(node, 'button')
  })

  test('filters an array to one node type', () => {
    const inputs = flow.ui.nodes.filter((item) => isNodeType(item, 'input'))
    expectTypeOf(inputs[0]!.attributes.name).toEqualTypeOf<string>()
  })
})
