import { getCookieHeader, forwardSetCookie } from 'kratos-settings/cookies'
import { appUrl } from '../../../lib/app-url'
import { kratos } from '../../../lib/kratos'

/**
 * Server components cannot set cookies, so this route handler creates the flow when Kratos has
 * cookies for the browser (the CSRF cookie, at first), forwards them byte for byte and sends the
 * browser back to the page, or wherever `nextStep` says.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await kratos().createBrowserSettingsFlow(undefined, getCookieHeader(request))
  const step = kratos().nextStep(result, { returnTo: appUrl(request.headers, '/settings') })
  const location = step.type === 'redirect' ? step.url : '/settings?cookies=forwarded'
  const response = new Response(null, { status: 303, headers: { location } })
  forwardSetCookie(result.setCookie, response)
  return response
}
