import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A fetch-style handler: a Request in, a Response out (or undefined for 404). */
export type FetchHandler = (request: Request) => Response | undefined | Promise<Response | undefined>

/** The URL of a request target: only its path and query count, so `//host/path` is a path on `origin`, not another host. */
function targetUrl(target: string, origin: string): URL {
  const { pathname, search } = new URL(target.startsWith('/') ? `${origin}${target}` : target, origin)
  return new URL(`${origin}${pathname}${search}`)
}

/** The largest request body the mock reads: a settings update is a few kilobytes. */
export const MAX_REQUEST_BYTES = 1024 * 1024

/** A request the mock refuses before its handler sees it, with the status to answer. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers()
  for (let i = 0; i < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!)
  if (Number(message.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) throw new Refused(413, 'Request body too large')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of message) {
    size += (chunk as Buffer).length
    // Stop reading at the bound, whatever the headers said (chunked bodies have no length).
    if (size > MAX_REQUEST_BYTES) throw new Refused(413, 'Request body too large')
    chunks.push(chunk as Buffer)
  }
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

/**
 * Serves a fetch handler over real HTTP on `host` (an ephemeral port unless given). A request
 * body over {@link MAX_REQUEST_BYTES} is a 413, unread; with `hosts`, a `Host` header not among
 * them is a 421 (a page on another name that resolves to this address, DNS rebinding, gets nothing).
 */
export async function serve(handler: FetchHandler, port = 0, host = '127.0.0.1', hosts?: (origin: string) => readonly string[]): Promise<{ origin: string; close: () => Promise<void> }> {
  // Stryker disable next-line StringLiteral: origin is assigned once listening, before any request can arrive
  let origin = ''
  let allowed: ReadonlySet<string> | undefined
  const server = createServer((message, reply) => {
    if (allowed !== undefined && !allowed.has((message.headers.host ?? '').toLowerCase())) {
      reply.writeHead(421, { 'content-type': 'text/plain', connection: 'close' }).end('Misdirected request: this mock Kratos does not serve that host\n')
      return
    }
    toRequest(message, origin)
      .then(async (request) => (await handler(request)) ?? new Response('Not found', { status: 404 }))
      .then((response) => send(response, reply))
      .catch((error: unknown) => {
        if (error instanceof Refused) reply.writeHead(error.status, { 'content-type': 'text/plain', connection: 'close' }).end(`${error.message}\n`)
        else reply.writeHead(500).end()
        // What was not read is not read: the connection closes.
        message.destroy()
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const hostname = host.includes(':') ? `[${host}]` : host
  origin = `http://${hostname}:${(server.address() as AddressInfo).port}`
  if (hosts !== undefined) allowed = new Set(hosts(origin).map((name) => name.toLowerCase()))
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
