import ky, { type AfterResponseHook, type KyInstance } from 'ky'
import type { ClientConfig } from './options.js'

const RETRIED_STATUSES: ReadonlySet<number> = new Set([502, 503, 504])

/** Parses `Retry-After` (seconds or an HTTP date) into ms, or `undefined` when it is malformed. */
function parseRetryAfter(value: string): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

/** The afterResponse hook that asks ky to retry 502/503/504, and 429 with Retry-After. */
// ky only retries a status when it throws for it, and then it has read the whole body first.
// We keep `throwHttpErrors: false` (every response is a value, bodies stay bounded) and ask
// for the retry from this hook instead, with ky's own limit, delays and abort handling.
export function retryOnStatus(config: ClientConfig): AfterResponseHook {
  const { limit, maxRetryAfter } = config.retry
  return ({ request, response, retryCount }) => {
    if (request.method !== 'GET' || retryCount >= limit) return undefined
    const retryAfter = response.headers.get('retry-after')
    const retriable = response.status === 429 ? retryAfter !== null : RETRIED_STATUSES.has(response.status)
    if (!retriable) return undefined
    const after = retryAfter === null ? undefined : parseRetryAfter(retryAfter)
    return ky.retry(after === undefined ? undefined : { delay: Math.min(after, maxRetryAfter) })
  }
}

/** Creates the one ky instance a client uses for all its calls; it holds no per-call state. */
export function createHttp(config: ClientConfig): KyInstance {
  const { beforeRequest = [], afterResponse = [] } = config.hooks
  return ky.create({
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    timeout: config.timeout,
    throwHttpErrors: false,
    redirect: 'manual',
    credentials: config.credentials,
    headers: config.headers,
    // With throwHttpErrors off, ky itself only retries network errors; statuses go through retryOnStatus.
    retry: { limit: config.retry.limit, delay: config.retry.delay, methods: ['get'] },
    hooks: {
      beforeRequest: beforeRequest.map((hook) => async ({ request }) => {
        await hook(request)
      }),
      afterResponse: [
        ...afterResponse.map((hook): AfterResponseHook => async ({ request, response }) => {
          await hook(response, request)
        }),
        retryOnStatus(config),
      ],
    },
  })
}
