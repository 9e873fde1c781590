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
})
