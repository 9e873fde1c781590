import type { ClientConfig } from '../request/options.js'

const RETRIED_STATUSES: ReadonlySet<number> = new Set([502, 503, 504])

/** Parses `Retry-After` (seconds or an HTTP date) into ms, or `undefined` when it is malformed. */
function parseRetryAfter(value: string): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/**
 * How long to wait before retry number `attempt` (from 1, within the retry limit) of a call that
 * got `response`, or `undefined` when it must not be retried. Only 502, 503, 504, and 429 with
 * `Retry-After`, are retried; a server's `Retry-After` is honoured up to `maxRetryAfter`.
 */
export function statusRetryDelay(response: Response, attempt: number, config: ClientConfig): number | undefined {
  const retryAfter = response.headers.get('retry-after')
  const retriable = response.status === 429 ? retryAfter !== null : RETRIED_STATUSES.has(response.status)
  if (!retriable) return undefined
  const after = retryAfter === null ? undefined : parseRetryAfter(retryAfter)
  return after === undefined ? config.retry.delay(attempt) : Math.min(after, config.retry.maxRetryAfter)
}
