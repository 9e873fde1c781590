import { getCookieHeader } from 'kratos-settings/cookies'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { SettingsForm } from '../../components/settings-form'
import { appUrl, kratos, locationOf } from '../../lib/kratos'

/** /settings?flow=<id>: the flow, with Kratos' messages after a rejected form, or "Saved.". */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ flow?: string }> }) {
  const { flow } = await searchParams
  if (flow === undefined) redirect('/settings/start')
  const requestHeaders = await headers()
  const result = await kratos().getSettingsFlow(flow, getCookieHeader(requestHeaders))
  const step = kratos().nextStep(result, { returnTo: appUrl(requestHeaders, '/settings') })
  if (step.type === 'redirect') redirect(locationOf(step))
  if (step.type === 'error')
    return (
      <p role="alert">
        Kratos answered {result.status}: {step.error.message}
      </p>
    )
  return (
    <main>
      <h1>Account settings</h1>
      {step.type === 'success' ? <p role="status">Saved.</p> : null}
      <SettingsForm flow={step.flow} />
    </main>
  )
}
