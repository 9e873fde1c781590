import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A fetch-style handler: a Request in, a Response out (or undefined for 404). */
export type FetchHandler = (request: Request) => Response | undefined | Promise<Response | undefined>

/** The URL of a request target: only its path and query count, so `//host/path` is a path on `origin`, not another host. */
function targetUrl(target: string, origin: string): URL {
  const { pathname, search } = new URL(target.startsWith('/') ? `${origin}${target}` : target, origin)
  return new URL(`${origin}${pathname}${search}`)
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (let i = 0; i < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!)
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  const body = chunks.length === 0 ? null : Buffer.concat(chunks)
  // Stryker disable next-line StringLiteral: node's HTTP server always sets a request's url and method
  return new Request(targetUrl(message.url ?? '/', origin), { method: message.method ?? 'GET', headers, body })
}

async function send(response: Response, reply: ServerResponse): Promise<void> {
  // No prototype: a header named `__proto__` is a header like any other.
  const headers = Object.create(null) as Record<string, string | string[]>
  response.headers.forEach((value, name) => {
    // Stryker disable next-line StringLiteral: the set-cookie entry is replaced below by every cookie; only its position among the headers changes
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  reply.writeHead(response.status, headers)
  reply.end(Buffer.from(await response.arrayBuffer()))
}

/** Serves a fetch handler over real HTTP on `host` (an ephemeral port unless given). */
export async function serve(handler: FetchHandler, port = 0, host = '127.0.0.1'): Promise<{ origin: string; close: () => Promise<void> }> {
  // Stryker disable next-line StringLiteral: origin is assigned once listening, before any request can arrive
  let origin = ''
  const server = createServer((message, reply) => {
    toRequest(message, origin)
      .then(async (request) => (await handler(request)) ?? new Response('Not found', { status: 404 }))
      .then((response) => send(response, reply))
      .catch(() => reply.writeHead(500).end())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const hostname = host.includes(':') ? `[${host}]` : host
  origin = `http://${hostname}:${(server.address() as AddressInfo).port}`
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
