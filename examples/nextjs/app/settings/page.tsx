import { getCookieHeader } from 'kratos-settings/cookies'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { SettingsForm } from '../../components/settings-form'
import { appUrl, kratos } from '../../lib/kratos'

/**
 * /settings?flow=<id>, a server component: reads the flow back with the browser's cookies (fresh,
 * with Kratos' messages after a rejected form, or `state: 'success'`) and does what `nextStep` says.
 */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ flow?: string }> }) {
  const { flow } = await searchParams
  if (flow === undefined) redirect('/settings/start')
  const requestHeaders = await headers()
  const result = await kratos().getSettingsFlow(flow, getCookieHeader(requestHeaders))
  const step = kratos().nextStep(result, { returnTo: appUrl(requestHeaders, '/settings') })
  // An expired, unknown or foreign flow: start again here rather than at Kratos' own UI.
  if (step.type === 'redirect' && step.reason === 'restart') redirect(step.flowId === undefined ? '/settings/start' : `/settings?flow=${step.flowId}`)
  if (step.type === 'redirect') redirect(step.url)
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
