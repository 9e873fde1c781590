import { parseSettingsForm } from 'kratos-settings'
import { forwardSetCookie, getCookieHeader } from 'kratos-settings/cookies'
import { appUrl, kratos } from '../../../lib/kratos'

/**
 * POST /settings/update?flow=<id>, where the form posts: the browser's form becomes the typed
 * update body, and the browser goes back to the page (which shows Kratos' messages, or "Saved.")
 * with Kratos' cookies byte for byte. A route handler, not a server action: Next.js URL-encodes the
 * cookies a server action sets, and Kratos' base64 values end in `=`.
 */
export async function POST(request: Request): Promise<Response> {
  const flowId = new URL(request.url).searchParams.get('flow') ?? ''
  const result = await kratos().updateSettingsFlow(flowId, parseSettingsForm(await request.formData()), getCookieHeader(request))
  const step = kratos().nextStep(result, { returnTo: appUrl(request.headers, '/settings') })
  if (step.type === 'error') return new Response(`Kratos answered ${result.status}: ${step.error.message}`, { status: 502 })
  const location = step.type === 'redirect' ? step.url : `/settings?flow=${encodeURIComponent(step.flow.id)}`
  const response = new Response(null, { status: 303, headers: { location } })
  forwardSetCookie(result.setCookie, response)
  return response
}
