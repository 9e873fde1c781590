import { createKratosClient, type KratosClient, type UpdateSettingsFlowResult } from 'kratos-settings'
import { forwardSetCookie } from 'kratos-settings/cookies'

let client: KratosClient | undefined

/** One client for the whole server, on Kratos' public URL from `KRATOS_URL`: it holds no per-user state. */
export function kratos(): KratosClient {
  const url = process.env.KRATOS_URL
  if (url === undefined || url === '') throw new Error('Set KRATOS_URL to Kratos’ public URL, for example http://127.0.0.1:4433')
  client ??= createKratosClient({ baseUrl: url })
  return client
}

/** This app's URL for `path` as the browser addressed it (behind a proxy, `request.url` may name another host). */
export function appUrl(headers: Headers, path: string): string {
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${headers.get('host')}${path}`
}

/** A 303 to the flow's page, or wherever `nextStep` says, with Kratos' cookies byte for byte. */
export function redirectAfter(request: Request, result: UpdateSettingsFlowResult): Response {
  const step = kratos().nextStep(result, { returnTo: appUrl(request.headers, '/settings') })
  if (step.type === 'error') return new Response(`Kratos answered ${result.status}: ${step.error.message}`, { status: 502 })
  const location = step.type === 'redirect' ? step.url : `/settings?flow=${encodeURIComponent(step.flow.id)}`
  const response = new Response(null, { status: 303, headers: { location } })
  forwardSetCookie(result.setCookie, response)
  return response
}
