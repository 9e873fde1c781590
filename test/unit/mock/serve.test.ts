import { request as httpRequest } from 'node:http'
import { describe, expect, test } from 'vitest'
import { serve } from '../../../src/mock/serve.js'

// A server that never answers fails its test here rather than at the suite's 60 s limit.
const HANG_GUARD_MS = 5_000

type Sent = { status: number; body: string }
const rawRequest = (origin: string, options: { method?: string; path: string; headers?: Record<string, string | string[]>; body?: string }) =>
  new Promise<Sent>((resolve, reject) => {
    const { hostname, port } = new URL(origin)
    const req = httpRequest({ host: hostname, port, agent: false, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })

describe('serve: a fetch handler over real HTTP', () => {
  test('the handler gets the method, path, query, every header the client sent (and no other) and the body', async () => {
    const server = await serve(async (request) => Response.json({ method: request.method, url: request.url, headers: [...request.headers], body: await request.text() }))
    try {
      const sent = await rawRequest(server.origin, {
        method: 'POST',
        path: '/self-service/settings?flow=1',
        headers: { 'x-one': ['a', 'b'], 'content-type': 'text/plain', 'content-length': '5' },
        body: 'hello',
      })
      expect(JSON.parse(sent.body)).toEqual({
        method: 'POST',
        url: `${server.origin}/self-service/settings?flow=1`,
        headers: [
          ['connection', 'close'],
          ['content-length', '5'],
          ['content-type', 'text/plain'],
          ['host', new URL(server.origin).host],
          ['x-one', 'a, b'],
        ],
        body: 'hello',
      })
    } finally {
      await server.close()
    }
  })

  test('a request the handler does not serve is a 404 saying so', async () => {
    const server = await serve(() => undefined)
    try {
      const sent = await rawRequest(server.origin, { path: '/elsewhere' })
      expect(sent).toEqual({ status: 404, body: 'Not found' })
    } finally {
      await server.close()
    }
  })

  test(
    'a handler that throws is a 500, not a hung request',
    async () => {
      const server = await serve(() => {
        throw new Error('boom')
      })
      try {
        expect(await rawRequest(server.origin, { path: '/' })).toEqual({ status: 500, body: '' })
      } finally {
        await server.close()
      }
    },
    HANG_GUARD_MS,
  )

  test(
    'listening on a port already in use rejects with EADDRINUSE',
    async () => {
      const first = await serve(() => undefined)
      try {
        await expect(serve(() => undefined, Number(new URL(first.origin).port))).rejects.toMatchObject({ code: 'EADDRINUSE' })
      } finally {
        await first.close()
      }
    },
    HANG_GUARD_MS,
  )

  test(
    'close stops listening',
    async () => {
      const server = await serve(() => new Response('up'))
      expect((await rawRequest(server.origin, { path: '/' })).body).toBe('up')
      await server.close()
      await expect(rawRequest(server.origin, { path: '/' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    },
    HANG_GUARD_MS,
  )

  test(
    'close ends a connection whose request is still in progress instead of waiting for it',
    async () => {
      let arrived!: () => void
      const inProgress = new Promise<void>((resolve) => (arrived = resolve))
      const server = await serve(() => {
        arrived()
        return new Promise<undefined>(() => {})
      })
      const outcome = rawRequest(server.origin, { path: '/' }).then(
        () => 'answered',
        () => 'cut off',
      )
      await inProgress
      await server.close()
      expect(await outcome).toBe('cut off')
    },
    HANG_GUARD_MS,
  )
})

describe('serve: what a long-running command must refuse', () => {
  test(
    'a body over 1 MiB is a 413, by its Content-Length or, chunked, as it arrives; the handler never runs',
    async () => {
      let calls = 0
      const server = await serve(async () => (calls++, new Response('ok')))
      try {
        const big = 'x'.repeat(1024 * 1024 + 1)
        expect(
          await rawRequest(server.origin, { method: 'POST', path: '/nowhere', headers: { 'content-length': String(big.length) }, body: big }).catch(() => ({ status: 413, body: '' })),
        ).toMatchObject({ status: 413 })
        expect(await rawRequest(server.origin, { method: 'POST', path: '/nowhere', headers: { 'transfer-encoding': 'chunked' }, body: big }).catch(() => ({ status: 413, body: '' }))).toMatchObject({
          status: 413,
        })
        expect(calls).toBe(0)
        expect((await rawRequest(server.origin, { method: 'POST', path: '/x', body: 'x'.repeat(1024) })).status).toBe(200)
      } finally {
        await server.close()
      }
    },
    HANG_GUARD_MS,
  )

  test('with hosts, a Host header not among them is a 421 (DNS rebinding), and the handler never runs', async () => {
    let calls = 0
    const server = await serve(
      async () => (calls++, new Response('ok')),
      0,
      '127.0.0.1',
      (origin) => [new URL(origin).host],
    )
    try {
      expect(await rawRequest(server.origin, { path: '/', headers: { host: 'attacker.example' } })).toMatchObject({ status: 421 })
      expect(await rawRequest(server.origin, { path: '/', headers: { host: `attacker.example:${new URL(server.origin).port}` } })).toMatchObject({ status: 421 })
      expect(calls).toBe(0)
      expect(await rawRequest(server.origin, { path: '/' })).toMatchObject({ status: 200, body: 'ok' })
    } finally {
      await server.close()
    }
  })
})
