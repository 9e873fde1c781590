import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies/index.js'
import { afterEach, describe, expect, test } from 'vitest'
import { getCookieHeader } from '../../../src/cookies/index.js'
import { KratosArgumentError } from '../../../src/index.js'
import { startServer, type TestServer } from '../../helpers/http-server.js'
import { CSRF_SET_COOKIE, SESSION_SET_COOKIE, pairOf } from '../../helpers/kratos-cookies.js'

const header = `${pairOf(CSRF_SET_COOKIE)}; ${pairOf(SESSION_SET_COOKIE)}`

describe('getCookieHeader', () => {
  let server: TestServer | undefined
  afterEach(() => server?.close())

  test('reads Headers and Request verbatim', () => {
    expect(getCookieHeader(new Headers({ cookie: header }))).toBe(header)
    expect(getCookieHeader(new Request('http://app.test/settings', { headers: { cookie: header } }))).toBe(header)
  })

  test('joins a Next.js cookie store into the header the browser sent, = and + included', () => {
    expect(getCookieHeader(new RequestCookies(new Headers({ cookie: header })))).toBe(header)
  })

  test('reads a Node IncomingMessage from a real HTTP server', async () => {
    let seen: string | undefined
    server = await startServer((request, response) => {
      seen = getCookieHeader(request)
      response.end()
    })
    await fetch(server.url, { headers: { cookie: header } })
    expect(seen).toBe(header)
  })

  test('joins a cookie header delivered in pieces, as HTTP/2 may', () => {
    expect(getCookieHeader({ headers: { cookie: ['a=1', 'b=2'] } })).toBe('a=1; b=2')
  })

  test('re-encodes a value or name from a cookie store only when it would not be a valid cookie', () => {
    const store = (name: string, value: string) => ({ getAll: () => [{ name, value }] })
    expect(getCookieHeader(store('a', 'dark; b=c'))).toBe('a=dark%3B%20b%3Dc')
    expect(getCookieHeader(store('a', 'x+/=y'))).toBe('a=x+/=y')
    expect(getCookieHeader(store('a', '"x+/=y"'))).toBe('a="x+/=y"')
    expect(getCookieHeader(store('a', '""'))).toBe('a=""')
    expect(getCookieHeader(store('a', '"x'))).toBe('a=%22x')
    expect(getCookieHeader(store('a', 'x"'))).toBe('a=x%22')
    expect(getCookieHeader(store('a', ' x'))).toBe('a=%20x')
    expect(getCookieHeader(store('a', 'x '))).toBe('a=x%20')
    expect(getCookieHeader(store('x$y|z', '1'))).toBe('x$y|z=1')
    expect(getCookieHeader(store('x=y', '1'))).toBe('x%3Dy=1')
    expect(getCookieHeader(store(' x', '1'))).toBe('%20x=1')
    expect(getCookieHeader(store('x ', '1'))).toBe('x%20=1')
    expect(getCookieHeader(store('', 'v'))).toBe('=v')
    expect(getCookieHeader(store('x\uD800\uD800', '\uDC00\uD83D\uDE00'))).toBe('x%EF%BF%BD%EF%BF%BD=%EF%BF%BD%F0%9F%98%80')
  })

  test('returns undefined when the browser sent no cookie', () => {
    expect(getCookieHeader(new Headers())).toBeUndefined()
    expect(getCookieHeader(new RequestCookies(new Headers()))).toBeUndefined()
    expect(getCookieHeader({ headers: {} })).toBeUndefined()
  })

  test('reads a Node request that has a getAll property that is not a function', () => {
    expect(getCookieHeader({ getAll: undefined, headers: { cookie: 'a=1' } } as never)).toBe('a=1')
  })

  test('rejects a value it cannot read', () => {
    for (const source of [42, null, {}, { headers: null }, { headers: 'a=1' }, { getAll: [] }]) {
      expect(() => getCookieHeader(source as never)).toThrow(KratosArgumentError)
      expect(() => getCookieHeader(source as never)).toThrow('getCookieHeader() needs a cookie store, Headers, a Request or a Node IncomingMessage.')
    }
  })
})
