import { describe, expect, test } from 'vitest'
import { BOOLEAN_FIELDS, decodedValue, METHOD_TRIGGERS, parseGoBool, SETTINGS_FORM_FIELDS, UNSAFE_KEYS } from '../../../src/kratos/form.js'

describe("Kratos' form decoder", () => {
  test("parseGoBool takes Go's spellings and nothing else", () => {
    for (const text of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseGoBool(text)).toBe(true)
    for (const text of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseGoBool(text)).toBe(false)
    for (const text of ['', 'yes', 'on', 'tRUE', ' true', 'true ', '2']) expect(parseGoBool(text)).toBeUndefined()
  })

  test('text takes the first value, a boolean the last; an empty value is none', () => {
    expect(decodedValue(['a', 'b'], 'text')).toBe('a')
    expect(decodedValue(['false', 'true'], 'boolean')).toBe('true')
    expect(decodedValue(['', 'b'], 'text')).toBeUndefined()
    expect(decodedValue(undefined, 'boolean')).toBeUndefined()
  })

  test('the boolean fields are the ones the table marks so', () => {
    expect([...BOOLEAN_FIELDS].sort()).toEqual(['lookup_secret_confirm', 'lookup_secret_disable', 'lookup_secret_regenerate', 'lookup_secret_reveal', 'totp_unlink'])
  })

  test("every trigger is a field of its method's body", () => {
    for (const [method, triggers] of Object.entries(METHOD_TRIGGERS))
      for (const name of triggers) expect(Object.keys(SETTINGS_FORM_FIELDS[method as keyof typeof SETTINGS_FORM_FIELDS])).toContain(name)
  })

  test('the unsafe keys are the ones that reach Object.prototype', () => {
    expect([...UNSAFE_KEYS].sort()).toEqual(['__proto__', 'constructor', 'prototype'])
  })
})
