import { describe, expect, test } from 'vitest'
import { deepFreeze } from '../../../src/mock/frozen.js'

describe('deepFreeze', () => {
  test('freezes every level, and returns the value', () => {
    const value = { a: { b: [{ c: 1 }] } }
    expect(deepFreeze(value)).toBe(value)
    expect([Object.isFrozen(value), Object.isFrozen(value.a), Object.isFrozen(value.a.b), Object.isFrozen(value.a.b[0])]).toEqual([true, true, true, true])
  })

  test('leaves primitives, and survives a cycle', () => {
    expect(deepFreeze(1)).toBe(1)
    const cyclic: { self?: unknown } = {}
    cyclic.self = cyclic
    expect(Object.isFrozen(deepFreeze(cyclic))).toBe(true)
  })
})
