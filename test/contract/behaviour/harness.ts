import { getCsrfToken, type SettingsFlow } from '../../../src/index.js'
import { createMockKratos, CSRF_COOKIE, SESSION_COOKIE, type MockKratosOptions } from '../../../src/mock/index.js'

export const BASE = 'http://kratos.test'
export const UI = 'http://app.test/ui'

/** A fresh mock Kratos with a clock a test can move, and the steps a browser takes against it. */
export function harness(options: Partial<MockKratosOptions> = {}) {
  let time = Date.parse('2026-11-21T12:00:00Z')
  const kratos = createMockKratos({ baseUrl: BASE, uiUrl: UI, now: () => new Date(time), ...options })
  const send = async (request: Request) => (await kratos(request))!
  const json = { accept: 'application/json' }
  return {
    send,
    advance: (ms: number) => void (time += ms),
    /** Creates a flow for `token` as a JSON client; returns it with the cookie header that now holds the CSRF cookie. */
    async start(token = 'ada', returnTo?: string): Promise<{ flow: SettingsFlow; cookie: string; token: string }> {
      const query = returnTo === undefined ? '' : `?return_to=${encodeURIComponent(returnTo)}`
      const response = await send(new Request(`${BASE}/self-service/settings/browser${query}`, { headers: { ...json, cookie: `${SESSION_COOKIE}=${token}` } }))
      if (response.status !== 200) throw new Error(`create answered ${response.status}`)
      const csrf = response.headers.getSetCookie()[0]!.split(';')[0]!
      return { flow: (await response.json()) as SettingsFlow, cookie: `${SESSION_COOKIE}=${token}; ${csrf}`, token }
    },
    get: (id: string, cookie: string | undefined, accept = 'application/json') =>
      send(new Request(`${BASE}/self-service/settings/flows?id=${id}`, { headers: { accept, ...(cookie === undefined ? {} : { cookie }) } })),
    create: (cookie: string | undefined, query = '', accept = 'application/json') =>
      send(new Request(`${BASE}/self-service/settings/browser${query}`, { headers: { accept, ...(cookie === undefined ? {} : { cookie }) } })),
    /**
     * Posts `body` as JSON (a JSON request), or as a form: from a browser (`'form'`), or from a
     * client that accepts JSON (`'json-form'`). A form may be a list of fields, to repeat a name.
     */
    update: (flowId: string, body: Record<string, unknown> | [string, string][], cookie: string | undefined, as: 'json' | 'form' | 'json-form' = 'json') => {
      const form = as !== 'json'
      return send(
        new Request(`${BASE}/self-service/settings?flow=${flowId}`, {
          method: 'POST',
          headers: {
            accept: as === 'form' ? 'text/html' : 'application/json',
            'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
            ...(cookie === undefined ? {} : { cookie }),
          },
          body: Array.isArray(body)
            ? new URLSearchParams(body).toString()
            : form
              ? new URLSearchParams(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()
              : JSON.stringify(body),
        }),
      )
    },
  }
}

export type Harness = ReturnType<typeof harness>
export { CSRF_COOKIE, SESSION_COOKIE, getCsrfToken }
