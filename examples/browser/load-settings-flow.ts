import { createKratosClient, type SettingsFlow } from 'kratos-settings'

/**
 * In the browser (an SPA, a client component): starts a settings flow, or sends the browser where
 * Kratos says and returns `undefined`. No cookie argument: the browser sends and stores Kratos'
 * cookies itself, which needs Kratos' CORS settings to allow this origin with credentials.
 */
export async function loadSettingsFlow(kratosUrl: string, navigate: (url: string) => void): Promise<SettingsFlow | undefined> {
  const kratos = createKratosClient({ baseUrl: kratosUrl })
  const result = await kratos.createBrowserSettingsFlow()
  if (result.kind === 'flow') return result.flow
  if (result.kind === 'error' && result.error.id === 'session_aal2_required') navigate(result.error.redirectBrowserTo)
  else if (result.kind === 'error' && result.error.id === 'session_inactive') navigate(`${kratosUrl}/self-service/login/browser`)
  // A redirect only comes in redirect mode, which a browser should not ask for: its target is opaque.
  else if (result.kind === 'redirect') throw new Error('Kratos redirected; ask in JSON mode')
  else throw result.error
  return undefined
}
