import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies/index.js'
import { afterEach, describe, expect, test } from 'vitest'
import { getCookieHeader } from '../../src/cookies/index.js'
import { KratosArgumentError } from '../../src/index.js'
import { startServer, type TestServer } from '../helpers/http-server.js'
import { CSRF_SET_COOKIE, SESSION_SET_COOKIE, pairOf } from './kratos-cookies.js'

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

  test('returns undefined when the browser sent no cookie', () => {
    expect(getCookieHeader(new Headers())).toBeUndefined()
    expect(getCookieHeader(new RequestCookies(new Headers()))).toBeUndefined()
    expect(getCookieHeader({ headers: {} })).toBeUndefined()
  })

  test('rejects a value it cannot read', () => {
    for (const source of [42, null, {}, { headers: null }]) {
      expect(() => getCookieHeader(source as never)).toThrow(KratosArgumentError)
    }
  })
})
