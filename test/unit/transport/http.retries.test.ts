import { describe, expect, test } from 'vitest'
import { normalizeClientOptions } from '../../../src/request/options.js'
import { statusRetryDelay } from '../../../src/transport/retry-delay.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { BASE, kratosAnswering } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'

describe('requests: retries, aborts and errors that are not the network', () => {
  test('a retried 503 without a body is followed by the next attempt', async () => {
    let calls = 0
    const { kratos } = kratosAnswering(() => (++calls === 1 ? new Response(null, { status: 503 }) : Response.json(makeSettingsFlow())), {
      retry: { limit: 1, delay: () => 0 },
    })
    expect((await kratos.getSettingsFlow(FLOW_ID)).kind).toBe('flow')
    expect(calls).toBe(2)
  })

  test('an error thrown by a beforeRequest hook is thrown as is, never retried', async () => {
    const failure = new RangeError('hook failed')
    let calls = 0
    const { kratos } = kratosAnswering(() => Response.json(makeSettingsFlow()), {
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        beforeRequest: [
          () => {
            calls++
            throw failure
          },
        ],
      },
    })
    await expect(kratos.getSettingsFlow(FLOW_ID)).rejects.toBe(failure)
    expect(calls).toBe(1)
  })

  test('a fetch failing after an abort rejects with the signal reason', async () => {
    const controller = new AbortController()
    const reason = new Error('user left')
    const { kratos } = kratosAnswering(() => {
      controller.abort(reason)
      throw new TypeError('fetch failed')
    })
    await expect(kratos.getSettingsFlow(FLOW_ID, undefined, { signal: controller.signal })).rejects.toBe(reason)
  })
})

describe('Retry-After and the wait before a retry', () => {
  const config = normalizeClientOptions({ baseUrl: BASE, retry: { limit: 2, delay: () => 300, maxRetryAfter: 60_000 } })
  const decide = (retryAfter: string) => statusRetryDelay(new Response(null, { status: 503, headers: { 'retry-after': retryAfter } }), 1, config)

  test('whole seconds, padded or several digits, are seconds; anything else not a date falls back to the delay', () => {
    expect(decide(' 2 ')).toBe(2000)
    expect(decide('12')).toBe(12_000)
    expect(decide('1e3')).toBe(300)
    expect(decide('3s')).toBe(300)
  })
})
