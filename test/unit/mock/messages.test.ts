import { describe, expect, test } from 'vitest'
import { MESSAGES } from '../../../src/mock/messages.js'
import { VERSIONS } from '../../../src/mock/versions.js'

describe("the mock's UI messages", () => {
  test("carry Kratos' ids, types and contexts", () => {
    expect(MESSAGES.saved()).toEqual({ id: 1050001, type: 'success', text: 'Your changes have been saved!' })
    expect(MESSAGES.required('email')).toEqual({ id: 4000002, type: 'error', text: 'Property email is missing.', context: { property: 'email' } })
    expect(MESSAGES.passwordMinLength(8, 3)).toMatchObject({ id: 4000032, context: { min_length: 8, actual_length: 3 } })
  })

  test("an invalid email is 4000040 from v26.2.0 on, the validator's 4000001 before (recorded: U3)", () => {
    expect(MESSAGES.email('x', VERSIONS['v26.2.0'])).toMatchObject({ id: 4000040, text: 'Enter a valid email address' })
    expect(MESSAGES.email('x', VERSIONS['v25.4.0'])).toMatchObject({ id: 4000001, text: '"x" is not valid "email"' })
  })
})
