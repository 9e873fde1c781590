import { Cookie } from 'tough-cookie'
import { describe, expect, test } from 'vitest'
import { rewriteSetCookie } from '../../../src/cookies/index.js'
import { KratosArgumentError } from '../../../src/index.js'
import { CSRF_SET_COOKIE, KRATOS_SET_COOKIES, SESSION_SET_COOKIE, SESSION_DELETION } from '../../helpers/kratos-cookies.js'

/** The message of the KratosArgumentError `fn` throws. */
const argumentError = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(KratosArgumentError)
    return (error as Error).message
  }
  throw new Error('did not throw')
}

const DOMAIN_RULE = 'rewrite.domain must be a host name: letters, digits, "-" and ".", with an optional leading "."'
const PATH_RULE = 'must start with "/" and hold printable ASCII other than space and ";"'

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

  test('keeps Domain when only Path or Secure is rewritten, and passes "/" to a path function for a cookie without Path', () => {
    expect(rewriteSetCookie(CSRF_SET_COOKIE, { path: '/auth' })).toMatch(/; Domain=kratos\.example\.com; Path=\/auth;/)
    expect(rewriteSetCookie(CSRF_SET_COOKIE, { dropSecure: true })).toMatch(/; Domain=kratos\.example\.com; Path=\/;/)
    expect(rewriteSetCookie(CSRF_SET_COOKIE, { domain: '.app.example.com' })).toMatch(/; Domain=\.app\.example\.com; Path=\/; Secure;/)
    expect(rewriteSetCookie('a=b', { path: (path) => `/x${path}` })).toBe('a=b; Path=/x/')
  })

  test('accepts host names: one label, many, a leading dot, digits, "-", any case', () => {
    for (const domain of ['localhost', 'app.example.com', '.example.com', '127.0.0.1', 'my-app.EXAMPLE.com', 'a.b']) {
      expect(rewriteSetCookie('a=b', { domain })).toBe(`a=b; Domain=${domain}`)
    }
  })

  test('accepts paths of printable ASCII, "%" included', () => {
    for (const path of ['/', '/auth', "/a%20b/c.d-e_f~g!$&'()*+,=:@", '/a/']) {
      expect(rewriteSetCookie('a=b', { path })).toBe(`a=b; Path=${path}`)
      expect(rewriteSetCookie('a=b', { path: () => path })).toBe(`a=b; Path=${path}`)
    }
  })

  test('rejects a domain that is not a host name, naming the character and its index', () => {
    expect(argumentError(() => rewriteSetCookie('a=b', { domain: 'app.example.com; Secure' }))).toBe(`${DOMAIN_RULE} (";" at index 15).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { domain: 'evil.example\r\n' }))).toBe(`${DOMAIN_RULE} ("\\r" at index 12).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { domain: 'é.example' }))).toBe(`${DOMAIN_RULE} ("é" at index 0).`)
    for (const domain of ['', '.', 'a..b', 'a.', '..a']) {
      expect(argumentError(() => rewriteSetCookie('a=b', { domain }))).toBe(`${DOMAIN_RULE}.`)
    }
  })

  test('rejects a path that could add attributes or is not one, naming the character and its index', () => {
    expect(argumentError(() => rewriteSetCookie('a=b', { path: '/x; Domain=evil.example' }))).toBe(`rewrite.path ${PATH_RULE} (";" at index 2).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: '/x\r\nSet-Cookie: y=1' }))).toBe(`rewrite.path ${PATH_RULE} ("\\r" at index 2).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: '/a b' }))).toBe(`rewrite.path ${PATH_RULE} (" " at index 2).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: '/\x7F' }))).toBe(`rewrite.path ${PATH_RULE} ("\\u007f" at index 1).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: 'auth/' }))).toBe(`rewrite.path ${PATH_RULE}.`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: '' }))).toBe(`rewrite.path ${PATH_RULE}.`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: () => 'auth' }))).toBe(`rewrite.path() ${PATH_RULE}.`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: () => '/\n' }))).toBe(`rewrite.path() ${PATH_RULE} ("\\n" at index 1).`)
    expect(argumentError(() => rewriteSetCookie('a=b', { path: () => undefined as never }))).toBe('rewrite.path() must return a string.')
  })

  test('rejects options of the wrong type, naming the option', () => {
    for (const domain of [true, null, 0, {}]) {
      expect(argumentError(() => rewriteSetCookie('a=b', { domain } as never))).toBe('rewrite.domain must be a string or false.')
    }
    for (const path of [null, 1, {}, false]) {
      expect(argumentError(() => rewriteSetCookie('a=b', { path } as never))).toBe('rewrite.path must be a string or a function.')
    }
    for (const dropSecure of [null, 1, 'true']) {
      expect(argumentError(() => rewriteSetCookie('a=b', { dropSecure } as never))).toBe('rewrite.dropSecure must be a boolean.')
    }
    for (const rewrite of [null, 'domain', 1, () => ({})]) {
      expect(argumentError(() => rewriteSetCookie('a=b', rewrite as never))).toBe('rewrite must be an object.')
    }
  })

  test('enforces the __Host- and __Secure- prefix rules, case-insensitively and only at the start of the name', () => {
    const host = '__Host-a=1; Path=/; Secure'
    expect(argumentError(() => rewriteSetCookie(host, { domain: 'app.example.com' }))).toBe(
      'Cookie "__Host-a": a __Host- cookie has no Domain, so rewrite.domain can only be false for it; a browser would reject it.',
    )
    expect(argumentError(() => rewriteSetCookie(host, { path: '/auth' }))).toBe('Cookie "__Host-a": a __Host- cookie has Path=/, so rewrite.path must give "/" for it; a browser would reject it.')
    expect(argumentError(() => rewriteSetCookie('__host-a=1; Path=/; Secure', { path: () => '/x' }))).toMatch(/^Cookie "__host-a": a __Host- cookie has Path=\/,/)
    for (const name of ['__Host-a', '__Secure-a', '__HOST-a', '__SeCuRe-a']) {
      expect(argumentError(() => rewriteSetCookie(`${name}=1; Path=/; Secure`, { dropSecure: true }))).toBe(
        `Cookie "${name}": a __Secure- or __Host- cookie must be Secure, so rewrite.dropSecure cannot apply to it; a browser would reject it.`,
      )
    }
    // Not a prefix: the rules do not apply.
    expect(rewriteSetCookie('x__Host-a=1; Path=/; Secure', { domain: 'app.example.com', path: '/x', dropSecure: true })).toBe('x__Host-a=1; Domain=app.example.com; Path=/x')
    expect(rewriteSetCookie('x__Secure-a=1; Path=/; Secure', { dropSecure: true })).toBe('x__Secure-a=1; Path=/')
    // A __Host- cookie whose Path is not rewritten is left to Kratos.
    expect(rewriteSetCookie('__Host-a=1; Secure; Domain=kratos.test', { domain: false })).toBe('__Host-a=1; Secure')
    expect(rewriteSetCookie('__Secure-a=1; Path=/; Secure', { domain: 'app.example.com', path: '/x' })).toBe('__Secure-a=1; Domain=app.example.com; Path=/x; Secure')
  })

  test('rejects a header that is not a cookie, not a string, or not one line', () => {
    expect(argumentError(() => rewriteSetCookie('', { path: '/' }))).toBe('A Set-Cookie header could not be parsed.')
    expect(argumentError(() => rewriteSetCookie(1 as never))).toBe('A Set-Cookie header must be a string.')
    expect(argumentError(() => rewriteSetCookie('a=b; Path=/\r\nSet-Cookie: c=d'))).toBe('A Set-Cookie header must be one line without NUL ("\\r" at index 11).')
    expect(argumentError(() => rewriteSetCookie('a=b\n', { domain: false }))).toBe('A Set-Cookie header must be one line without NUL ("\\n" at index 3).')
    expect(argumentError(() => rewriteSetCookie('a=\0b'))).toBe('A Set-Cookie header must be one line without NUL ("\\u0000" at index 2).')
  })
})
