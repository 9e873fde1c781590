import { describe, expect, test } from 'vitest'
import { createKratosClient, type UpdateSettingsFlowResult } from '../../../src/index.js'
import { MAX_JSON_DEPTH, MAX_JSON_VALUES } from '../../../src/utils/json.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'

const MiB = 1024 * 1024
const MAX_BODY = 4 * MiB

// Bodies under maxBodyBytes (4 MiB) shaped to cost memory or stack once parsed and walked.
const SHAPES: Record<string, { body: () => string; parsed: boolean }> = {
  '4 KB of nested arrays': { body: () => '['.repeat(2048) + ']'.repeat(2048), parsed: false },
  '1.3 M empty objects': { body: () => `[${Array.from({ length: 1_300_000 }, () => '{}').join(',')}]`, parsed: false },
  'an object of 1 M keys': { body: () => `{${Array.from({ length: 1_000_000 }, (_, index) => `"${index}":0`).join(',')}}`.slice(0, MAX_BODY), parsed: false },
  'a long array of numbers': { body: () => `[${'0,'.repeat(MAX_BODY / 2 - 2)}0]`, parsed: false },
  'a long array of short strings': { body: () => `[${'"ab",'.repeat(MAX_BODY / 5 - 2)}"ab"]`, parsed: false },
  'one long string': { body: () => JSON.stringify({ error: { id: 'x_unknown', message: 'm', reason: 'r'.repeat(MAX_BODY - 100) } }), parsed: true },
  'one long token-shaped string': { body: () => JSON.stringify({ error: { id: 'x_unknown', message: 'm', reason: 'aB3'.repeat((MAX_BODY - 100) / 3) } }), parsed: true },
  'one long text of secret-looking pairs': { body: () => 'csrf_token=a; '.repeat(MAX_BODY / 14 - 1), parsed: true },
  'objects of 99 distinct keys, beyond the value limit': {
    body: () => `[${Array.from({ length: 1990 }, (_, j) => `{${Array.from({ length: 99 }, (_, i) => `"k${j}_${i}":0`).join(',')}}`).join(',')}]`,
    parsed: false,
  },
  'objects of 99 distinct keys, at the value limit': {
    body: () => `[${Array.from({ length: 199 }, (_, j) => `{${Array.from({ length: 99 }, (_, i) => `"k${j}_${i}":0`).join(',')}}`).join(',')}]`,
    parsed: true,
  },
  'HTML of 700,000 unclosed inputs': { body: () => '<input'.repeat(699_000), parsed: true },
  'one string of repeated secret names': { body: () => JSON.stringify({ error: { id: 'x', message: 'ory_session_token'.repeat((MAX_BODY - 100) / 17) } }), parsed: true },
  'nesting at the depth limit': { body: () => '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), parsed: true },
  'values at the limit': { body: () => `[${'{},'.repeat(MAX_JSON_VALUES / 2 - 1)}{}]`, parsed: true },
}

const calls = {
  createBrowserSettingsFlow: (client: ReturnType<typeof createKratosClient>) => client.createBrowserSettingsFlow(undefined, 'ory_kratos_session=s'),
  getSettingsFlow: (client: ReturnType<typeof createKratosClient>) => client.getSettingsFlow('f1', 'ory_kratos_session=s'),
  updateSettingsFlow: (client: ReturnType<typeof createKratosClient>) => client.updateSettingsFlow('f1', { method: 'password', password: 'p' }, 'ory_kratos_session=s'),
}

/** Peak RSS growth (MB) while `run` runs, sampled every 2 ms, from a baseline taken after a full collection. */
async function peakGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) throw new Error('run with --expose-gc (vitest.config.ts sets it for the unit project)')
  collect()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
  try {
    const result = await run()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, growth: (peak - baseline) / MiB }
  } finally {
    clearInterval(sampler)
  }
}

describe.each(Object.entries(SHAPES))('a body of %s', (name, shape) => {
  test.each(Object.entries(calls))(`%s: a result, never a stack overflow, within 64 MB of RSS`, { timeout: 30_000 }, async (operation, call) => {
    const text = shape.body()
    expect(text.length).toBeLessThanOrEqual(MAX_BODY)
    for (const status of [200, 400, 500]) {
      const client = createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch: async () => new Response(text, { status, headers: { 'content-type': 'application/json' } }) })
      const started = performance.now()
      const { result, growth } = await peakGrowth<UpdateSettingsFlowResult>(() => call(client))
      const time = Math.round(performance.now() - started)
      console.info(
        `structure: ${name}, ${operation}, ${status}: ${result.kind}${result.kind === 'unexpected' ? ` (${result.error.problem})` : ''}, peak RSS growth ${growth.toFixed(1)} MB, ${time} ms`,
      )
      expect(growth).toBeLessThan(64)
      expect(result.kind).toBe(status === 500 || !shape.parsed ? 'unexpected' : result.kind)
      if (result.kind === 'unexpected') expect(result.error.problem === 'body_too_complex').toBe(!shape.parsed)
    }
  })
})

test('a flow at the realistic end (500 nodes) is well within the limits', async () => {
  const flow = makeSettingsFlow()
  flow.ui.nodes = Array.from({ length: 500 }, () => structuredClone(flow.ui.nodes[0]!))
  const client = createKratosClient({ baseUrl: 'http://kratos.test', fetch: async () => Response.json(flow) })
  expect((await client.getSettingsFlow('f1')).kind).toBe('flow')
})
