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

  test("throws an UnexpectedResponseError naming the target's origin for a redirect", () => {
    const result: SettingsFlowResult = { ...base, status: 303, kind: 'redirect', location: 'https://app.example.com/ui' }
    expect(() => unwrapFlow(result)).toThrow(UnexpectedResponseError)
    expect(() => unwrapFlow(result)).toThrow('Expected a settings flow, but Kratos redirected to https://app.example.com')
  })
})

describe('unwrapFlow on a redirect: a message safe to log', () => {
  const redirected = (location: string | null) => {
    try {
      unwrapFlow({ kind: 'redirect', status: 303, setCookie: [], location })
    } catch (error) {
      return error as UnexpectedResponseError
    }
    throw new Error('did not throw')
  }

  test('names the origin only, never the path, the query or the fragment', () => {
    const token = 'ory_st_c2Vzc2lvblRva2VuU2VjcmV0MTIzNDU2Nzg5'
    const cookie = 'MTc2MzY4ODAwMHxFY2hvZWRDb29raWVWYWx1ZTEyMw'
    const error = redirected(`https://kratos.example/self-service/${cookie}/login?session_token=${token}#${token}`)
    expect(error.message).toBe('Expected a settings flow, but Kratos redirected to https://kratos.example')
    expect(redirected('not a url').message).toBe('Expected a settings flow, but Kratos redirected to an unknown location')
  })
})
