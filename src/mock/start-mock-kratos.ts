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
  /**
   * Kratos' public URL as browsers reach it (`serve.public.base_url`), prefix included, when it is
   * not where the mock listens: a proxy's address, or `http://localhost:4433` so that an app on
   * `http://localhost:3000` shares its cookies. @default where it listens, with `prefix`
   */
  publicUrl?: string | undefined
}

/** A running mock Kratos. */
export interface MockKratosServer {
  /** Where it listens (origin and prefix): pass it to `createKratosClient({ baseUrl })`. */
  readonly url: string
  /** Its public URL, as browsers reach it: `publicUrl`, or `url`. */
  readonly publicUrl: string
  /** Stops listening and closes open connections. */
  close(): Promise<void>
}

/**
 * `handler` for requests that reach it at `listening` while Kratos' URLs are on `publicBase`: each
 * request's path is seen under the public prefix, and its host stays the one it arrived at, as a
 * Kratos behind a proxy sees it (URLs Kratos derives from a request need `X-Forwarded-Host`).
 */
function rebased(handler: ReturnType<typeof createMockKratos>, listening: URL, publicBase: URL): ReturnType<typeof createMockKratos> {
  const listeningPath = listening.pathname.replace(/\/$/, '')
  const publicPath = publicBase.pathname.replace(/\/$/, '')
  return async (request) => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith(`${listeningPath}/`)) return undefined
    const seen = new URL(`${url.origin}${publicPath}${url.pathname.slice(listeningPath.length)}${url.search}`)
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer()
    return handler(new Request(seen, { method: request.method, headers: request.headers, body }))
  }
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
  const { port = 0, host = '127.0.0.1', prefix = '', publicUrl, ...mockOptions } = options
  let handler: ReturnType<typeof createMockKratos> = async () => undefined
  // The hosts it answers: where it listens, its public URL's, and loopback names for its port.
  const hosts = (origin: string) => {
    const { host: listening, port: bound } = new URL(origin)
    const named = publicUrl !== undefined && URL.canParse(publicUrl) ? [new URL(publicUrl).host] : []
    return [listening, `localhost:${bound}`, `127.0.0.1:${bound}`, `[::1]:${bound}`, ...named]
  }
  const server = await serve((request) => handler(request), port, host, hosts)
  const url = `${server.origin}${prefix.replace(/\/$/, '')}`
  const base = (publicUrl ?? url).replace(/\/$/, '')
  try {
    handler = createMockKratos({ ...mockOptions, baseUrl: base })
  } catch (error) {
    await server.close()
    throw error
  }
  // Requests arrive at the address it listens on; the mock answers them as Kratos at its public URL.
  const listening = new URL(url)
  const publicBase = new URL(base)
  handler = publicUrl === undefined ? handler : rebased(handler, listening, publicBase)
  return { url, publicUrl: base, close: server.close }
}
