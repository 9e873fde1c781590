import { createKratosClient, type KratosClient, type NextStep, type UpdateSettingsFlowResult } from 'kratos-settings'
import { forwardSetCookie } from 'kratos-settings/cookies'

let client: KratosClient | undefined

/** One client for the whole server: it holds no per-user state. */
export function kratos(): KratosClient {
  const url = process.env.KRATOS_URL
  if (url === undefined || url === '') throw new Error('Set KRATOS_URL to Kratos’ public URL as this server reaches it (see .env.example)')
  client ??= createKratosClient({ baseUrl: url, browserUrl: process.env.KRATOS_BROWSER_URL || undefined })
  return client
}

/** Where Kratos sends the browser back: a path, which Kratos resolves against its default_browser_return_url. */
export const RETURN_TO = '/settings'

/** Why the page starts over, shown above the new form. */
export const NOTICES = {
  restarted: 'That form had expired, so here is a new one. Please try again.',
  csrf: 'Your browser’s security cookie did not match, so here is a new form. Please try again.',
} as const

/** Where the browser goes: Kratos' URL, or this app's page for a flow (a restart too). */
export function locationOf(step: Exclude<NextStep, { type: 'error' }>): string {
  if (step.type === 'success') {
    const verify = step.continueWith.find((item) => item.action === 'show_verification_ui')
    const address = verify?.action === 'show_verification_ui' ? verify.flow.verifiable_address : undefined
    return `/settings?flow=${encodeURIComponent(step.flow.id)}${address === undefined ? '' : `&verify=${encodeURIComponent(address)}`}`
  }
  if (step.type !== 'redirect') return `/settings?flow=${encodeURIComponent(step.flow.id)}`
  if (step.reason !== 'restart') return step.url
  return step.flowId === undefined ? '/settings/start?notice=restarted' : `/settings?flow=${encodeURIComponent(step.flowId)}&notice=restarted`
}

/** A 303 to where `nextStep` says, with Kratos' cookies byte for byte; an error the user can recover from starts over. */
export function redirectAfter(result: UpdateSettingsFlowResult, restartOnError: boolean): Response {
  const step = kratos().nextStep(result, { returnTo: RETURN_TO })
  if (step.type === 'error') {
    const notice = step.error.id === 'security_csrf_violation' ? 'csrf' : 'restarted'
    if (restartOnError) return seeOther(`/settings/start?notice=${notice}`, result)
    const page = `<!doctype html><title>Account settings</title><p role="alert">Kratos answered ${result.status}: ${escapeHtml(step.error.message)}</p><p><a href="/settings/start">Try again</a></p>`
    return new Response(page, { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' } })
  }
  return seeOther(locationOf(step), result)
}

function seeOther(location: string, result: UpdateSettingsFlowResult): Response {
  const response = new Response(null, { status: 303, headers: { location } })
  forwardSetCookie(result.setCookie, response)
  return response
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
