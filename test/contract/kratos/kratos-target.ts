// A running Kratos with our configuration (test/contract/kratos/config) as a scenario's target: users are
// created through the admin API and signed in through Kratos' own login flows.
import { randomUUID } from 'node:crypto'
import { Browser, csrfOf, totp, totpSecretOf, type Flow, type Target, type User, type UserOptions } from './target.js'

/** `privileged_session_max_age` and the settings `lifespan` of test/contract/kratos/config/kratos.yml. */
export const CONFIGURED_AGE_MS = 4_000

/** The JSON of a successful answer, or an error that names the step. */
async function expectJson<Body = Flow>(response: Response, step: string): Promise<Body> {
  const text = await response.text()
  if (!response.ok) throw new Error(`${step}: Kratos answered ${response.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text) as Body
}

/** A target on a running Kratos at `publicUrl`, administered at `adminUrl`. */
export function kratosTarget(name: string, publicUrl: string, adminUrl: string): Target {
  const send = (request: Request) => fetch(request)
  const anonymous = () => new Browser(send, publicUrl)

  /** Signs in with the password; an identity with a second factor gets an AAL1 session and a 422 that asks for it. */
  const signIn = async (browser: Browser, email: string, password: string) => {
    const login = await expectJson(await browser.getJson('self-service/login/browser'), 'login flow')
    const answer = await browser.postJson(`self-service/login?flow=${login.id}`, { method: 'password', identifier: email, password, csrf_token: csrfOf(login) })
    if (answer.status === 422 && browser.cookies.has('ory_kratos_session')) return
    await expectJson(answer, 'sign in')
  }
  /** Adds the second factor to the browser's AAL1 session. */
  const secondFactor = async (browser: Browser, secret: string) => {
    const second = await expectJson(await browser.getJson('self-service/login/browser?aal=aal2'), 'aal2 login flow')
    await expectJson(await browser.postJson(`self-service/login?flow=${second.id}`, { method: 'totp', totp_code: totp(secret), csrf_token: csrfOf(second) }), 'second factor')
  }

  const settings = async (browser: Browser, body: (csrf: string) => Record<string, unknown>) => {
    const flow = await expectJson(await browser.getJson('self-service/settings/browser'), 'settings flow')
    return { flow, answer: await expectJson(await browser.postJson(`self-service/settings?flow=${flow.id}`, body(csrfOf(flow))), 'settings update') }
  }

  return {
    name,
    publicUrl,
    anonymous,
    async user(options: UserOptions = {}): Promise<User> {
      const email = `user-${randomUUID().slice(0, 8)}@example.com`
      const password = `Kratos-Settings-${randomUUID()}`
      const created = await fetch(new URL('admin/identities', adminUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ schema_id: 'person', traits: { email, name: { first: 'Ada', last: 'Lovelace' } }, credentials: { password: { config: { password } } } }),
      })
      const identity = await expectJson<{ id: string }>(created, 'create identity')
      const browser = anonymous()
      await signIn(browser, email, password)
      let secret: string | undefined
      if (options.totp === true) {
        const flow = await expectJson(await browser.getJson('self-service/settings/browser'), 'settings flow')
        secret = totpSecretOf(flow)
        if (secret === '') throw new Error('the settings flow shows no TOTP secret')
        await expectJson(await browser.postJson(`self-service/settings?flow=${flow.id}`, { method: 'totp', totp_code: totp(secret), csrf_token: csrfOf(flow) }), 'link TOTP')
        // A new first-factor session: the identity now has a second factor this session lacks.
        browser.cookies.delete('ory_kratos_session')
        await signIn(browser, email, password)
        if (options.aal1 !== true) await secondFactor(browser, secret)
      }
      if (options.lookupSecrets === true) {
        const { flow } = await settings(browser, (csrf) => ({ method: 'lookup_secret', lookup_secret_regenerate: true, csrf_token: csrf }))
        await expectJson(await browser.postJson(`self-service/settings?flow=${flow.id}`, { method: 'lookup_secret', lookup_secret_confirm: true, csrf_token: csrfOf(flow) }), 'confirm lookup secrets')
      }
      if (options.stale === true) await new Promise((resolve) => setTimeout(resolve, CONFIGURED_AGE_MS + 500))
      browser.exchanges.length = 0
      return { browser, email, password, identityId: identity.id, totpSecret: secret }
    },
    async sessionToken(user) {
      const api = anonymous()
      const login = await expectJson(await api.getJson('self-service/login/api', { cookies: false }), 'login API flow')
      const answer = await expectJson<{ session_token: string }>(
        await api.postJson(`self-service/login?flow=${login.id}`, { method: 'password', identifier: user.email, password: user.password }),
        'API sign in',
      )
      return answer.session_token
    },
    async again(user, options = {}) {
      const browser = anonymous()
      await signIn(browser, user.email, user.password)
      if (options.aal1 !== true && user.totpSecret !== undefined) await secondFactor(browser, user.totpSecret)
      browser.exchanges.length = 0
      return browser
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    totpCode: (secret) => totp(secret),
  }
}
