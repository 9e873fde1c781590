import { unwrapFlow, type KratosClient, type UpdateSettingsFlowResult } from 'kratos-settings'
import { withSetCookie } from 'kratos-settings/cookies'

/** A server-side job changes a user's email with the user's session cookie, as a browser would. */
export async function changeEmailJob(kratos: KratosClient, sessionCookie: string, email: string): Promise<UpdateSettingsFlowResult> {
  const created = await kratos.createBrowserSettingsFlow(undefined, sessionCookie)
  const flow = unwrapFlow(created)
  // The update needs the CSRF cookie Kratos just set (a 403 without it), as a browser would send it.
  const cookie = withSetCookie(sessionCookie, created.setCookie)
  return kratos.updateSettingsFlow(flow, { method: 'profile', traits: { ...flow.identity.traits, email } }, cookie)
}
