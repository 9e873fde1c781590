import { describe, expect, test } from 'vitest'
import { failed, parsed } from '../../../src/utils/parsed.js'

describe('parsed and failed', () => {
  test('a value, or a problem with its detail only when there is one', () => {
    expect(parsed(3)).toEqual({ ok: true, value: 3 })
    expect(failed('not_json')).toStrictEqual({ ok: false, problem: 'not_json' })
    expect(failed('not_json', 'x')).toStrictEqual({ ok: false, problem: 'not_json', detail: 'x' })
  })
})
