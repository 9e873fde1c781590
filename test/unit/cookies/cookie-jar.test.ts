import { CookieJar } from 'tough-cookie'
import { describe, expect, test } from 'vitest'
import { getCookieHeaderFromJar, rewriteSetCookie, saveSetCookie } from '../../../src/cookies/index.js'
import { KratosArgumentError } from '../../../src/index.js'
import { CSRF_SET_COOKIE, SESSION_SET_COOKIE, SESSION_DELETION, pairOf } from '../../helpers/kratos-cookies.js'

const KRATOS = 'https://kratos.example.com/self-service/settings/browser'

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(KratosArgumentError)
  return (error as Error).message
}

describe('saveSetCookie and getCookieHeaderFromJar', () => {
  test('round-trip Kratos cookies through a jar, as a browser would', async () => {
    const jar = new CookieJar()
    expect(await getCookieHeaderFromJar(jar, KRATOS)).toBeUndefined()
    expect(await saveSetCookie(jar, [CSRF_SET_COOKIE, SESSION_SET_COOKIE], KRATOS)).toEqual([])
    expect(await getCookieHeaderFromJar(jar, new URL(KRATOS))).toBe(`${pairOf(CSRF_SET_COOKIE)}; ${pairOf(SESSION_SET_COOKIE)}`)
    expect(await saveSetCookie(jar, [SESSION_DELETION], new URL(KRATOS))).toEqual([])
    expect(await getCookieHeaderFromJar(jar, KRATOS)).toBe(pairOf(CSRF_SET_COOKIE))
  })

  test('skip a cookie a browser would reject, and name it', async () => {
    const jar = new CookieJar()
    expect(await saveSetCookie(jar, [CSRF_SET_COOKIE, 'kept=1; Path=/'], 'https://elsewhere.example.org/')).toEqual([pairOf(CSRF_SET_COOKIE).split('=')[0]])
    expect(await saveSetCookie(jar, [rewriteSetCookie(SESSION_SET_COOKIE, { domain: false })], 'http://kratos.test/')).toEqual(['ory_kratos_session'])
    expect(await getCookieHeaderFromJar(jar, 'https://elsewhere.example.org/')).toBe('kept=1')
  })

  test('store Secure cookies over plain http to localhost and loopback, as browsers do', async () => {
    for (const url of ['http://localhost:4433/', 'http://127.0.0.1:4433/']) {
      const jar = new CookieJar()
      expect(await saveSetCookie(jar, ['a=1; Secure; Path=/'], url)).toEqual([])
      expect(await getCookieHeaderFromJar(jar, url)).toBe('a=1')
    }
  })

  test('reject a URL that is not an absolute http(s) URL, naming the function and not the URL', async () => {
    for (const url of ['', 'kratos.test', '/self-service', 'ftp://kratos.test/', 'ahttp://kratos.test/', 'http://', undefined]) {
      const jar = new CookieJar()
      expect(await rejection(saveSetCookie(jar, ['a=1'], url as never))).toBe("saveSetCookie() needs Kratos' URL as an absolute http or https URL.")
      expect(await rejection(getCookieHeaderFromJar(jar, url as never))).toBe("getCookieHeaderFromJar() needs Kratos' URL as an absolute http or https URL.")
      expect(jar.serializeSync()?.cookies).toEqual([])
    }
  })

  test('reject Set-Cookie headers that are not an array', async () => {
    const jar = new CookieJar()
    expect(await rejection(saveSetCookie(jar, 'a=1' as never, KRATOS))).toBe('saveSetCookie() needs the Set-Cookie headers as an array, as in result.setCookie.')
    expect(jar.serializeSync()?.cookies).toEqual([])
  })
})
