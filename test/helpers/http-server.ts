import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'

/** A real HTTP server on 127.0.0.1 for tests about HTTP itself. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: IncomingMessage[]
  close(): Promise<void>
}

/** Starts a server on an ephemeral loopback port; `handler` answers each request. */
export async function startServer(handler: (request: IncomingMessage, response: ServerResponse) => unknown): Promise<TestServer> {
  const requests: IncomingMessage[] = []
  const server = createServer((request, response) => {
    requests.push(request)
    // An async handler's rejection stays unhandled, so that vitest reports it.
    void handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The value of one raw request header, exactly as it arrived on the wire. */
export function rawHeader(request: IncomingMessage, name: string): string | undefined {
  const index = request.rawHeaders.findIndex((key, i) => i % 2 === 0 && key.toLowerCase() === name)
  return index === -1 ? undefined : request.rawHeaders[index + 1]
}

/** A loopback port that is free now, for a server started by another process. */
export async function freePort(): Promise<number> {
  const probe = createNetServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}
