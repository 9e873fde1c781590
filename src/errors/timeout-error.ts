/** Kratos did not answer, or did not finish its body, within `timeout` ms. Thrown: there is no response. */
export class KratosTimeoutError extends Error {
  override name = 'KratosTimeoutError' as const
  /** The request's method. */
  readonly method: string
  /** The request's URL. Headers are never copied into errors: they carry cookies. */
  readonly url: string
  /** The timeout that expired, in milliseconds. */
  readonly timeout: number

  constructor(method: string, url: string, timeout: number) {
    super(`Kratos did not answer within ${timeout} ms (${method} ${url})`)
    this.method = method
    this.url = url
    this.timeout = timeout
  }
}
