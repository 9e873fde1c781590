import { getCookieHeader } from 'kratos-settings/cookies'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { SettingsForm } from '../../components/settings-form'
import { appUrl, browserTarget, loginUrl } from '../../lib/browser-target'
import { kratos, kratosUrl } from '../../lib/kratos'

interface Props {
  searchParams: Promise<{ flow?: string; cookies?: string }>
}

/**
 * The settings page, a server component. It creates a flow with the browser's cookies, or reads
 * back the one Kratos names in `?flow=` after the browser's form post (with its messages, or
 * `state: 'success'`), and renders the form.
 */
export default async function SettingsPage({ searchParams }: Props) {
  const { flow: flowId, cookies } = await searchParams
  const requestHeaders = await headers()
  const cookie = getCookieHeader(requestHeaders)
  const result = flowId === undefined ? await kratos().createBrowserSettingsFlow(undefined, cookie) : await kratos().getSettingsFlow(flowId, cookie)
  // A flow that expired or was lost: start a new one.
  if (flowId !== undefined && (result.kind === 'unexpected' || (result.kind === 'error' && result.error.id === 'self_service_flow_expired'))) {
    redirect('/settings')
  }
  const login = loginUrl(kratosUrl(), appUrl(requestHeaders, '/settings'))
  const target = browserTarget(result, login)
  if (result.kind === 'redirect' || target !== undefined) redirect(target ?? login)

  if (result.kind === 'flow') {
    // Kratos has cookies for the browser (the CSRF cookie, on a first visit). A server component
    // cannot set them; the route handler does, then sends the browser back here.
    if (result.setCookie.length > 0) {
      if (cookies === 'forwarded') return <p role="alert">The browser did not keep Kratos’ cookies: check their Domain and Secure attributes.</p>
      redirect('/settings/start')
    }
    return (
      <main>
        <h1>Account settings</h1>
        {result.flow.state === 'success' ? <p role="status">Saved.</p> : null}
        <SettingsForm flow={result.flow} />
      </main>
    )
  }
  return <p role="alert">Kratos answered {result.status}: {result.error.message}</p>
}
