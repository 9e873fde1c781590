import { describe, expect, test } from 'vitest'
import { CSRF_COOKIE, SESSION_COOKIE, getCsrfToken, harness } from '../../contract/behaviour/harness.js'

type Json = Record<string, any>

describe('CSRF cookie and token', () => {
  // x/nosurfx/nosurf.go:181-224: nosurf issues a new cookie when the one sent does not decode to a token.
  test('a CSRF cookie that does not hold 32 bytes is replaced', async () => {
    const h = harness()
    const response = await h.create(`${SESSION_COOKIE}=ada; ${CSRF_COOKIE}=AAAA`)
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`))).toHaveLength(1)
    expect(response.headers.getSetCookie()[0]).not.toMatch(/^csrf_token_mock=AAAA;/)
  })

  test("a csrf_token that is not a string does not pass the check, even when it holds the flow's token", async () => {
    const h = harness()
    const { flow, cookie } = await h.start()
    const response = await h.update(flow.id, { method: 'password', password: 'correct horse battery staple', csrf_token: [getCsrfToken(flow)] }, cookie)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(((await response.json()) as Json)['state']).not.toBe('success')
  })
})
