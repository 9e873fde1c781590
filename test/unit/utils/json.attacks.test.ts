import { describe, expect, test } from 'vitest'
import { asString, isJsonObject, MAX_JSON_DEPTH, MAX_JSON_VALUES, parseJson } from '../../../src/utils/json.js'

const TOO_COMPLEX = { ok: false, problem: 'body_too_complex' }
const NOT_JSON = { ok: false, problem: 'not_json' }
const valueOf = (text: string): unknown => {
  const parsed = parseJson(text)
  return parsed.ok ? parsed.value : parsed
}

// The structural pre-check (fast cases; structure.test.ts measures memory per shape).
describe('parseJson counts structure before it parses', () => {
  test('depth: the limit passes, one more is too complex; brackets inside strings do not count', () => {
    expect(parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).not.toEqual(TOO_COMPLEX)
    expect(parseJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toEqual(TOO_COMPLEX)
    expect(valueOf(`["${'['.repeat(500)}", "\\"${'{'.repeat(500)}"]`)).toEqual(['['.repeat(500), `"${'{'.repeat(500)}`])
    // Closing brackets bring the depth back: many shallow siblings are fine.
    expect(parseJson(`[${'[[]],'.repeat(1000)}[]]`)).not.toEqual(TOO_COMPLEX)
    expect(parseJson(`[${'{"a":{}},'.repeat(1000)}{}]`)).not.toEqual(TOO_COMPLEX)
  })

  test('values: objects, arrays and members count up to the limit', () => {
    // The array and each comma: `[1,1]` counts 2.
    expect(parseJson(`[${'1,'.repeat(MAX_JSON_VALUES - 1)}1]`)).not.toEqual(TOO_COMPLEX)
    expect(parseJson(`[${'1,'.repeat(MAX_JSON_VALUES)}1]`)).toEqual(TOO_COMPLEX)
    expect(parseJson(`[${'{},'.repeat(MAX_JSON_VALUES / 2 - 1)}{}]`)).not.toEqual(TOO_COMPLEX)
    expect(parseJson(`[${'{},'.repeat(MAX_JSON_VALUES / 2)}{}]`)).toEqual(TOO_COMPLEX)
    expect(parseJson(`{"a":[${'[],'.repeat(MAX_JSON_VALUES / 2)}[]]}`)).toEqual(TOO_COMPLEX)
  })

  test('text that is not JSON is still not JSON, also with an unterminated string', () => {
    expect(parseJson('<html>')).toEqual(NOT_JSON)
    expect(parseJson('["abc')).toEqual(NOT_JSON)
    expect(parseJson(`["abc${'['.repeat(100)}`)).toEqual(NOT_JSON)
  })

  test('a quote after an odd number of backslashes stays inside the string, after an even number it ends it', () => {
    // Inside: the brackets after \" are text, so 100 of them are not nesting.
    expect(valueOf(`["a\\"${'['.repeat(100)}"]`)).toEqual([`a"${'['.repeat(100)}`])
    expect(valueOf(`["a\\\\\\"${'['.repeat(100)}"]`)).toEqual([`a\\"${'['.repeat(100)}`])
    // Ended: an escaped backslash, then the quote closes the string and the brackets count.
    expect(parseJson(`["a\\\\",${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}]`)).toEqual(TOO_COMPLEX)
    expect(valueOf(`["a\\\\",${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}]`)).toEqual(['a\\', expect.anything()])
  })

  test('braces count like brackets, and closing either brings the depth back', () => {
    expect(parseJson('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1))).toEqual(TOO_COMPLEX)
    expect(parseJson('{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH))).not.toEqual(TOO_COMPLEX)
    // 62 levels, then 200 siblings each opening two more: only closing keeps them within 64.
    const outer = MAX_JSON_DEPTH - 2
    expect(parseJson(`${'['.repeat(outer)}${'{"a":[]},'.repeat(200)}{}${']'.repeat(outer)}`)).not.toEqual(TOO_COMPLEX)
  })

  test('commas count as values on their own: a flat object beyond the limit is too complex', () => {
    expect(parseJson(`{${Array.from({ length: MAX_JSON_VALUES }, (_, index) => `"k${index}":0`).join(',')}}`)).not.toEqual(TOO_COMPLEX)
    expect(parseJson(`{${Array.from({ length: MAX_JSON_VALUES + 1 }, (_, index) => `"k${index}":0`).join(',')}}`)).toEqual(TOO_COMPLEX)
  })
})

test('asString and isJsonObject take only what they name', () => {
  expect([asString('a'), asString(1), asString(null), asString({})]).toEqual(['a', undefined, undefined, undefined])
  expect([isJsonObject({}), isJsonObject([]), isJsonObject(null), isJsonObject('x')]).toEqual([true, false, false, false])
})
