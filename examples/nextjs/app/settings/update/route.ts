import { parseSettingsForm } from 'kratos-settings'
import { getCookieHeader } from 'kratos-settings/cookies'
import { kratos, redirectAfter } from '../../../lib/kratos'

/**
 * POST /settings/update?flow=<id>: the browser's form, as the typed body, to Kratos; then back to the
 * page, which reads the flow with Kratos' messages or `state: 'success'`. Not a server action:
 * Next.js URL-encodes the cookies a server action sets, and Kratos' base64 values end in `=`.
 */
export async function POST(request: Request): Promise<Response> {
  const flowId = new URL(request.url).searchParams.get('flow') ?? ''
  return redirectAfter(request, await kratos().updateSettingsFlow(flowId, parseSettingsForm(await request.formData()), getCookieHeader(request)))
}
