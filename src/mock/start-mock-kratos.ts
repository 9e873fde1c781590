import { createMockKratos, type MockKratosOptions } from './mock-kratos.js'
import { serve } from './serve.js'

/** Options of {@link startMockKratos}: the mock's options, with the URL taken from where it listens. */
export interface StartMockKratosOptions extends Omit<MockKratosOptions, 'baseUrl'> {
  /** The port to listen on; 0 picks a free one. @default 0 */
  port?: number | undefined
  /** The loopback address to listen on. @default '127.0.0.1' */
  host?: string | undefined
  /** A path prefix Kratos is mounted under, such as `/auth`. @default '' */
  prefix?: string | undefined
}

/** A running mock Kratos. */
export interface MockKratosServer {
  /** Its base URL (origin and prefix): pass it to `createKratosClient({ baseUrl })`. */
  readonly url: string
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

/**
 * Serves {@link createMockKratos} over real HTTP, for end-to-end tests of an app that runs in
 * another process (a Next.js server, a browser).
 * @example
 * const kratos = await startMockKratos({ port: 4433 })
 * // … KRATOS_URL=kratos.url …
 * await kratos.close()
 */
export async function startMockKratos(options: StartMockKratosOptions = {}): Promise<MockKratosServer> {
  const { port = 0, host = '127.0.0.1', prefix = '', ...mockOptions } = options
  let handler: ReturnType<typeof createMockKratos> = async () => undefined
  const server = await serve((request) => handler(request), port, host)
  const url = `${server.origin}${prefix.replace(/\/$/, '')}`
  handler = createMockKratos({ ...mockOptions, baseUrl: url })
  return { url, close: server.close }
}
