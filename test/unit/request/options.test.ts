import { describe, expect, test } from 'vitest'
import { normalizeClientOptions } from '../../../src/request/options.js'

describe('normalizeClientOptions', () => {
  test('applies the defaults DESIGN states', () => {
    const config = normalizeClientOptions({ baseUrl: 'https://app.example.com/auth' })
    expect(config).toMatchObject({
      timeout: 10_000,
      retry: { limit: 2, maxRetryAfter: 5000 },
      maxBodyBytes: 4 * 1024 * 1024,
      credentials: 'include',
      headers: {},
      fetch: undefined,
    })
    expect(config.endpoints.update).toBe('https://app.example.com/auth/self-service/settings')
    expect([1, 2].map(config.retry.delay)).toEqual([300, 600])
  })

  test('takes a number as the retry limit', () => {
    expect(normalizeClientOptions({ baseUrl: 'http://kratos.test', retry: 0 }).retry.limit).toBe(0)
  })

  test('copies the shared headers, so later changes by the caller do not leak into requests', () => {
    const headers = { 'x-a': '1' }
    const config = normalizeClientOptions({ baseUrl: 'http://kratos.test', headers })
    headers['x-a'] = '2'
    expect(config.headers).toEqual({ 'x-a': '1' })
  })

  test('browserUrl defaults to baseUrl: no forwarded headers, the same endpoints', () => {
    const config = normalizeClientOptions({ baseUrl: 'http://kratos.test/auth' })
    expect(config.browserEndpoints).toEqual(config.endpoints)
    expect(config.headers).toEqual({})
  })

  // x/http.go RequestURL: Kratos takes X-Forwarded-Host over the Host it received, and X-Forwarded-Proto over its scheme.
  test('a browserUrl on another origin gives its own endpoints and tells Kratos its host and scheme', () => {
    const config = normalizeClientOptions({ baseUrl: 'http://kratos:4433', browserUrl: 'https://auth.example.com:8443/kratos' })
    expect(config.endpoints.login).toBe('http://kratos:4433/self-service/login/browser')
    expect(config.browserEndpoints.login).toBe('https://auth.example.com:8443/kratos/self-service/login/browser')
    expect(config.headers).toEqual({ 'x-forwarded-host': 'auth.example.com:8443', 'x-forwarded-proto': 'https' })
  })

  test("a browserUrl on the same origin sends no forwarded headers, and the caller's own forwarded headers win", () => {
    expect(normalizeClientOptions({ baseUrl: 'http://kratos.test', browserUrl: 'http://kratos.test/other' }).headers).toEqual({})
    const headers = { 'X-Forwarded-Host': 'proxy.example.com' }
    expect(normalizeClientOptions({ baseUrl: 'http://kratos:4433', browserUrl: 'https://auth.example.com', headers }).headers).toEqual({
      'x-forwarded-host': 'proxy.example.com',
      'x-forwarded-proto': 'https',
    })
  })

  test('browserUrl is checked as baseUrl is, and named in the error', () => {
    for (const browserUrl of [42, '/auth', 'ftp://auth.example.com', 'https://user:pw@auth.example.com', 'https://auth.example.com/?a=1', 'https://auth.example.com/\r\n']) {
      expect(() => normalizeClientOptions({ baseUrl: 'http://kratos.test', browserUrl: browserUrl as string }), String(browserUrl)).toThrow(/browserUrl/)
    }
  })
})
