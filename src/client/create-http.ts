import ky, { type AfterResponseHook, type KyInstance } from 'ky'
import type { ClientConfig } from './options.js'

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
    // Retries are ours (sendRequest): with throwHttpErrors off ky never retries a status, and the
    // afterResponse hook that could ask it to clones every response; a retry limit also makes ky
    // clone every request: about 25 µs a call together, nearly what the rest of ky costs (BENCHMARKS.md).
    retry: 0,
    hooks: {
      beforeRequest: beforeRequest.map((hook) => async ({ request }) => {
        await hook(request)
      }),
      afterResponse: afterResponse.map((hook): AfterResponseHook => async ({ request, response }) => {
        await hook(response, request)
      }),
    },
  })
}
