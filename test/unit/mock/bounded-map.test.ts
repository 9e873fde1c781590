import { expect, test } from 'vitest'
import { BoundedMap } from '../../../src/mock/bounded-map.js'

test('keeps the newest entries up to its limit; replacing a key drops nothing', () => {
  const map = new BoundedMap<string, number>(3)
  for (const [index, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, index)
  expect([...map.keys()]).toEqual(['b', 'c', 'd'])
  map.set('c', 9)
  expect([...map]).toEqual([
    ['b', 1],
    ['c', 9],
    ['d', 3],
  ])
})
