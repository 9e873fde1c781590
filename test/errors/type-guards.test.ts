import { describe, expect, test } from 'vitest'
import {
  isKratosArgumentError,
  isKratosError,
  isKratosNetworkError,
  isKratosTimeoutError,
  isUnexpectedResponseError,
  KratosArgumentError,
  KratosError,
  KratosNetworkError,
  KratosTimeoutError,
  UnexpectedResponseError,
} from '../../src/index.js'

const known = new KratosError({ status: 401, id: 'session_inactive', message: 'm', body: {} })
const unexpected = new UnexpectedResponseError({ status: 403, id: 'session_inactive', problem: 'invalid_shape', message: 'm', body: {} })

// What an error from a second copy of the package looks like: same name, another class.
function foreign(name: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('from another copy'), { name, ...fields })
}

describe('isKratosError', () => {
  test('is true for known and unexpected response errors, which are Errors', () => {
    expect(known).toBeInstanceOf(Error)
    expect(isKratosError(known)).toBe(true)
    expect(isKratosError(unexpected)).toBe(true)
  })

  test('with an id, is true only for that known error, never for an unexpected one with the same raw id', () => {
    expect(isKratosError(known, 'session_inactive')).toBe(true)
    expect(isKratosError(known, 'session_aal2_required')).toBe(false)
    expect(isKratosError(unexpected, 'session_inactive')).toBe(false)
  })

  test('recognises errors from another copy of the package by name', () => {
    expect(isKratosError(foreign('KratosError', { id: 'session_inactive', status: 401 }), 'session_inactive')).toBe(true)
    expect(isKratosError(foreign('UnexpectedResponseError'))).toBe(true)
  })

  test('is false for anything else', () => {
    for (const value of [undefined, null, 'KratosError', { name: 'KratosError' }, new Error('x'), new KratosTimeoutError('GET', 'u', 1)]) {
      expect(isKratosError(value)).toBe(false)
    }
  })
})

describe('the guards for thrown errors', () => {
  test.each([
    ['isKratosNetworkError', isKratosNetworkError, new KratosNetworkError('GET', 'u', undefined), 'KratosNetworkError'],
    ['isKratosTimeoutError', isKratosTimeoutError, new KratosTimeoutError('GET', 'u', 1), 'KratosTimeoutError'],
    ['isKratosArgumentError', isKratosArgumentError, new KratosArgumentError('bad'), 'KratosArgumentError'],
    ['isUnexpectedResponseError', isUnexpectedResponseError, unexpected, 'UnexpectedResponseError'],
  ] as const)('%s accepts its class and its name, and nothing else', (_, guard, instance, name) => {
    expect(guard(instance)).toBe(true)
    expect(guard(foreign(name))).toBe(true)
    expect(guard(new Error('x'))).toBe(false)
    expect(guard(known)).toBe(false)
  })
})
