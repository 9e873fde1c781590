import { createKratosClient, type KratosClient, type NextStep, type UpdateSettingsFlowResult } from 'kratos-settings'
import { forwardSetCookie } from 'kratos-settings/cookies'

let client: KratosClient | undefined

/** One client for the whole server: it holds no per-user state. */
export function kratos(): KratosClient {
  const url = process.env.KRATOS_URL
  if (!url) throw new Error('Set KRATOS_URL to Kratos’ public URL as this server reaches it (see .env.example)')
  client ??= createKratosClient({ baseUrl: url, browserUrl: process.env.KRATOS_BROWSER_URL || undefined })
  return client
}

/** Where Kratos sends the browser back: a path, resolved against Kratos' default_browser_return_url. */
export const RETURN_TO = '/settings'

/** Why the form starts over, shown above the new one. */
export const NOTICES: Record<string, string> = {
  restarted: 'That form had expired, so here is a new one. Please try again.',
  csrf: 'Your browser’s security cookie did not match, so here is a new form. Please try again.',
}

/** Where the browser goes: Kratos' URL, or this app's page for a flow (a restart too). */
export function locationOf(step: Exclude<NextStep, { type: 'error' }>): string {
  if (step.type === 'redirect' && step.reason !== 'restart') return step.url
  if (step.type === 'redirect') return step.flowId ? `/settings?flow=${encodeURIComponent(step.flowId)}&notice=restarted` : '/settings/start?notice=restarted'
  const verify = step.type === 'success' ? step.continueWith.find((item) => item.action === 'show_verification_ui') : undefined
  const address = verify?.action === 'show_verification_ui' ? `&verify=${encodeURIComponent(verify.flow.verifiable_address)}` : ''
  return `/settings?flow=${encodeURIComponent(step.flow.id)}${address}`
}

/** A 303 to where `nextStep` says, with Kratos' cookies byte for byte; after a failed post, a new form. */
export function redirectAfter(result: UpdateSettingsFlowResult, restartOnError: boolean): Response {
  const step = kratos().nextStep(result, { returnTo: RETURN_TO })
  if (step.type === 'error' && !restartOnError) return new Response(`Kratos answered ${result.status}: ${step.error.message}`, { status: 502 })
  const notice = step.type === 'error' && step.error.id === 'security_csrf_violation' ? 'csrf' : 'restarted'
  const response = new Response(null, { status: 303, headers: { location: step.type === 'error' ? `/settings/start?notice=${notice}` : locationOf(step) } })
  forwardSetCookie(result.setCookie, response)
  return response
}
