// Attacks on kratos-settings/cookies, each written as an attacker would try it.
import { RequestCookies, ResponseCookies } from 'next/dist/compiled/@edge-runtime/cookies/index.js'
import fc from 'fast-check'
import { Cookie, CookieJar } from 'tough-cookie'
import { afterEach, describe, expect, test } from 'vitest'
import { forwardSetCookie, getCookieHeader, getCookieHeaderFromJar, rewriteSetCookie, saveSetCookie, type SetCookieRewrite } from '../../../src/cookies/index.js'
import { KratosArgumentError } from '../../../src/index.js'
import { startServer, type TestServer } from '../../helpers/http-server.js'
import { CSRF_SET_COOKIE, KRATOS_SET_COOKIES, SESSION_SET_COOKIE, pairOf } from '../../helpers/kratos-cookies.js'

// Mutation testing runs the property tests for every mutant they cover: fewer cases there.
const RUNS = process.env['KRATOS_SETTINGS_MUTATION'] === '1' ? 200 : 2000

/** The pairs of a Cookie header as Kratos (Go's net/http) splits them: on ";", trimmed, at the first "=". */
const pairsOf = (header: string | undefined): Array<[string, string]> =>
  header === undefined
    ? []
    : header.split(';').map((part) => {
        const trimmed = part.trim()
        const at = trimmed.indexOf('=')
        return [trimmed.slice(0, at), trimmed.slice(at + 1)]
      })

const attributes = (setCookie: string) => {
  const { key, value, expires, maxAge, domain, path, secure, httpOnly, sameSite, extensions } = Cookie.parse(setCookie)!
  return { key, value, expires: String(expires), maxAge, domain, path, secure, httpOnly, sameSite, extensions }
}

const store = (...cookies: Array<[string, string]>) => ({ getAll: () => cookies.map(([name, value]) => ({ name, value })) })

describe('getCookieHeader: a cookie store cannot smuggle a cookie to Kratos', () => {
  test('a URL-encoded "; __Host-ory_kratos_session=" in a value stays one cookie, as the browser sent it', () => {
    const sent = `${pairOf(CSRF_SET_COOKIE)}; theme=dark%3B%20__Host-ory_kratos_session%3DATTACKER`
    const cookies = new RequestCookies(new Headers({ cookie: sent }))
    expect(cookies.get('theme')?.value).toBe('dark; __Host-ory_kratos_session=ATTACKER')

    const header = getCookieHeader(cookies)
    expect(header).toBe(sent)
    const pairs = header!.split('; ').map((pair) => pair.slice(0, pair.indexOf('=')))
    expect(pairs).toEqual(cookies.getAll().map(({ name }) => name))
    expect(pairs).not.toContain('__Host-ory_kratos_session')
  })

  test('a smuggled session cookie cannot come before the real one (Go returns the first of a name)', () => {
    const sent = 'theme=x%3B%20ory_kratos_session%3DATTACKER; ory_kratos_session=REAL'
    const pairs = pairsOf(getCookieHeader(new RequestCookies(new Headers({ cookie: sent }))))
    expect(pairs).toEqual([
      ['theme', 'x%3B%20ory_kratos_session%3DATTACKER'],
      ['ory_kratos_session', 'REAL'],
    ])
  })

  test.each([
    ['a semicolon', 'a;b=c', 'a%3Bb%3Dc'],
    ['a comma', 'a,b', 'a%2Cb'],
    ['a space', 'a b', 'a%20b'],
    ['a leading space', ' b', '%20b'],
    ['a lone double quote', 'a"b', 'a%22b'],
    ['an unclosed quote', '"ab', '%22ab'],
    ['a quote only at the end', 'ab"', 'ab%22'],
    ['a quoted ";"', '"a;b"', '%22a%3Bb%22'],
    ['a backslash', 'a\\b', 'a%5Cb'],
    ['CR LF', 'a\r\nSet-Cookie: x=1', 'a%0D%0ASet-Cookie%3A%20x%3D1'],
    ['NUL', 'a\0b', 'a%00b'],
    ['a tab', 'a\tb', 'a%09b'],
    ['DEL', 'a\x7Fb', 'a%7Fb'],
    ['another control character', '\x01', '%01'],
    ['non-ASCII', 'é☃😀', '%C3%A9%E2%98%83%F0%9F%98%80'],
    ['lone surrogates', '\uD800a\uDC00\uDFFF', '%EF%BF%BDa%EF%BF%BD%EF%BF%BD'],
  ])('a value with %s is URL-encoded', (_, value, encoded) => {
    const header = getCookieHeader(store(['a', '1'], ['n', value], ['z', '2']))
    expect(header).toBe(`a=1; n=${encoded}; z=2`)
    expect(pairsOf(header)).toHaveLength(3)
  })

  test.each([
    ['"="', 'a=b', 'a%3Db'],
    ['";"', 'a;b', 'a%3Bb'],
    ['a space', 'a b', 'a%20b'],
    ['spaces around it', ' a ', '%20a%20'],
    ['"," and quotes', '"a,b"', '%22a%2Cb%22'],
    ['a control character', 'a\nb', 'a%0Ab'],
    ['non-ASCII', 'é', '%C3%A9'],
    ['a lone surrogate', '\uDBFF', '%EF%BF%BD'],
  ])('a name with %s is URL-encoded', (_, name, encoded) => {
    const header = getCookieHeader(store([name, 'v'], ['z', '2']))
    expect(header).toBe(`${encoded}=v; z=2`)
    expect(pairsOf(header)).toHaveLength(2)
  })

  test('what is already a valid cookie goes byte for byte: Kratos’ values, quoted values, tokens with "%" or "|"', () => {
    const cookies: Array<[string, string]> = [
      [pairOf(CSRF_SET_COOKIE).split('=')[0]!, pairOf(CSRF_SET_COOKIE).slice(pairOf(CSRF_SET_COOKIE).indexOf('=') + 1)],
      ['ory_kratos_session', pairOf(SESSION_SET_COOKIE).slice('ory_kratos_session='.length)],
      ['q', '"a+b/c="'],
      ['empty-quoted', '""'],
      ['empty', ''],
      ['a%20b|c$d', 'x%3By'],
      ['__Host-a', "!#$%&'()*+-./:<=>?@[]^_`{|}~"],
    ]
    expect(getCookieHeader(store(...cookies))).toBe(cookies.map(([name, value]) => `${name}=${value}`).join('; '))
  })

  test('property: any names and values keep the number and order of pairs, and decode back', () => {
    const hostile = fc.constantFrom(';', '; ', '=', ',', ' ', '"', '\\', '\r', '\n', '\0', '\t', '%', '%3B', '__Host-ory_kratos_session=x')
    const text = fc.string({ unit: fc.oneof(hostile, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 })), maxLength: 12 })
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), (cookies) => {
        const header = getCookieHeader(store(...cookies))
        if (cookies.length === 0) {
          expect(header).toBeUndefined()
          return
        }
        const pairs = pairsOf(header)
        expect(pairs).toHaveLength(cookies.length)
        expect(header!.split('; ')).toHaveLength(cookies.length)
        pairs.forEach(([name, value], index) => {
          const [storeName, storeValue] = cookies[index]!
          expect(name === storeName || (decodeURIComponent(name) === storeName && name === encodeURIComponent(storeName))).toBe(true)
          expect(value === storeValue || (decodeURIComponent(value) === storeValue && value === encodeURIComponent(storeValue))).toBe(true)
        })
      }),
      { numRuns: RUNS },
    )
  })

  test('Headers, a Request and a Node request are still forwarded verbatim', () => {
    const sent = 'a="x y"; b=c%3Bd'
    expect(getCookieHeader(new Headers({ cookie: sent }))).toBe(sent)
    expect(getCookieHeader(new Request('http://app.test/', { headers: { cookie: sent } }))).toBe(sent)
    expect(getCookieHeader({ headers: { cookie: sent } })).toBe(sent)
  })
})

describe('saveSetCookie: one bad cookie does not cost the others', () => {
  test('a cookie for another domain between two good ones is skipped; both good ones are stored', async () => {
    const jar = new CookieJar()
    const skipped = await saveSetCookie(jar, ['session=s1; Path=/', 'tossed=evil; Domain=evil.example; Path=/', 'csrf_token=c1; Path=/'], 'http://127.0.0.1/')
    expect(skipped).toEqual(['tossed'])
    expect(await getCookieHeaderFromJar(jar, 'http://127.0.0.1/')).toBe('session=s1; csrf_token=c1')
    expect(await getCookieHeaderFromJar(jar, 'http://evil.example/')).toBeUndefined()
  })

  test('an unparseable header is skipped as ""', async () => {
    const jar = new CookieJar()
    expect(await saveSetCookie(jar, ['no-equals-sign', 'a=1', 'b=\x01', ''], 'http://127.0.0.1/')).toEqual(['', '', ''])
    expect(await getCookieHeaderFromJar(jar, 'http://127.0.0.1/')).toBe('a=1')
  })

  test.each([
    ['a public suffix as Domain', 'http://kratos.test/', 'public=1; Domain=test'],
    ['another site’s Domain', 'http://kratos.test/', 'other=1; Domain=other.test'],
    ['Secure over plain http', 'http://kratos.test/', 'secure=1; Secure'],
    ['__Secure- without Secure', 'https://kratos.test/', '__Secure-x=1; Path=/'],
    ['__Host- with a Domain', 'https://kratos.test/', '__Host-x=1; Secure; Path=/; Domain=kratos.test'],
    ['__Host- with another path', 'https://kratos.test/', '__Host-x=1; Secure; Path=/sub'],
    ['no name', 'https://kratos.test/', '=1'],
  ])('%s: skipped by name in either prefix mode, no tough-cookie Error escapes', async (_, url, setCookie) => {
    for (const prefixSecurity of ['silent', 'strict'] as const) {
      const jar = new CookieJar(undefined, { prefixSecurity })
      const skipped = await saveSetCookie(jar, ['before=1; Path=/', setCookie, 'after=1; Path=/'], url)
      expect(skipped).toEqual([setCookie.slice(0, setCookie.indexOf('='))])
      expect(await getCookieHeaderFromJar(jar, url)).toBe('before=1; after=1')
    }
  })

  test('an invalid URL throws KratosArgumentError before anything is stored', async () => {
    for (const url of ['', 'kratos.test', '/relative', 'file:///etc/passwd', 'ftp://kratos.test/', 'javascript:alert(1)']) {
      const jar = new CookieJar()
      await expect(saveSetCookie(jar, ['a=1'], url)).rejects.toBeInstanceOf(KratosArgumentError)
      expect(await jar.serialize()).toMatchObject({ cookies: [] })
    }
  })
})

/** The headers a target holds after forwardSetCookie, or the error it threw. */
const forwardTo = (setCookie: readonly string[], rewrite: SetCookieRewrite) => {
  const headers = new Headers({ 'set-cookie': 'app=1' })
  const cookies = new ResponseCookies(new Headers())
  const written: unknown[] = []
  const node = { appendHeader: (_: string, value: unknown) => written.push(value) }
  const errors = [headers, cookies, node].map((target) => {
    try {
      forwardSetCookie(setCookie, target, rewrite)
    } catch (error) {
      return error
    }
    return undefined
  })
  return { errors, headers: headers.getSetCookie(), cookies: cookies.getAll(), node: written }
}

describe('rewriteSetCookie and forwardSetCookie: options cannot inject attributes, headers or rejected cookies', () => {
  let server: TestServer | undefined
  afterEach(() => server?.close())

  test.each<[string, SetCookieRewrite]>([
    ['an attribute in path', { path: '/x; Domain=evil.example' }],
    ['a second header in path', { path: '/x\r\nSet-Cookie: evil=1' }],
    ['an attribute in the path function’s result', { path: (path) => `${path}; Domain=evil.example` }],
    ['CRLF from the path function', { path: () => '/\r\nSet-Cookie: evil=1' }],
    ['a LF from the path function', { path: () => '/\n' }],
    ['an attribute in domain', { domain: 'app.example.com; Secure' }],
    ['a line break in domain', { domain: 'app.example.com\r\nX-Evil: 1' }],
    ['a path in domain', { domain: 'app.example.com/x' }],
    ['a non-string domain', { domain: true as never }],
    ['a non-function path', { path: 1 as never }],
    ['a non-boolean dropSecure', { dropSecure: 'yes' as never }],
  ])('%s throws, and no target receives anything', (_, rewrite) => {
    expect(() => rewriteSetCookie(SESSION_SET_COOKIE, rewrite)).toThrow(KratosArgumentError)
    const result = forwardTo(['plain=1; Path=/; Secure', 'other=2; Path=/; Secure'], rewrite)
    for (const error of result.errors) expect(error).toBeInstanceOf(KratosArgumentError)
    expect(result).toMatchObject({ headers: ['app=1'], cookies: [], node: [] })
  })

  test('a header with a line break is refused, with or without a rewrite, before anything is written', () => {
    for (const rewrite of [{}, { domain: false as const }]) {
      const result = forwardTo(['a=1; Path=/', 'b=2; Path=/\r\nSet-Cookie: evil=1'], rewrite)
      for (const error of result.errors) expect(error).toBeInstanceOf(KratosArgumentError)
      expect(result).toMatchObject({ headers: ['app=1'], cookies: [], node: [] })
    }
  })

  test.each<[string, string, SetCookieRewrite]>([
    ['__Host- with a Domain', '__Host-a=1; Path=/; Secure', { domain: 'app.example.com' }],
    ['__Host- with another path', '__Host-a=1; Path=/; Secure', { path: '/auth' }],
    ['__Host- with a path function', '__Host-a=1; Path=/; Secure', { path: (path) => `/auth${path}` }],
    ['__Host- without Secure', '__Host-a=1; Path=/; Secure', { dropSecure: true }],
    ['__Secure- without Secure', '__Secure-a=1; Path=/; Secure', { dropSecure: true }],
    ['__HOST- (prefixes match case-insensitively)', '__HOST-a=1; Path=/; Secure', { domain: 'app.example.com' }],
    ['__secure- (prefixes match case-insensitively)', '__secure-a=1; Path=/; Secure', { dropSecure: true }],
  ])('a rewrite a browser would reject the cookie for throws: %s', (_, setCookie, rewrite) => {
    expect(() => rewriteSetCookie(setCookie, rewrite)).toThrow(KratosArgumentError)
    // The prefixed cookie comes second: the first must not have been written either.
    const result = forwardTo(['plain=1; Path=/', setCookie], rewrite)
    for (const error of result.errors) expect(error).toBeInstanceOf(KratosArgumentError)
    expect(result).toMatchObject({ headers: ['app=1'], cookies: [], node: [] })
  })

  test('a prefixed cookie is rewritten when the browser would still accept it', () => {
    expect(rewriteSetCookie('__Host-a=1; Path=/; Secure; Domain=kratos.test', { domain: false, path: '/' })).toBe('__Host-a=1; Path=/; Secure')
    expect(rewriteSetCookie('__Host-a=1; Path=/x; Secure', { path: () => '/' })).toBe('__Host-a=1; Path=/; Secure')
    expect(rewriteSetCookie('__Secure-a=1; Path=/; Secure', { domain: 'app.example.com', path: '/auth' })).toBe('__Secure-a=1; Domain=app.example.com; Path=/auth; Secure')
  })

  test('valid rewrites still work through a real Node response', async () => {
    server = await startServer((_request, response) => {
      forwardSetCookie(KRATOS_SET_COOKIES, response, { domain: 'app.example.com', path: (path) => `/auth${path}`, dropSecure: true })
      response.end()
    })
    const received = (await fetch(server.url)).headers.getSetCookie()
    expect(received).toHaveLength(3)
    for (const cookie of received) {
      expect(Cookie.parse(cookie)).toMatchObject({ domain: 'app.example.com', path: '/auth/', secure: false })
    }
  })

  test('property: whatever domain and path are asked for, a written header carries exactly them, on one line', () => {
    const unit = fc.oneof(fc.constantFrom(';', '=', ' ', '\r', '\n', '\0', '\t', '/', '.', '-', 'a', 'Z', '0', 'Domain', 'Secure'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
    // Mostly plausible host names and paths, so that many pass, with hostile characters mixed in.
    const mostly = (common: string[]) => fc.string({ unit: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: unit }), maxLength: 12 })
    const domain = fc.oneof(mostly(['a', 'Z', '0', '-', '.']), fc.constant(false as const))
    const path = fc.oneof(
      mostly(['a', '/', '%', '=', ' ', '.']),
      mostly(['a', '/', '%', '=', ' ', '.']).map((path) => `/${path}`),
    )
    const rewrite = fc.record(
      {
        domain,
        path: fc.oneof(
          path,
          path.map((path) => (_kratosPath: string) => path),
        ),
        dropSecure: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(rewrite, (rewrite) => {
        const headers = new Headers()
        try {
          forwardSetCookie([CSRF_SET_COOKIE], headers, rewrite)
        } catch (error) {
          expect(error).toBeInstanceOf(KratosArgumentError)
          expect(headers.getSetCookie()).toEqual([])
          return
        }
        const [written, ...more] = headers.getSetCookie()
        expect(more).toEqual([])
        expect(written).not.toMatch(/[\r\n\0]/)
        const path = typeof rewrite.path === 'function' ? rewrite.path('/') : (rewrite.path ?? '/')
        expect(attributes(written!)).toEqual({
          ...attributes(CSRF_SET_COOKIE),
          domain: rewrite.domain === false ? null : (rewrite.domain?.replace(/^\./, '').toLowerCase() ?? 'kratos.example.com'),
          path,
          secure: rewrite.dropSecure !== true,
        })
        expect(written!.split(';')).toHaveLength(CSRF_SET_COOKIE.split(';').length - (rewrite.domain === false ? 1 : 0) - (rewrite.dropSecure === true ? 1 : 0))
      }),
      { numRuns: RUNS },
    )
  })
})
