import { describe, expect, test } from 'vitest'
import { KratosArgumentError, parseSettingsForm } from '../../../src/index.js'

// A hostile form is refused before parseSettingsForm builds anything from it, within the bounds
// updateSettingsFlow would refuse it by anyway (before: a 4 MB form cost +179 MB and 382 ms).
describe('parseSettingsForm refuses an oversized form early', () => {
  test('more than 100,000 fields', () => {
    const form = new URLSearchParams()
    for (let index = 0; index <= 100_000; index++) form.append('traits.a', 'x')
    expect(() => parseSettingsForm(form)).toThrow(new KratosArgumentError('parseSettingsForm: the form has more than 100000 fields'))
  })

  test('more than 4 Mi characters, in one value or many', () => {
    const one = new URLSearchParams({ method: 'profile', 'traits.email': 'x'.repeat(4 * 1024 * 1024) })
    expect(() => parseSettingsForm(one)).toThrow('parseSettingsForm: the form holds more than 4194304 characters')
    const many = new URLSearchParams()
    for (let index = 0; index < 5; index++) many.append(`traits.f${index}`, 'y'.repeat(1024 * 1024))
    expect(() => parseSettingsForm(many)).toThrow(KratosArgumentError)
  })

  test('a form just inside the bounds is read', () => {
    const form = new URLSearchParams({ method: 'profile', 'traits.email': 'a@example.com', 'traits.bio': 'z'.repeat(4 * 1024 * 1024 - 200) })
    expect(parseSettingsForm(form)).toMatchObject({ method: 'profile', traits: { email: 'a@example.com' } })
  })
})
