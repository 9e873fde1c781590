import { forwardSetCookie, getCookieHeader } from 'kratos-settings/cookies'
import { appUrl, kratos } from '../../../lib/kratos'

/**
 * GET /settings/start: creates a flow with the browser's cookies and sends the browser to the page
 * that shows it, with Kratos' cookies (the CSRF cookie) byte for byte; or wherever `nextStep` says
 * (Kratos' login without a session). A route handler, since a server component cannot set cookies.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await kratos().createBrowserSettingsFlow(undefined, getCookieHeader(request))
  const step = kratos().nextStep(result, { returnTo: appUrl(request.headers, '/settings') })
  if (step.type === 'error') return new Response(`Kratos answered ${result.status}: ${step.error.message}`, { status: 502 })
  const location = step.type === 'redirect' ? step.url : `/settings?flow=${encodeURIComponent(step.flow.id)}`
  const response = new Response(null, { status: 303, headers: { location } })
  forwardSetCookie(result.setCookie, response)
  return response
}
