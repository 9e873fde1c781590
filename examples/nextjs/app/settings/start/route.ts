import { getCookieHeader } from 'kratos-settings/cookies'
import { kratos, NOTICES, redirectAfter, RETURN_TO } from '../../../lib/kratos'

/** GET /settings/start: a new flow, and its CSRF cookie for the browser (a page cannot set cookies). */
export async function GET(request: Request): Promise<Response> {
  const response = redirectAfter(await kratos().createBrowserSettingsFlow(RETURN_TO, getCookieHeader(request)), false)
  // Carry why we started over to the new form.
  const notice = new URL(request.url).searchParams.get('notice')
  const location = response.headers.get('location')
  if (notice !== null && Object.hasOwn(NOTICES, notice) && location?.startsWith('/settings?')) response.headers.set('location', `${location}&notice=${notice}`)
  return response
}
