import { getFlowMessages, unwrapFlow, type ContinueWith, type ContinueWithOf, type KratosClient } from 'kratos-settings'

/** What a settings page shows after the user asked for a new email. */
export type EmailChange = { readonly saved: true; readonly verify: string | undefined } | { readonly saved: false; readonly messages: string[] }

const isVerification = (item: ContinueWith): item is ContinueWithOf<'show_verification_ui'> => item.action === 'show_verification_ui'

/**
 * The settings lifecycle in server code: read back the flow the page created (its id is in the
 * page's `?flow=`), submit the profile with the new email, and tell the page what to show.
 * Kratos' errors (an expired flow, a session too old for this change) are thrown.
 */
export async function changeEmail(kratos: KratosClient, flowId: string, email: string, cookie: string): Promise<EmailChange> {
  const flow = unwrapFlow(await kratos.getSettingsFlow(flowId, cookie))
  const result = await kratos.updateSettingsFlow(flow, { method: 'profile', traits: { ...flow.identity.traits, email } }, cookie)
  switch (result.kind) {
    case 'flow':
      return { saved: true, verify: result.flow.continue_with?.find(isVerification)?.flow.verifiable_address }
    case 'invalid':
      return { saved: false, messages: getFlowMessages(result.flow).map(({ message }) => message.text) }
    case 'redirect':
      throw new Error(`Kratos redirected to ${result.location}; ask in JSON mode`)
    case 'error':
    case 'unexpected':
      throw result.error
  }
}
