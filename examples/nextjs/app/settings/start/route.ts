import { getCookieHeader } from 'kratos-settings/cookies'
import { kratos, redirectAfter } from '../../../lib/kratos'

/** GET /settings/start: a new flow, and its CSRF cookie for the browser (a page cannot set cookies). */
export async function GET(request: Request): Promise<Response> {
  return redirectAfter(request, await kratos().createBrowserSettingsFlow(undefined, getCookieHeader(request)))
}
