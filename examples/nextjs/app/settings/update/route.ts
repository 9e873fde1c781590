import { parseSettingsForm } from 'kratos-settings'
import { forwardSetCookie, getCookieHeader } from 'kratos-settings/cookies'
import { appUrl } from '../../../lib/app-url'
import { kratos } from '../../../lib/kratos'

/**
 * The settings form posts here. The browser's form becomes the update body, Kratos gets it with
 * the browser's cookies, and the browser gets Kratos' cookies byte for byte on a 303 back to the
 * page, which reads the flow (with Kratos' messages, or `state: 'success'`) back, or on a 303 to
 * wherever `nextStep` says. A route handler, not a server action: Next.js URL-encodes the cookies
 * a server action sets, and those it passes to the page rendered after the action's redirect.
 */
export async function POST(request: Request): Promise<Response> {
  const flowId = new URL(request.url).searchParams.get('flow') ?? ''
  const body = parseSettingsForm(await request.formData())
  const result = await kratos().updateSettingsFlow(flowId, body, getCookieHeader(request))
  const step = kratos().nextStep(result, { returnTo: appUrl(request.headers, '/settings') })
  if (step.type === 'error') return new Response(`Kratos answered ${result.status}: ${step.error.message}`, { status: 502 })
  const location = step.type === 'redirect' ? step.url : `/settings?flow=${encodeURIComponent(step.flow.id)}`
  const response = new Response(null, { status: 303, headers: { location } })
  forwardSetCookie(result.setCookie, response)
  return response
}
