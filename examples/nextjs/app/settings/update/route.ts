import { KratosArgumentError, parseSettingsForm } from 'kratos-settings'
import { getCookieHeader } from 'kratos-settings/cookies'
import { kratos, redirectAfter } from '../../../lib/kratos'

/**
 * POST /settings/update?flow=<id>. Not a server action: those URL-encode the cookies they set.
 * Sent on as a form, so that Kratos converts the traits by the identity schema (a checkbox's "true").
 */
export async function POST(request: Request): Promise<Response> {
  const flowId = new URL(request.url).searchParams.get('flow') ?? ''
  try {
    return redirectAfter(await kratos().updateSettingsFlow(flowId, parseSettingsForm(await request.formData()), getCookieHeader(request), { encoding: 'form' }), true)
  } catch (error) {
    // No flow id, or a form Kratos' page cannot send: the client's mistake.
    if (error instanceof KratosArgumentError) return new Response(error.message, { status: 400 })
    throw error
  }
}
