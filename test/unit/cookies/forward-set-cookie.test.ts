import { ResponseCookies } from 'next/dist/compiled/@edge-runtime/cookies/index.js'
import { NextResponse } from 'next/server.js'
import { afterEach, describe, expect, test } from 'vitest'
import { forwardSetCookie } from '../../../src/cookies/index.js'
import type { ResponseCookieOptions } from '../../../src/cookies/forward-set-cookie.js'
import { KratosArgumentError } from '../../../src/index.js'
import { startServer, type TestServer } from '../../helpers/http-server.js'
import { CSRF_SET_COOKIE, KRATOS_SET_COOKIES, SESSION_DELETION, pairOf } from '../../helpers/kratos-cookies.js'

describe('forwardSetCookie', () => {
  let server: TestServer | undefined
  afterEach(() => server?.close())

  test('appends each header byte for byte to Headers, after the ones already there', () => {
    const headers = new Headers({ 'set-cookie': 'app=1; Path=/' })
    forwardSetCookie(KRATOS_SET_COOKIES, headers)
    expect(headers.getSetCookie()).toEqual(['app=1; Path=/', ...KRATOS_SET_COOKIES])
  })

  test('appends to a Response and a NextResponse redirect', () => {
    const response = new Response(null)
    forwardSetCookie(KRATOS_SET_COOKIES, response)
    expect(response.headers.getSetCookie()).toEqual(KRATOS_SET_COOKIES)

    const redirect = NextResponse.redirect('http://app.test/settings', 303)
    redirect.cookies.set('app', '1')
    forwardSetCookie(KRATOS_SET_COOKIES, redirect)
    expect(redirect.headers.getSetCookie()).toEqual(['app=1; Path=/', ...KRATOS_SET_COOKIES])
  })

  test('applies the rewrite to every header', () => {
    const headers = new Headers()
    forwardSetCookie(KRATOS_SET_COOKIES, headers, { domain: false, dropSecure: true })
    expect(headers.getSetCookie()).toHaveLength(3)
    for (const cookie of headers.getSetCookie()) expect(cookie).not.toMatch(/Domain|Secure/i)
  })

  test('sends every header through a real Node ServerResponse, next to the app’s own', async () => {
    server = await startServer((_request, response) => {
      response.setHeader('set-cookie', 'app=1; Path=/')
      forwardSetCookie(KRATOS_SET_COOKIES, response)
      forwardSetCookie([], response)
      response.end()
    })
    const response = await fetch(server.url)
    expect(response.headers.getSetCookie()).toEqual(['app=1; Path=/', ...KRATOS_SET_COOKIES])
  })

  test('writes to Next.js ResponseCookies when no value would be re-encoded', () => {
    const headers = new Headers()
    forwardSetCookie([SESSION_DELETION, 'plain=abc-123_XYZ; Path=/auth; Domain=app.example.com; HttpOnly; SameSite=Strict; Partitioned; Priority=High'], new ResponseCookies(headers), {
      kratosCookies: ['ory_kratos_session', 'plain'],
    })
    const [deletion, plain] = headers.getSetCookie()
    expect(deletion).toMatch(/^ory_kratos_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT;/)
    expect(deletion).toMatch(/Secure; HttpOnly; SameSite=lax/)
    expect(plain).toBe('plain=abc-123_XYZ; Path=/auth; Domain=app.example.com; HttpOnly; SameSite=strict; Partitioned; Priority=high')
  })

  test('refuses Next.js ResponseCookies for a value it would URL-encode, writing nothing', () => {
    const headers = new Headers()
    // What Next.js itself would send: "…%2B…%3D", not the cookie Kratos issued.
    const value = pairOf(CSRF_SET_COOKIE).slice(pairOf(CSRF_SET_COOKIE).indexOf('=') + 1)
    expect(new ResponseCookies(new Headers()).set('x', value).toString()).not.toContain(value)
    expect(() => forwardSetCookie([SESSION_DELETION, CSRF_SET_COOKIE], new ResponseCookies(headers))).toThrow(/URL-encoded/)
    expect(headers.getSetCookie()).toEqual([])
  })

  test('refuses Next.js ResponseCookies for two cookies of one name', () => {
    expect(() => forwardSetCookie(['a=1; Path=/', 'a=2; Path=/x'], new ResponseCookies(new Headers()), { kratosCookies: ['a'] })).toThrow(/set twice/)
  })

  test('checks the rewrite before anything else, even when Kratos sent no cookie', () => {
    const headers = new Headers()
    expect(() => forwardSetCookie([], headers, { path: 'auth' })).toThrow(new KratosArgumentError('rewrite.path must start with "/" and hold printable ASCII other than space and ";".'))
    expect(() => forwardSetCookie([], {} as never, { dropSecure: 1 as never })).toThrow(new KratosArgumentError('rewrite.dropSecure must be a boolean.'))
    forwardSetCookie([], headers, undefined)
    expect(headers.getSetCookie()).toEqual([])
  })

  test('rejects Set-Cookie headers that are not an array', () => {
    const headers = new Headers()
    for (const setCookie of ['a=1', undefined, { length: 1, 0: 'a=1' }]) {
      expect(() => forwardSetCookie(setCookie as never, headers)).toThrow(KratosArgumentError)
      expect(() => forwardSetCookie(setCookie as never, headers)).toThrow('forwardSetCookie() needs the Set-Cookie headers as an array, as in result.setCookie.')
    }
    expect(headers.getSetCookie()).toEqual([])
  })

  test('rejects a target it cannot write to, by what it can do rather than the names it has', () => {
    const unwritable = new KratosArgumentError('forwardSetCookie() needs Headers, a Response, a Node ServerResponse or Next.js ResponseCookies.')
    const targets = [
      {},
      { headers: {} },
      { headers: null },
      { headers: undefined },
      { append: () => 0 },
      { headers: { getSetCookie: () => [] } },
      { appendHeader: undefined },
      { set: 1 },
      null,
      'headers',
      42,
    ]
    for (const target of targets) {
      expect(() => forwardSetCookie(['a=1; Path=/'], target as never)).toThrow(KratosArgumentError)
      expect(() => forwardSetCookie(['a=1; Path=/'], target as never)).toThrow(unwritable)
    }
  })

  test('calls a Node target’s appendHeader once with every header, and not at all for none', () => {
    const calls: unknown[][] = []
    // Express' res also has append(), but no getSetCookie(): it is not taken for Headers.
    const response = { append: () => expect.unreachable(), appendHeader: (...args: unknown[]) => calls.push(args) }
    forwardSetCookie([], response)
    expect(calls).toEqual([])
    forwardSetCookie(['a=1; Path=/', 'b=2; Path=/'], response, { kratosCookies: ['a', 'b'] })
    expect(calls).toEqual([['set-cookie', ['a=1; Path=/', 'b=2; Path=/']]])
  })

  test('passes every attribute ResponseCookies knows to set(), and nothing else', () => {
    const calls: Array<[string, string, ResponseCookieOptions]> = []
    const target = { set: (name: string, value: string, options: ResponseCookieOptions) => calls.push([name, value, options]), getAll: () => [] }
    forwardSetCookie(
      [
        'a=1',
        'b=2; Path=/x; Domain=app.example.com; Max-Age=60; Expires=Thu, 01 Jan 2037 00:00:00 GMT; HttpOnly; Secure; SameSite=None; Partitioned; Priority=Low',
        'c=3; SameSite=Strict; Priority=Medium; Foo=low',
        'd=4; SameSite=Lax; Priority=High',
        'e=5; SameSite=Bogus; Priority=urgent; Priority',
      ],
      target,
      { kratosCookies: ['a', 'b', 'c', 'd', 'e'] },
    )
    const plain = { path: '/', httpOnly: false, secure: false }
    expect(calls).toStrictEqual([
      ['a', '1', plain],
      [
        'b',
        '2',
        {
          path: '/x',
          httpOnly: true,
          secure: true,
          domain: 'app.example.com',
          expires: new Date('2037-01-01T00:00:00Z'),
          maxAge: 60,
          sameSite: 'none',
          partitioned: true,
          priority: 'low',
        },
      ],
      ['c', '3', { ...plain, sameSite: 'strict', priority: 'medium' }],
      ['d', '4', { ...plain, sameSite: 'lax', priority: 'high' }],
      ['e', '5', plain],
    ])
  })
})

test("a cookie name with C1 controls (as real HTTP bytes arrive) is escaped in forwardSetCookie's error", () => {
  const name = 'a\u009b2J\u0085b'
  const error = (() => {
    try {
      forwardSetCookie([`${name}=x%20y=; Path=/`], new ResponseCookies(new Headers()), { kratosCookies: ['a*'] })
    } catch (caught) {
      return caught as Error
    }
    return undefined
  })()
  expect(error?.message).toContain('a\\u009b2J\\u0085b')
  expect(error?.message).not.toMatch(/[\u0080-\u009f]/)
})

describe("only Kratos' own cookies are forwarded", () => {
  // A compromised upstream (or a proxy on a plain-http KRATOS_URL) adds cookies for your origin.
  const hostile = [
    '__Host-next-auth.csrf-token=stolen; Path=/; Secure; HttpOnly',
    'session=attacker; Domain=example.com; Path=/',
    'ory_kratos_session=MTc2MzY4ODAwMHw=; Path=/; HttpOnly',
    'csrf_token_806060ca=q7Rm+2b/Hk9vXw1s0Tn3aJcY8dL4eP6uFzQxG5iKoAE=; Path=/; HttpOnly',
    'ory_kratos_continuity=; Path=/; Max-Age=0',
  ]

  test('by default: the session, CSRF and continuity cookies go; any other is skipped and named', () => {
    const headers = new Headers()
    expect(forwardSetCookie(hostile, headers)).toEqual(['__Host-next-auth.csrf-token', 'session'])
    expect(headers.getSetCookie().map((line) => line.split('=')[0])).toEqual(['ory_kratos_session', 'csrf_token_806060ca', 'ory_kratos_continuity'])
  })

  test('kratosCookies names a Kratos configured otherwise (session.cookie.name), exact or by prefix', () => {
    const headers = new Headers()
    expect(forwardSetCookie(['my_session=1; Path=/', 'ory_kratos_session=2; Path=/', 'csrf_token_x=3; Path=/'], headers, { kratosCookies: ['my_session', 'csrf_token_*'] })).toEqual([
      'ory_kratos_session',
    ])
    expect(headers.getSetCookie()).toEqual(['my_session=1; Path=/', 'csrf_token_x=3; Path=/'])
  })

  test('a list that is not one of names is a KratosArgumentError, before anything is written', () => {
    const headers = new Headers()
    for (const kratosCookies of ['ory_kratos_session', ['*'], [''], [1]]) {
      expect(() => forwardSetCookie(hostile, headers, { kratosCookies: kratosCookies as never })).toThrow(KratosArgumentError)
    }
    expect(headers.getSetCookie()).toEqual([])
  })
})

describe('kratosCookies, the edges', () => {
  test('an exact name matches that name only; a prefix matches what it begins, not a shorter stem', () => {
    const headers = new Headers()
    const skipped = forwardSetCookie(['my_session=1', 'my_session_2=2', 'csrf_token_x=3', 'cx=4', 'c=5'], headers, { kratosCookies: ['my_session', 'csrf_token_*'] })
    expect(skipped).toEqual(['my_session_2', 'cx', 'c'])
    expect(headers.getSetCookie()).toEqual(['my_session=1', 'csrf_token_x=3'])
  })

  test('a list with one name that is not one is refused whole, with a message saying what a name is', () => {
    expect(() => forwardSetCookie([], new Headers(), { kratosCookies: ['ory_kratos_session', 1 as never] })).toThrow(
      new KratosArgumentError('kratosCookies must be a list of cookie names, each exact or ending in "*" after a prefix.'),
    )
  })
})
