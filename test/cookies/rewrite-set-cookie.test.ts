import { Cookie } from 'tough-cookie'
import { describe, expect, test } from 'vitest'
import { rewriteSetCookie } from '../../src/cookies/index.js'
import { KratosArgumentError } from '../../src/index.js'
import { CSRF_SET_COOKIE, KRATOS_SET_COOKIES, SESSION_SET_COOKIE, SESSION_DELETION } from './kratos-cookies.js'

const attributes = (setCookie: string) => {
  const { key, value, expires, maxAge, domain, path, secure, httpOnly, sameSite } = Cookie.parse(setCookie)!
  return { key, value, expires: String(expires), maxAge, domain, path, secure, httpOnly, sameSite }
}

describe('rewriteSetCookie', () => {
  test('returns each header unchanged when nothing is to be rewritten', () => {
    for (const cookie of KRATOS_SET_COOKIES) {
      expect(rewriteSetCookie(cookie)).toBe(cookie)
      expect(rewriteSetCookie(cookie, { dropSecure: false })).toBe(cookie)
    }
  })

  test('removes or replaces Domain and keeps every other attribute', () => {
    expect(attributes(rewriteSetCookie(CSRF_SET_COOKIE, { domain: false }))).toEqual({ ...attributes(CSRF_SET_COOKIE), domain: null })
    expect(attributes(rewriteSetCookie(CSRF_SET_COOKIE, { domain: 'app.example.com' }))).toEqual({
      ...attributes(CSRF_SET_COOKIE),
      domain: 'app.example.com',
    })
    expect(rewriteSetCookie(CSRF_SET_COOKIE, { domain: false })).not.toMatch(/domain/i)
  })

  test('replaces Path, or maps it for a path prefix', () => {
    expect(attributes(rewriteSetCookie(SESSION_SET_COOKIE, { path: '/auth' }))).toEqual({ ...attributes(SESSION_SET_COOKIE), path: '/auth' })
    expect(Cookie.parse(rewriteSetCookie(SESSION_SET_COOKIE, { path: (path) => `/auth${path}` }))?.path).toBe('/auth/')
  })

  test('drops Secure only when asked, keeping HttpOnly, SameSite, Max-Age and Expires', () => {
    const rewritten = rewriteSetCookie(SESSION_SET_COOKIE, { dropSecure: true })
    expect(rewritten).not.toMatch(/secure/i)
    expect(attributes(rewritten)).toEqual({ ...attributes(SESSION_SET_COOKIE), secure: false })
    expect(rewritten).toMatch(/Expires=Sat, 21 Nov 2026 12:00:00 GMT/)
  })

  test('keeps a deletion a deletion', () => {
    const rewritten = rewriteSetCookie(SESSION_DELETION, { domain: false, dropSecure: true })
    expect(rewritten).toMatch(/^ory_kratos_session=;/)
    expect(rewritten).toMatch(/Max-Age=0/)
    expect(rewritten).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/)
  })

  test('keeps attributes tough-cookie has no field for (Partitioned, Priority)', () => {
    expect(rewriteSetCookie('a=b; Path=/; Partitioned; Priority=High', { path: '/x' })).toBe('a=b; Path=/x; Partitioned; Priority=High')
  })

  test('rejects a header that is not a cookie', () => {
    expect(() => rewriteSetCookie('', { path: '/' })).toThrow(KratosArgumentError)
  })
})
