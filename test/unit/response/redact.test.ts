import { describe, expect, test } from 'vitest'
import { REDACTED, redactJson } from '../../../src/response/redact.js'

describe('redactJson', () => {
  test('replaces tokens under secret keys and the value of a csrf_token input, in a copy', () => {
    const body = {
      csrf_token: 'c1',
      continue_with: [{ action: 'set_ory_session_token', ory_session_token: 't1' }],
      ui: { nodes: [{ attributes: { name: 'csrf_token', value: 'c2' } }, { attributes: { name: 'traits.email', value: 'a@b.c' } }] },
      headers: { Cookie: 'a=1', 'Set-Cookie': 'b=2' },
    }
    const copy = JSON.stringify(body)
    expect(redactJson(body, [])).toEqual({
      csrf_token: REDACTED,
      continue_with: [{ action: 'set_ory_session_token', ory_session_token: REDACTED }],
      ui: { nodes: [{ attributes: { name: 'csrf_token', value: REDACTED } }, { attributes: { name: 'traits.email', value: 'a@b.c' } }] },
      headers: { Cookie: REDACTED, 'Set-Cookie': REDACTED },
    })
    expect(JSON.stringify(body)).toBe(copy)
  })

  test('returns primitives as they are', () => {
    for (const value of [null, 1, 'text', true, undefined]) expect(redactJson(value, [])).toBe(value)
  })
})
