import { createKratosClient, type KratosClient, type NextStep, type UpdateSettingsFlowResult } from 'kratos-settings'
import { forwardSetCookie } from 'kratos-settings/cookies'

let client: KratosClient | undefined

/** One client for the whole server: it holds no per-user state. */
export function kratos(): KratosClient {
  const url = process.env.KRATOS_URL
  if (url === undefined || url === '') throw new Error('Set KRATOS_URL to Kratos’ public URL, for example http://127.0.0.1:4433')
  client ??= createKratosClient({ baseUrl: url })
  return client
}

/** This app's URL for `path`, as the browser addressed it. */
export function appUrl(headers: Headers, path: string): string {
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${headers.get('host')}${path}`
}

/** Where the browser goes: Kratos' URL, or this app's page for a flow (a restart too). */
export function locationOf(step: Exclude<NextStep, { type: 'error' }>): string {
  if (step.type !== 'redirect') return `/settings?flow=${encodeURIComponent(step.flow.id)}`
  if (step.reason !== 'restart') return step.url
  return step.flowId === undefined ? '/settings/start' : `/settings?flow=${encodeURIComponent(step.flowId)}`
}

/** A 303 to where `nextStep` says, with Kratos' cookies byte for byte. */
export function redirectAfter(request: Request, result: UpdateSettingsFlowResult): Response {
  const step = kratos().nextStep(result, { returnTo: appUrl(request.headers, '/settings') })
  if (step.type === 'error') return new Response(`Kratos answered ${result.status}: ${step.error.message}`, { status: 502 })
  const response = new Response(null, { status: 303, headers: { location: locationOf(step) } })
  forwardSetCookie(result.setCookie, response)
  return response
}
