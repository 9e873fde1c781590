import { KratosArgumentError, parseSettingsForm } from 'kratos-settings'
import { getCookieHeader } from 'kratos-settings/cookies'
import { kratos, redirectAfter } from '../../../lib/kratos'

/** POST /settings/update?flow=<id>. Not a server action: those URL-encode the cookies they set. */
export async function POST(request: Request): Promise<Response> {
  const flowId = new URL(request.url).searchParams.get('flow') ?? ''
  try {
    return redirectAfter(request, await kratos().updateSettingsFlow(flowId, parseSettingsForm(await request.formData()), getCookieHeader(request)))
  } catch (error) {
    // No flow id, or a form Kratos' page cannot send: the client's mistake.
    if (error instanceof KratosArgumentError) return new Response(error.message, { status: 400 })
    throw error
  }
}
