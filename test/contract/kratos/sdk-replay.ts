// A recorded answer through the SDK: the SDK call that sends the recorded request, answered with
// the recorded response by the client's fetch. Used on recordings (npm test) and on live answers
// (npm run test:kratos, whose scenarios need the real network: no msw there).
import { testClient } from '../../helpers/msw.js'
import type { Recording } from './normalize.js'
import { recordedResponse } from './recordings.js'

/** The SDK call that sends the recorded request; undefined for a request no SDK operation sends (a browser's navigation). */
export function callSdk(recording: Recording) {
  const url = new URL(recording.request.url)
  const accept = recording.request.headers['accept'] ?? ''
  const mode = accept.includes('application/json') ? 'json' : 'redirect'
  const cookie = recording.request.cookies.length === 0 ? undefined : recording.request.cookies.map((name) => `${name}=value`).join('; ')
  const path = url.pathname.slice(1)
  // A request that told Kratos the browsers' host and scheme: what the SDK sends for a browserUrl on another origin.
  const forwarded = { host: recording.request.headers['x-forwarded-host'], proto: recording.request.headers['x-forwarded-proto'] }
  const browserUrl = forwarded.host === undefined ? undefined : `${forwarded.proto ?? 'http'}://${forwarded.host}`
  const kratos = testClient({
    browserUrl,
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      const sent = new URL(request.url)
      if (sent.pathname !== url.pathname || request.method !== recording.request.method)
        throw new Error(`the SDK sent ${request.method} ${sent.pathname}, the recording ${recording.request.method} ${url.pathname}`)
      for (const name of ['x-forwarded-host', 'x-forwarded-proto']) {
        if (request.headers.get(name) !== (recording.request.headers[name] ?? null))
          throw new Error(`the SDK sent ${name}: ${request.headers.get(name)}, the recording ${recording.request.headers[name]}`)
      }
      return recordedResponse(recording)
    },
  })
  if (path === 'self-service/settings/browser') {
    const organization = url.searchParams.get('organization') ?? undefined
    return kratos.createBrowserSettingsFlow(url.searchParams.get('return_to') ?? undefined, cookie, { mode, ...(organization === undefined ? {} : { organization }) })
  }
  if (path === 'self-service/settings/flows') {
    return kratos.getSettingsFlow(url.searchParams.get('id') ?? '', cookie)
  }
  if (path === 'self-service/settings' && recording.request.method === 'POST') {
    const form = recording.request.headers['content-type']?.includes('json') !== true
    const sent = recording.request.body
    // A repeated form field: the first value is the one Kratos reads.
    const body = Array.isArray(sent) ? Object.fromEntries([...(sent as [string, string][])].reverse()) : (sent as Record<string, unknown>)
    return kratos.updateSettingsFlow(url.searchParams.get('flow') ?? '', body as never, cookie, { mode: form && mode === 'redirect' ? 'redirect' : 'json', encoding: form ? 'form' : 'json' })
  }
  return undefined
}
