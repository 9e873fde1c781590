import { getCookieHeader } from 'kratos-settings/cookies'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { SettingsForm } from '../../components/settings-form'
import { appUrl } from '../../lib/app-url'
import { kratos } from '../../lib/kratos'

interface Props {
  searchParams: Promise<{ flow?: string; cookies?: string }>
}

/**
 * The settings page, a server component. It creates a flow with the browser's cookies, or reads
 * back the one named in `?flow=` after the form post (app/settings/update; with its messages, or
 * `state: 'success'`), and does what `nextStep` says: render, redirect, or show the error.
 */
export default async function SettingsPage({ searchParams }: Props) {
  const { flow: flowId, cookies } = await searchParams
  const requestHeaders = await headers()
  const cookie = getCookieHeader(requestHeaders)
  const result = flowId === undefined ? await kratos().createBrowserSettingsFlow(undefined, cookie) : await kratos().getSettingsFlow(flowId, cookie)
  const step = kratos().nextStep(result, { returnTo: appUrl(requestHeaders, '/settings') })
  // An expired, unknown or foreign flow: start a new one here rather than at Kratos' own UI.
  if (step.type === 'redirect' && step.reason === 'restart') redirect(step.flowId === undefined ? '/settings' : `/settings?flow=${step.flowId}`)
  if (step.type === 'redirect') redirect(step.url)
  if (step.type === 'error') return <p role="alert">Kratos answered {result.status}: {step.error.message}</p>

  // Kratos has cookies for the browser (the CSRF cookie, on a first visit). A server component
  // cannot set them; the route handler does, then sends the browser back here.
  if (result.setCookie.length > 0) {
    if (cookies === 'forwarded') return <p role="alert">The browser did not keep Kratos’ cookies: check their Domain and Secure attributes.</p>
    redirect('/settings/start')
  }
  return (
    <main>
      <h1>Account settings</h1>
      {step.type === 'success' ? <p role="status">Saved.</p> : null}
      <SettingsForm flow={step.flow} />
    </main>
  )
}
