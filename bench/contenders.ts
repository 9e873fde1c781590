// Each contender makes the same call: GET <kratos>/self-service/settings/browser with the
// browser's cookie and Accept: application/json, redirects not followed where the library allows
// it, the JSON body parsed. A call resolves with the flow id, so no contender can skip the parse.
// Libraries are imported inside each factory, so a cold start loads only its own.
import type { KyInstance, Options } from 'ky'
import type { paths } from '../generated/kratos.ts'

/** One call: resolves with the flow id. */
export type Call = () => Promise<string>
/** Sets a contender up against Kratos at `baseUrl`; the import happens here. */
export type Contender = (baseUrl: string) => Promise<Call>

export const COOKIE = 'ory_kratos_session=MTc2MzY4ODAwMHxEdi1CQkFFQ180SUFBUkFCRUFBQVJfLUNBQUVH; csrf_token_806060ca=q7Rm+2b/Hk9vXw1s0Tn3aJcY8dL4eP6uFzQxG5iKoAE='
const PATH = 'self-service/settings/browser'
const headers = { accept: 'application/json', cookie: COOKIE }
const idOf = async (response: Response) => ((await response.json()) as { id: string }).id

/**
 * ky configured as createKratosClient configures it: a 10 s timeout, no redirect followed, GETs
 * retried twice after a network failure, and a 502, 503 or 504 retried by an afterResponse hook.
 */
const kyOptions = (ky: KyInstance): Options => ({
  timeout: 10_000,
  throwHttpErrors: false,
  redirect: 'manual',
  credentials: 'include',
  retry: { limit: 2, methods: ['get'], statusCodes: [], retryOnTimeout: false, jitter: false },
  hooks: {
    afterResponse: [({ request, response, retryCount }) => (request.method === 'GET' && retryCount < 2 && [502, 503, 504].includes(response.status) ? ky.retry() : undefined)],
  },
})

export const contenders: Record<string, Contender> = {
  'raw fetch': async (baseUrl) => {
    const url = `${baseUrl}/${PATH}`
    return async () => {
      const response = await fetch(url, { headers, redirect: 'manual' })
      response.headers.getSetCookie()
      return idOf(response)
    }
  },
  'kratos-settings': async (baseUrl) => {
    const { createKratosClient } = await import('kratos-settings')
    const kratos = createKratosClient({ baseUrl })
    return async () => {
      const result = await kratos.createBrowserSettingsFlow(undefined, COOKIE)
      if (result.kind !== 'flow') throw new Error(`kratos-settings: ${result.kind}`)
      return result.flow.id
    }
  },
  'ky, same options': async (baseUrl) => {
    const { default: ky } = await import('ky')
    const url = `${baseUrl}/${PATH}`
    const options = { ...kyOptions(ky), headers }
    return async () => {
      const response = await ky.get(url, options)
      response.headers.getSetCookie()
      return idOf(response)
    }
  },
  '@ory/client-fetch': async (baseUrl) => {
    const { Configuration, FrontendApi } = await import('@ory/client-fetch')
    const api = new FrontendApi(new Configuration({ basePath: baseUrl }))
    return async () => (await api.createBrowserSettingsFlow({ cookie: COOKIE })).id
  },
  '@ory/client (axios)': async (baseUrl) => {
    const { Configuration, FrontendApi } = await import('@ory/client')
    const api = new FrontendApi(new Configuration({ basePath: baseUrl }))
    return async () => (await api.createBrowserSettingsFlow({ cookie: COOKIE })).data.id
  },
  'openapi-fetch': async (baseUrl) => {
    const { default: createClient } = await import('openapi-fetch')
    const client = createClient<paths>({ baseUrl })
    return async () => {
      const { data } = await client.GET('/self-service/settings/browser', { params: { header: { Cookie: COOKIE } }, headers: { accept: 'application/json' }, redirect: 'manual' })
      if (data === undefined) throw new Error('openapi-fetch: no flow')
      return data.id
    }
  },
}
