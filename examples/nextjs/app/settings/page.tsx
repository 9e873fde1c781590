import { getCookieHeader } from 'kratos-settings/cookies'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { SettingsForm } from '../../components/settings-form'
import { appUrl, browserTarget, loginUrl } from '../../lib/browser-target'
import { kratos, kratosUrl } from '../../lib/kratos'

interface Props {
  searchParams: Promise<{ cookies?: string }>
}

/** The settings page: a server component that creates the flow with the browser's cookies and renders its form. */
export default async function SettingsPage({ searchParams }: Props) {
  const requestHeaders = await headers()
  const result = await kratos().createBrowserSettingsFlow(undefined, getCookieHeader(requestHeaders))
  const login = loginUrl(kratosUrl(), appUrl(requestHeaders, '/settings'))
  const target = browserTarget(result, login)
  if (result.kind === 'redirect' || target !== undefined) redirect(target ?? login)

  if (result.kind === 'flow') {
    // Kratos has cookies for the browser (the CSRF cookie, on a first visit). A server component
    // cannot set them; the route handler does, then sends the browser back here.
    if (result.setCookie.length > 0) {
      if ((await searchParams).cookies === 'forwarded') return <p role="alert">The browser did not keep Kratos’ cookies: check their Domain and Secure attributes.</p>
      redirect('/settings/start')
    }
    return (
      <main>
        <h1>Account settings</h1>
        <SettingsForm flow={result.flow} />
      </main>
    )
  }
  return <p role="alert">Kratos answered {result.status}: {result.error.message}</p>
}
