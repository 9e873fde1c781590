import { describe, expect, test } from 'vitest'
import { KratosError, UnexpectedResponseError, unwrapFlow, type SettingsFlowResult } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'

const base = { status: 200, setCookie: [] }

describe('unwrapFlow', () => {
  test('returns the flow of a flow result', () => {
    const flow = makeSettingsFlow()
    expect(unwrapFlow({ ...base, kind: 'flow', flow })).toBe(flow)
  })

  test('throws the error of an error or unexpected result, as it is', () => {
    const error = Object.assign(new KratosError({ status: 401, id: 'session_inactive' as const, message: 'm', body: {} }), {})
    expect(() => unwrapFlow({ ...base, status: 401, kind: 'error', error })).toThrow(error)
    const unexpected = new UnexpectedResponseError({ status: 502, id: 'unexpected_response', problem: 'not_json', message: 'm', body: '' })
    expect(() => unwrapFlow({ ...base, status: 502, kind: 'unexpected', error: unexpected })).toThrow(unexpected)
  })

  test('throws an UnexpectedResponseError naming the target for a redirect', () => {
    const result: SettingsFlowResult = { ...base, status: 303, kind: 'redirect', location: 'https://app.example.com/ui' }
    expect(() => unwrapFlow(result)).toThrow(UnexpectedResponseError)
    expect(() => unwrapFlow(result)).toThrow('https://app.example.com/ui')
  })
})
