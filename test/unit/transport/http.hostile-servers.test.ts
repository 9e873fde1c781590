import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, test } from 'vitest'
import { createKratosClient, KratosNetworkError, KratosTimeoutError } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { startServer, type TestServer } from '../../helpers/http-server.js'

// Servers that misbehave on purpose, on 127.0.0.1. Each bound below is the test's own timeout,
// so a call that hangs fails the test rather than CI.
const TIMEOUT = 300
const RETRIES = 2
const MARGIN = 2_000
const MiB = 1024 * 1024

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const client = (retry: number | { limit: number; delay: () => number; maxRetryAfter?: number } = RETRIES, timeout = TIMEOUT) => createKratosClient({ baseUrl: server!.url, timeout, retry })

describe('a server that accepts and never answers', () => {
  test('is given up on within timeout × (retries + 1), as KratosTimeoutError, after one attempt', { timeout: TIMEOUT * (RETRIES + 1) + MARGIN }, async () => {
    server = await startServer(() => {})
    const started = performance.now()
    await expect(client().createBrowserSettingsFlow(undefined, 'a=1')).rejects.toThrow(KratosTimeoutError)
    console.info(`hostile: no answer, gave up after ${Math.round(performance.now() - started)} ms (timeout ${TIMEOUT} ms)`)
    expect(server.requests).toHaveLength(1)
  })
})

describe('a server that breaks off the body', () => {
  const headersThen = (then: (response: ServerResponse) => void) => async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"id":"half a flow')
      then(response)
    })
  }

  test('stalling after the headers is a KratosTimeoutError', { timeout: TIMEOUT * (RETRIES + 1) + MARGIN }, async () => {
    await headersThen(() => {})()
    await expect(client().getSettingsFlow('f1')).rejects.toThrow(KratosTimeoutError)
  })

  test('closing mid-body is a KratosNetworkError', async () => {
    await headersThen((response) => response.socket?.destroy())()
    await expect(client(0).getSettingsFlow('f1')).rejects.toThrow(KratosNetworkError)
  })
})

describe('a 50 MB body', () => {
  const SIZE = 50 * MiB
  const chunk = Buffer.alloc(64 * 1024, 'a')

  /** Streams `SIZE` bytes of a JSON string, without a Content-Length unless asked. */
  const streamer = (withLength: boolean) => (_request: unknown, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(SIZE) } : {}) })
    let sent = 0
    const pump = () => {
      while (sent < SIZE) {
        sent += chunk.length
        if (!response.write(chunk)) return void response.once('drain', pump)
      }
      response.end()
    }
    response.on('error', () => {})
    pump()
  }

  test.each([false, true])('is not buffered: kind unexpected, resident memory grows by less than 64 MB (Content-Length sent: %s)', async (withLength) => {
    server = await startServer(streamer(withLength))
    const baseline = process.memoryUsage().rss
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
    const result = await client(0, 10_000).createBrowserSettingsFlow()
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    expect(result).toMatchObject({ kind: 'unexpected', status: 200, error: { problem: 'body_too_large' } })
    const growth = (peak - baseline) / MiB
    console.info(`hostile: 50 MB body (Content-Length ${withLength ? 'sent' : 'absent'}), peak RSS growth ${growth.toFixed(1)} MB`)
    expect(growth).toBeLessThan(64)
  })
})

describe('retries', () => {
  test('429 with Retry-After is honoured; an hour is capped by maxRetryAfter', { timeout: MARGIN * 2 }, async () => {
    server = await startServer((_request, response) => response.writeHead(429, { 'retry-after': '3600' }).end())
    const result = await client({ limit: 2, delay: () => 0, maxRetryAfter: 20 }).createBrowserSettingsFlow()
    expect(result).toMatchObject({ kind: 'unexpected', status: 429 })
    expect(server.requests).toHaveLength(3)
  })

  test.each([0, 1, 2])('a server that always answers 503 sees exactly limit + 1 GETs (limit %i), and one POST', async (limit) => {
    server = await startServer((_request, response) => response.writeHead(503).end())
    const kratos = client({ limit, delay: () => 0 })
    await kratos.getSettingsFlow('f1')
    expect(server.requests).toHaveLength(limit + 1)
    await kratos.updateSettingsFlow(makeSettingsFlow(), { method: 'password', password: 'x' })
    expect(server.requests).toHaveLength(limit + 2)
  })
})
