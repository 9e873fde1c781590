import { describe, expect, test } from 'vitest'
import { KratosArgumentError } from '../../../src/errors/errors.js'
import { withSetCookie } from '../../../src/cookies/with-set-cookie.js'

const CSRF = 'csrf_token_806060ca=q7Rm+2b/Hk9vXw1s0Tn3aJcY8dL4eP6uFzQxG5iKoAE='

describe('withSetCookie', () => {
  test("adds Kratos' new cookie, byte for byte, after the ones the request had", () => {
    expect(withSetCookie('ory_kratos_session=abc', [`${CSRF}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`])).toBe(`ory_kratos_session=abc; ${CSRF}`)
    expect(withSetCookie(undefined, [`${CSRF}; Path=/`])).toBe(CSRF)
  })

  test('replaces a value in place, and drops a cookie Kratos expires (Max-Age=0 or an Expires in the past)', () => {
    const header = 'a=1; ory_kratos_session=old; ory_kratos_continuity=x'
    const setCookie = ['ory_kratos_session=new; Path=/; Max-Age=86400', 'ory_kratos_continuity=; Path=/; Max-Age=0', 'a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT']
    expect(withSetCookie(header, setCookie)).toBe('ory_kratos_session=new')
    expect(withSetCookie('a=1', ['a=; Max-Age=0'])).toBeUndefined()
  })

  test('keeps what it cannot read as it is, and skips a Set-Cookie that does not parse', () => {
    expect(withSetCookie('a=1; junk; b=2', ['', '=nameless', 'ß'])).toBe('a=1; b=2')
    expect(withSetCookie('', [])).toBeUndefined()
  })

  test('refuses arguments of the wrong kind with a KratosArgumentError', () => {
    expect(() => withSetCookie(42 as never, [])).toThrow(KratosArgumentError)
    expect(() => withSetCookie('a=1', 'b=2' as never)).toThrow('withSetCookie() needs the Set-Cookie headers as an array, as in result.setCookie.')
  })
})

describe('withSetCookie, the edges', () => {
  test('trims the pairs it keeps, skips a header that is not a string, and names what is wrong', () => {
    expect(withSetCookie(' a=1 ;  b = 2 ', [])).toBe('a=1; b=2')
    expect(withSetCookie('a=1', [42 as never, 'b=2'])).toBe('a=1; b=2')
    expect(() => withSetCookie(42 as never, [])).toThrow('withSetCookie() needs the Cookie header as a string, or undefined.')
  })
})
