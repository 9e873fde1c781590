import { describe, expectTypeOf, test } from 'vitest'
import { isKratosError, unwrapFlow, type KnownErrorId, type KnownKratosError, type NextStep, type SettingsFlow, type SettingsFlowResult, type UnexpectedResponseError } from '../../../src/index.js'

declare const result: SettingsFlowResult

describe('SettingsFlowResult', () => {
  test('status and setCookie exist on every kind, without narrowing', () => {
    expectTypeOf(result.status).toEqualTypeOf<number>()
    expectTypeOf(result.setCookie).toEqualTypeOf<string[]>()
    expectTypeOf(result.kind).toEqualTypeOf<'flow' | 'redirect' | 'error' | 'unexpected'>()
  })

  test('narrowing on kind gives each variant its own field', () => {
    if (result.kind === 'flow') expectTypeOf(result.flow).toEqualTypeOf<SettingsFlow>()
    if (result.kind === 'redirect') expectTypeOf(result.location).toEqualTypeOf<string | null>()
    if (result.kind === 'error') expectTypeOf(result.error).toEqualTypeOf<KnownKratosError>()
    if (result.kind === 'unexpected') {
      expectTypeOf(result.error).toEqualTypeOf<UnexpectedResponseError>()
      expectTypeOf(result.error.id).toEqualTypeOf<string>()
    }
    // @ts-expect-error a flow is only there after narrowing
    void result.flow
  })

  test('narrowing on error.id types the payload, without a cast', () => {
    if (result.kind !== 'error') return
    expectTypeOf(result.error.id).toEqualTypeOf<KnownErrorId>()
    if (result.error.id === 'session_aal2_required') {
      expectTypeOf(result.error.redirectBrowserTo).toEqualTypeOf<string>()
    }
    if (result.error.id === 'session_refresh_required' || result.error.id === 'browser_location_change_required') {
      expectTypeOf(result.error.redirectBrowserTo).toEqualTypeOf<string>()
    }
    if (result.error.id === 'self_service_flow_replaced') expectTypeOf(result.error.useFlowId).toEqualTypeOf<string>()
    if (result.error.id === 'self_service_flow_expired') {
      expectTypeOf(result.error.useFlowId).toEqualTypeOf<string | undefined>()
      expectTypeOf(result.error.expiredAt).toEqualTypeOf<string | undefined>()
    }
    if (result.error.id === 'self_service_flow_expired') {
      expectTypeOf(result.error.redirectTo).toEqualTypeOf<string | undefined>()
      expectTypeOf(result.error.returnTo).toEqualTypeOf<string | undefined>()
    }
    if (result.error.id === 'session_inactive') {
      // Only a browser-mode 302 names where Kratos sent the browser.
      expectTypeOf(result.error.redirectBrowserTo).toEqualTypeOf<string | undefined>()
    }
    if (result.error.id === 'self_service_flow_not_found') {
      // @ts-expect-error an unknown flow has no payload
      void result.error.useFlowId
    }
    // @ts-expect-error not a known id
    if (result.error.id === 'no_such_id') return
  })

  test('an exhaustive switch over kind compiles with a never default', () => {
    function describeResult(value: SettingsFlowResult): string {
      switch (value.kind) {
        case 'flow':
          return value.flow.id
        case 'redirect':
          return value.location ?? ''
        case 'error':
          return value.error.id
        case 'unexpected':
          return value.error.problem
        default: {
          const unreachable: never = value
          return unreachable
        }
      }
    }
    expectTypeOf(describeResult).returns.toEqualTypeOf<string>()
  })

  test('a switch that leaves a kind out stops compiling', () => {
    function describeResult(value: SettingsFlowResult): string {
      switch (value.kind) {
        case 'flow':
        case 'redirect':
        case 'error':
          return value.kind
        default: {
          // @ts-expect-error 'unexpected' is not handled, so value is not never
          const unreachable: never = value
          return unreachable
        }
      }
    }
    expectTypeOf(describeResult).returns.toEqualTypeOf<string>()
  })
})

describe('isKratosError and unwrapFlow', () => {
  test('isKratosError with an id narrows unknown to that error with its payload', () => {
    const caught: unknown = undefined
    if (isKratosError(caught, 'session_aal2_required')) {
      expectTypeOf(caught.redirectBrowserTo).toEqualTypeOf<string>()
      expectTypeOf(caught.id).toEqualTypeOf<'session_aal2_required'>()
      expectTypeOf(caught.status).toEqualTypeOf<number>()
    }
    if (isKratosError(caught)) expectTypeOf(caught.id).toEqualTypeOf<string>()
    // @ts-expect-error only known ids are accepted
    isKratosError(caught, 'no_such_id')
  })

  test('unwrapFlow returns a SettingsFlow', () => {
    expectTypeOf(unwrapFlow).returns.toEqualTypeOf<SettingsFlow>()
  })

  test('UI node attributes narrow by node_type', () => {
    const node = ({} as SettingsFlow).ui.nodes[0]
    if (node?.attributes.node_type === 'input') expectTypeOf(node.attributes.name).toEqualTypeOf<string>()
    if (node?.attributes.node_type === 'img') expectTypeOf(node.attributes.src).toEqualTypeOf<string>()
  })
})

describe('NextStep', () => {
  test('an exhaustive switch over type compiles with a never default, verify included, and each step has its fields', () => {
    function describeStep(step: NextStep): string {
      switch (step.type) {
        case 'render':
          return String(step.invalid) + step.continueWith.length
        case 'verify':
          return step.address + step.verificationFlowId + (step.url ?? '')
        case 'success':
          return step.redirectTo ?? ''
        case 'redirect':
          return step.url
        case 'error':
          return step.error.id
        default: {
          const unreachable: never = step
          return unreachable
        }
      }
    }
    expectTypeOf(describeStep).returns.toEqualTypeOf<string>()
  })

  test('a switch without verify stops compiling', () => {
    function describeStep(step: NextStep): string {
      switch (step.type) {
        case 'render':
        case 'success':
        case 'redirect':
        case 'error':
          return step.type
        default: {
          // @ts-expect-error 'verify' is not handled, so step is not never
          const unreachable: never = step
          return unreachable
        }
      }
    }
    expectTypeOf(describeStep).returns.toEqualTypeOf<string>()
  })
})
