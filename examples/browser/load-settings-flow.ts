import type { KratosClient, SettingsFlow } from 'kratos-settings'

/** The flow to render, or `undefined` after sending the browser where Kratos says (its login, say). */
export async function loadSettingsFlow(kratos: KratosClient, navigate: (url: string) => void, returnTo?: string): Promise<SettingsFlow | undefined> {
  const step = kratos.nextStep(await kratos.createBrowserSettingsFlow(returnTo), { returnTo })
  if (step.type === 'error') throw step.error
  if (step.type !== 'redirect') return step.flow
  navigate(step.url)
  return undefined
}
