import { CookieJar } from 'tough-cookie'
import type { KratosClient, UpdateSettingsFlowBody, UpdateSettingsFlowResult } from '../../src/index.js'
import { getCookieHeaderFromJar, saveSetCookie } from '../../src/cookies/index.js'
import { describeResult } from './describe-result.js'

/** One user's browser: a cookie jar, and the results it has seen, printed as they come. */
function browser(kratos: KratosClient, kratosUrl: string, cookie: string | undefined) {
  const jar = new CookieJar()
  let step = 0
  const see = async (title: string, result: UpdateSettingsFlowResult) => {
    await saveSetCookie(jar, result.setCookie, kratosUrl)
    console.log(`\n${String.fromCharCode(97 + step++)}. ${title}`)
    for (const line of describeResult(result)) console.log(`   ${line}`)
    return result
  }
  const cookies = async () => [cookie, await getCookieHeaderFromJar(jar, kratosUrl)].filter(Boolean).join('; ') || undefined
  return { see, cookies }
}

/**
 * A settings page from start to finish: create a flow, read it back (a reload), submit a profile
 * change with a validation error, submit a valid one. Only the first two steps change nothing,
 * so a real Kratos gets only those (`{ submit: false }`).
 */
export async function lifecycle(kratos: KratosClient, kratosUrl: string, cookie: string | undefined, { submit }: { submit: boolean }): Promise<void> {
  const { see, cookies } = browser(kratos, kratosUrl, cookie)
  const created = await see('Create a flow; Kratos sets the CSRF cookie', await kratos.createBrowserSettingsFlow(undefined, await cookies()))
  if (created.kind !== 'flow') return
  const read = await see('Read it back by id, as after a reload', await kratos.getSettingsFlow(created.flow.id, await cookies()))
  if (read.kind !== 'flow' || !submit) return

  const invalid: UpdateSettingsFlowBody = { method: 'profile', traits: { email: 'ada-at-example.org', name: { first: 'Ada', last: 'Lovelace' } } }
  const rejected = await see('Submit a profile with a bad email: kind invalid, render the form again', await kratos.updateSettingsFlow(read.flow, invalid, await cookies()))
  if (rejected.kind !== 'invalid') return
  const valid: UpdateSettingsFlowBody = { method: 'profile', traits: { email: 'ada@example.org', name: { first: 'Ada', last: 'Lovelace' } } }
  await see('Submit a valid profile: success, and what to do next', await kratos.updateSettingsFlow(rejected.flow, valid, await cookies()))
}
