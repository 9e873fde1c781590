import type { AfterResponseState } from 'ky'
import { describe, expect, test } from 'vitest'
import { retryOnStatus } from '../../src/client/create-http.js'
import { normalizeClientOptions } from '../../src/client/options.js'

const hook = retryOnStatus(normalizeClientOptions({ baseUrl: 'http://kratos.test', retry: { limit: 2, maxRetryAfter: 100 } }))

// What the hook answers for one response: no retry, or a retry with ky's default delay, or with a given delay.
function decide(status: number, headers: Record<string, string> = {}, retryCount = 0, method = 'GET') {
  const state = {
    request: new Request('http://kratos.test/self-service/settings/browser', { method }),
    response: new Response(null, { status, headers }),
    retryCount,
  } as unknown as AfterResponseState
  const marker = hook(state) as { options?: { delay?: number } } | undefined
  if (marker === undefined) return 'no retry'
  return marker.options?.delay === undefined ? 'default delay' : marker.options.delay
}

describe('retryOnStatus', () => {
  test('retries 502, 503 and 504 with the default delay', () => {
    for (const status of [502, 503, 504]) expect(decide(status)).toBe('default delay')
  })

  test('never retries other statuses, a POST, or past the limit', () => {
    for (const status of [200, 303, 400, 401, 403, 404, 410, 422, 500, 501]) expect(decide(status)).toBe('no retry')
    expect(decide(503, {}, 0, 'POST')).toBe('no retry')
    expect(decide(503, {}, 2)).toBe('no retry')
    expect(decide(503, {}, 1)).toBe('default delay')
  })

  test('retries 429 only when it carries Retry-After', () => {
    expect(decide(429)).toBe('no retry')
    expect(decide(429, { 'retry-after': '0' })).toBe(0)
  })

  test('honours Retry-After in seconds or as a date, capped by maxRetryAfter', () => {
    expect(decide(503, { 'retry-after': '0' })).toBe(0)
    expect(decide(503, { 'retry-after': '3600' })).toBe(100)
    expect(decide(429, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() })).toBe(0)
    expect(decide(429, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() })).toBe(100)
  })

  test('falls back to the default delay for a malformed Retry-After', () => {
    expect(decide(503, { 'retry-after': 'soon' })).toBe('default delay')
  })
})
