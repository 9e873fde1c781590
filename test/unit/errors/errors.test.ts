import { describe, expect, test, vi } from 'vitest'
import { isKratosError, KratosArgumentError, KratosError, KratosNetworkError, KratosSettingsError, KratosTimeoutError, UnexpectedResponseError } from '../../../src/index.js'

const known = new KratosError({ status: 401, id: 'session_inactive', message: 'm', body: {} })
const unexpected = new UnexpectedResponseError({ status: 403, id: 'session_inactive', problem: 'invalid_shape', message: 'm', body: {} })
const network = new KratosNetworkError('GET', 'u', undefined)
const timeout = new KratosTimeoutError('GET', 'u', 1)
const argument = new KratosArgumentError('bad')

// A second copy of the package, as when its ESM and CJS builds are both loaded: other classes, same names.
vi.resetModules()
const copy = await import('../../../src/index.js')

describe('one base class', () => {
  test('every error of the package is a KratosSettingsError and an Error, with its own name', () => {
    for (const [error, name] of [
      [known, 'KratosError'],
      [unexpected, 'UnexpectedResponseError'],
      [network, 'KratosNetworkError'],
      [timeout, 'KratosTimeoutError'],
      [argument, 'KratosArgumentError'],
    ] as const) {
      expect(error).toBeInstanceOf(KratosSettingsError)
      expect(error).toBeInstanceOf(Error)
      expect(error.name).toBe(name)
      expect(String(error)).toBe(`${name}: ${error.message}`)
      expect(error.stack?.startsWith(`${name}: `)).toBe(true)
    }
  })

  test('instanceof holds only along the class hierarchy', () => {
    expect(unexpected).toBeInstanceOf(KratosError)
    expect(known).not.toBeInstanceOf(UnexpectedResponseError)
    expect(timeout).not.toBeInstanceOf(KratosNetworkError)
    expect(argument).not.toBeInstanceOf(KratosError)
    for (const value of [undefined, null, 'KratosError', 42, { name: 'KratosError' }, new Error('x'), Object.assign(new Error('x'), { name: 'KratosError' })]) {
      expect(value instanceof KratosSettingsError).toBe(false)
      expect(value instanceof KratosError).toBe(false)
    }
  })

  test('instanceof is false for the classes themselves and for look-alikes; a subclass of a user is plain instanceof', () => {
    expect(UnexpectedResponseError instanceof KratosError).toBe(false)
    expect(KratosError instanceof KratosSettingsError).toBe(false)
    expect(isKratosError(UnexpectedResponseError)).toBe(false)
    expect(isKratosError(Object.create({ name: 'KratosError' }))).toBe(false)
    class MyNetworkError extends KratosNetworkError {}
    const mine = new MyNetworkError('GET', 'u', undefined)
    expect(mine).toBeInstanceOf(MyNetworkError)
    expect(mine).toBeInstanceOf(KratosNetworkError)
    expect(network).not.toBeInstanceOf(MyNetworkError)
  })

  test('name is an own, enumerable property, so JSON and spreads keep it', () => {
    // Built here rather than at the top of the file, so that mutation testing sees this test cover the constructor.
    expect(JSON.parse(JSON.stringify(new KratosTimeoutError('GET', 'u', 1)))).toEqual({ name: 'KratosTimeoutError', method: 'GET', url: 'u', timeout: 1 })
    const error = new KratosError({ status: 401, id: 'session_inactive', message: 'm', body: {} })
    expect(Object.getOwnPropertyDescriptor(error, 'name')).toEqual({ value: 'KratosError', enumerable: true, writable: true, configurable: true })
    expect({ ...new KratosArgumentError('bad') }.name).toBe('KratosArgumentError')
    expect(new KratosNetworkError('GET', 'u', new Error('reset')).message).toBe('Could not reach Kratos (GET u): reset')
    expect(new KratosNetworkError('GET', 'u', 'not an Error').message).toBe('Could not reach Kratos (GET u)')
  })

  test('instanceof works across two copies of the package, both ways', () => {
    expect(copy.KratosError).not.toBe(KratosError)
    const foreign = new copy.UnexpectedResponseError({ status: 500, problem: 'not_json', message: 'm', body: '' })
    expect(foreign).toBeInstanceOf(UnexpectedResponseError)
    expect(foreign).toBeInstanceOf(KratosError)
    expect(foreign).toBeInstanceOf(KratosSettingsError)
    expect(foreign).not.toBeInstanceOf(KratosTimeoutError)
    expect(new copy.KratosTimeoutError('GET', 'u', 1)).toBeInstanceOf(KratosTimeoutError)
    expect(new copy.KratosArgumentError('bad')).toBeInstanceOf(KratosArgumentError)
    expect(timeout).toBeInstanceOf(copy.KratosTimeoutError)
    expect(known).toBeInstanceOf(copy.KratosError)
    expect(known).not.toBeInstanceOf(copy.UnexpectedResponseError)
  })
})

describe('isKratosError', () => {
  test('is true for known and unexpected response errors', () => {
    expect(isKratosError(known)).toBe(true)
    expect(isKratosError(unexpected)).toBe(true)
  })

  test('with an id, is true only for that known error, never for an unexpected one with the same raw id', () => {
    expect(isKratosError(known, 'session_inactive')).toBe(true)
    expect(isKratosError(known, 'session_aal2_required')).toBe(false)
    expect(isKratosError(unexpected, 'session_inactive')).toBe(false)
  })

  test('recognises errors from another copy of the package', () => {
    expect(isKratosError(new copy.KratosError({ status: 401, id: 'session_inactive', message: 'm', body: {} }), 'session_inactive')).toBe(true)
    expect(copy.isKratosError(unexpected)).toBe(true)
    expect(copy.isKratosError(unexpected, 'session_inactive')).toBe(false)
  })

  test('is false for anything else', () => {
    for (const value of [undefined, null, 'KratosError', { name: 'KratosError' }, new Error('x'), timeout, network, argument]) {
      expect(isKratosError(value)).toBe(false)
    }
  })
})
