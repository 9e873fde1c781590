import { escapeText } from '../utils/escape-text.js'

/** Kratos could not be reached (DNS, refused connection, reset, TLS). Thrown: there is no response. */
export class KratosNetworkError extends Error {
  override name = 'KratosNetworkError' as const
  /** The request's method. */
  readonly method: string
  /** The request's URL. Headers are never copied into errors: they carry cookies. */
  readonly url: string

  constructor(method: string, url: string, cause: unknown) {
    const detail = cause instanceof Error ? `: ${escapeText(cause.message)}` : ''
    super(`Could not reach Kratos (${method} ${url})${detail}`, { cause })
    this.method = method
    this.url = url
  }
}
