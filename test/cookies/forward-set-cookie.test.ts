import { ResponseCookies } from 'next/dist/compiled/@edge-runtime/cookies/index.js'
import { NextResponse } from 'next/server.js'
import { afterEach, describe, expect, test } from 'vitest'
import { forwardSetCookie } from '../../src/cookies/index.js'
import { KratosArgumentError } from '../../src/index.js'
import { startServer, type TestServer } from '../helpers/http-server.js'
import { CSRF_SET_COOKIE, KRATOS_SET_COOKIES, SESSION_DELETION, pairOf } from './kratos-cookies.js'

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
    forwardSetCookie([SESSION_DELETION, 'plain=abc-123_XYZ; Path=/auth; Domain=app.example.com; HttpOnly; SameSite=Strict; Partitioned; Priority=High'], new ResponseCookies(headers))
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
    expect(() => forwardSetCookie(['a=1; Path=/', 'a=2; Path=/x'], new ResponseCookies(new Headers()))).toThrow(/set twice/)
  })

  test('rejects a target it cannot write to', () => {
    for (const target of [{}, { headers: {} }]) {
      expect(() => forwardSetCookie(KRATOS_SET_COOKIES, target as never)).toThrow(KratosArgumentError)
    }
  })
})
