import { describe, expect, test } from 'vitest'
import { normalizeClientOptions } from '../../../src/request/options.js'
import { statusRetryDelay } from '../../../src/transport/retry-delay.js'

const config = normalizeClientOptions({ baseUrl: 'http://kratos.test', retry: { limit: 2, delay: (attempt) => attempt * 1000, maxRetryAfter: 100 } })

// What the policy answers for retry number `attempt` after one response: no retry, or a delay in ms.
const decide = (status: number, headers: Record<string, string> = {}, attempt = 1) => statusRetryDelay(new Response(null, { status, headers }), attempt, config) ?? 'no retry'

describe('statusRetryDelay', () => {
  test('retries 502, 503 and 504 with the configured delay for that attempt', () => {
    for (const status of [502, 503, 504]) expect(decide(status)).toBe(1000)
    expect(decide(503, {}, 2)).toBe(2000)
  })

  // The limit is ky's: the transport asks only while ky's retry limit allows (test/unit/transport/http.server.test.ts).
  test('never retries other statuses', () => {
    for (const status of [200, 303, 400, 401, 403, 404, 410, 422, 500, 501]) expect(decide(status)).toBe('no retry')
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

  test('falls back to the configured delay for a malformed Retry-After', () => {
    expect(decide(503, { 'retry-after': 'soon' })).toBe(1000)
  })
})
