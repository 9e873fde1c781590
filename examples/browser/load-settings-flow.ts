import { createKratosClient, type SettingsFlow } from 'kratos-settings'

/**
 * In the browser (an SPA, a client component): the flow to render, or `undefined` after sending the
 * browser where Kratos says (its login, a second factor). No cookie argument: the browser sends and
 * keeps Kratos' cookies itself, so Kratos' CORS settings must allow this origin with credentials.
 */
export async function loadSettingsFlow(kratosUrl: string, navigate: (url: string) => void, returnTo?: string): Promise<SettingsFlow | undefined> {
  const kratos = createKratosClient({ baseUrl: kratosUrl })
  const step = kratos.nextStep(await kratos.createBrowserSettingsFlow(returnTo), { returnTo })
  if (step.type === 'error') throw step.error
  if (step.type !== 'redirect') return step.flow
  navigate(step.url)
  return undefined
}
