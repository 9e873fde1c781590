import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createKratosClient, KratosNetworkError } from '../../../src/index.js'
import { leakedSecrets } from '../../helpers/leaks.js'

// A hostile or broken upstream answers with bytes that are not valid HTTP. undici throws an
// HTTPParserError whose `data` is the raw rest of the response: its Set-Cookie session, the flow's
// CSRF token and the request's cookie echoed back. None of it may reach the thrown error.
const SESSION = 'MTc2MzY4ODAwMHxTZXNzaW9uU2VjcmV0VmFsdWUxMjM0NQ'
const CSRF_TOKEN = 'Q1NSRlRva2VuU2VjcmV0VmFsdWVGb3JUaGVGbG93MTIz'
const REQUEST_COOKIE = 'ory_kratos_session=UmVxdWVzdENvb2tpZVNlY3JldDk4NzY1NDMyMQ'
const body = `{"ui":{"nodes":[{"attributes":{"name":"csrf_token","value":"${CSRF_TOKEN}"}}]},"echo":"${REQUEST_COOKIE}"}`

const MALFORMED: Record<string, string> = {
  'a space before a colon': `HTTP/1.1 200 OK\r\nSet-Cookie: ory_kratos_session=${SESSION}\r\nContent-Type : application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  'a control character in a header': `HTTP/1.1 200 OK\r\nSet-Cookie: ory_kratos_session=${SESSION}\r\nX-Bad: a\u0001b ${CSRF_TOKEN}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  'broken chunk framing': `HTTP/1.1 200 OK\r\nSet-Cookie: ory_kratos_session=${SESSION}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
  'a malformed status line': `HTTP/1.1 2OO OK ${SESSION}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
}

let server: Server
let port = 0
const sockets = new Set<Socket>()

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket)
    socket.once('data', (chunk) => {
      const path = /^GET (\S+)/.exec(chunk.toString())?.[1] ?? ''
      const name = decodeURIComponent(new URL(path, 'http://x').searchParams.get('return_to') ?? '')
      socket.end(MALFORMED[name] ?? 'HTTP/1.1 500 X\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
})

describe('a malformed response leaves no raw data in the thrown error or its causes', () => {
  test.each(Object.keys(MALFORMED))('%s', async (name) => {
    const kratos = createKratosClient({ baseUrl: `http://127.0.0.1:${port}`, retry: 0 })
    const error = await kratos.createBrowserSettingsFlow(name, REQUEST_COOKIE).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(KratosNetworkError)
    expect(leakedSecrets(error, [SESSION, CSRF_TOKEN, REQUEST_COOKIE.split('=')[1]!])).toEqual([])
    // What a developer needs is still there: the kind of failure and its message.
    const cause = (error as Error).cause as Error
    expect(cause).toBeInstanceOf(TypeError)
    expect(cause.message).toMatch(/^(fetch failed|terminated)$/)
    expect((cause.cause as Error | undefined)?.name, name).toMatch(/Error$/)
  })
})

describe("server text in an error's fields meant for logs cannot forge a log line or drive a terminal", () => {
  test('an unknown id, the reason and the request id keep no CR, LF, ESC or C1 control', async () => {
    const { kratosAnswering } = await import('../../helpers/fake-kratos.js')
    const forged = 'x\r\n2026-12-07 INFO user=admin logged in\u001b[2K\u0085\u009b31m'
    const { kratos } = kratosAnswering(() => Response.json({ error: { id: `unknown${forged}`, code: 400, message: 'm', reason: `r${forged}`, request: `q${forged}` } }, { status: 400 }))
    const result = await kratos.getSettingsFlow('7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f')
    if (result.kind !== 'unexpected') throw new Error(result.kind)
    const { id, reason, requestId } = result.error
    for (const text of [id, reason!, requestId!]) expect(text, text).not.toMatch(/[\r\n\u001b\u0085\u009b]/)
    expect(reason).toBe('rx\\r\\n2026-12-07 INFO user=admin logged in\\u001b[2K\\u0085\\u009b31m')
  })
})

describe("a network error's cause chain is a bounded copy", () => {
  test('four causes deep at most; each keeps its kind, its name, its code as a field, and nothing else', async () => {
    const { KratosNetworkError } = await import('../../../src/index.js')
    let deepest: Error = Object.assign(new Error('level 6'), { code: 'E6' })
    for (let level = 5; level >= 1; level--)
      deepest = Object.assign(level === 1 ? new TypeError('fetch failed', { cause: deepest }) : new Error(`level ${level}`, { cause: deepest }), { data: 'raw', code: `E${level}` })
    const parser = Object.assign(new Error('Parse Error'), { name: 'HTTPParserError', data: 'HTTP/1.1 200\r\nSet-Cookie: s=1', code: 'HPE_INVALID_HEADER_TOKEN' })
    const error = new KratosNetworkError('GET', 'http://kratos.test/x', deepest)
    const chain: Error[] = []
    for (let current = error.cause as Error | undefined; current !== undefined; current = current.cause as Error | undefined) chain.push(current)
    expect(chain.map((cause) => cause.message)).toEqual(['fetch failed', 'level 2', 'level 3', 'level 4'])
    expect(chain[0]).toBeInstanceOf(TypeError)
    expect(chain.map((cause) => (cause as Error & { code?: string }).code)).toEqual(['E1', 'E2', 'E3', 'E4'])
    expect(Object.keys(chain[0]!)).toEqual(['code'])
    const copied = new KratosNetworkError('GET', 'http://kratos.test/x', new TypeError('fetch failed', { cause: parser })).cause as Error
    expect(copied.cause).toMatchObject({ name: 'HTTPParserError', message: 'Parse Error', code: 'HPE_INVALID_HEADER_TOKEN' })
    expect(Object.keys(copied.cause as object).sort()).toEqual(['code', 'name'])
  })
})
