import { describe, expect, test } from 'vitest'
import { herodotError } from '../../../src/kratos/herodot.js'

describe('herodotError', () => {
  test("writes the fields in herodot's order, leaving out those without a value", () => {
    const body = herodotError(404, { message: 'The requested resource could not be found', reason: 'gone' })
    expect(JSON.stringify(body)).toBe('{"error":{"code":404,"status":"Not Found","reason":"gone","message":"The requested resource could not be found"}}')
  })

  test('an id and details when given; a status without a reason phrase is "Error"', () => {
    expect(herodotError(403, { id: 'security_csrf_violation', message: 'm', details: { docs: 'x' } })).toEqual({
      error: { id: 'security_csrf_violation', code: 403, status: 'Forbidden', details: { docs: 'x' }, message: 'm' },
    })
    expect(herodotError(418, { message: 'm' }).error.status).toBe('Error')
  })
})

test('fields without a value are absent, not undefined', () => {
  expect(Object.keys(herodotError(400, { message: 'm', id: undefined, reason: undefined, details: undefined }).error)).toEqual(['code', 'status', 'message'])
})
