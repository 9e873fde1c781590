import { getCookieHeader } from 'kratos-settings/cookies'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { SettingsForm } from '../../components/settings-form'
import { kratos, locationOf, NOTICES, RETURN_TO } from '../../lib/kratos'

type Query = { flow?: string; notice?: string; verify?: string }

/** /settings?flow=<id>: the flow, with Kratos' messages after a rejected form, or "Saved.". */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { flow, notice, verify } = await searchParams
  if (flow === undefined) redirect('/settings/start')
  const result = await kratos().getSettingsFlow(flow, getCookieHeader(await headers()))
  const step = kratos().nextStep(result, { returnTo: RETURN_TO })
  if (step.type === 'redirect') redirect(locationOf(step))
  if (step.type === 'error') redirect('/settings/start?notice=restarted')
  return (
    <main>
      <h1>Account settings</h1>
      {notice !== undefined && Object.hasOwn(NOTICES, notice) ? <p role="alert">{NOTICES[notice]}</p> : null}
      {step.type === 'success' ? <p role="status">Saved.</p> : null}
      {verify !== undefined ? <p role="status">We sent a verification link to {verify}.</p> : null}
      <SettingsForm flow={step.flow} />
    </main>
  )
}
