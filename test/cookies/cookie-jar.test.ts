import { CookieJar } from 'tough-cookie'
import { describe, expect, test } from 'vitest'
import { getCookieHeaderFromJar, rewriteSetCookie, saveSetCookie } from '../../src/cookies/index.js'
import { CSRF_SET_COOKIE, SESSION_SET_COOKIE, SESSION_DELETION, pairOf } from './kratos-cookies.js'

const KRATOS = 'https://kratos.example.com/self-service/settings/browser'

describe('saveSetCookie and getCookieHeaderFromJar', () => {
  test('round-trip Kratos cookies through a jar, as a browser would', async () => {
    const jar = new CookieJar()
    expect(await getCookieHeaderFromJar(jar, KRATOS)).toBeUndefined()
    await saveSetCookie(jar, [CSRF_SET_COOKIE, SESSION_SET_COOKIE], KRATOS)
    expect(await getCookieHeaderFromJar(jar, new URL(KRATOS))).toBe(`${pairOf(CSRF_SET_COOKIE)}; ${pairOf(SESSION_SET_COOKIE)}`)
    await saveSetCookie(jar, [SESSION_DELETION], KRATOS)
    expect(await getCookieHeaderFromJar(jar, KRATOS)).toBe(pairOf(CSRF_SET_COOKIE))
  })

  test('reject a cookie a browser would reject', async () => {
    await expect(saveSetCookie(new CookieJar(), [CSRF_SET_COOKIE], 'https://elsewhere.example.org/')).rejects.toThrow(/domain/i)
    await expect(saveSetCookie(new CookieJar(), [rewriteSetCookie(SESSION_SET_COOKIE, { domain: false })], 'http://kratos.test/')).rejects.toThrow(/secure/i)
  })
})
