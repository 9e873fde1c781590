// The mock as a scenario's target, configured as test/contract/kratos/config/kratos.yml configures Kratos,
// on the same URLs, so that a scenario sends the mock the very requests it sent Kratos.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createMockKratos, MOCK_TOTP_CODE, SESSION_COOKIE, type KratosVersion, type MockKratosOptions, type TraitSchema } from '../../../src/mock/index.js'
import { CONFIGURED_AGE_MS } from './kratos-target.js'
import type { Configuration } from './scenarios.js'
import { Browser, csrfOf, type Flow, type Target, type User, type UserOptions } from './target.js'

const PUBLIC_URLS: Readonly<Record<Configuration, string>> = { kratos: 'http://127.0.0.1:4433/', variant: 'http://127.0.0.1:4443/', 'pending-change': 'http://127.0.0.1:4463/' }

const IDENTITY_SCHEMA = JSON.parse(readFileSync(new URL('config/identity.schema.json', import.meta.url), 'utf8')) as { properties: { traits: TraitSchema } }

/** The mock options that stand for variant.yml (and verification-hook.yml) and pending-change.yml. */
const CONFIGURATIONS: Readonly<Record<Configuration, Partial<MockKratosOptions>>> = {
  kratos: {},
  variant: { requiredAal: 'aal1', disabledMethods: ['lookup_secret'], verificationHook: true },
  'pending-change': { verifyNewAddress: true },
}

/** A mock Kratos imitating `version` with the URLs, lifespans and options of a configuration of ours (test/contract/kratos/config). */
export function mockTarget(configuration: Configuration = 'kratos', version: KratosVersion = 'v26.2.0'): Target {
  let time = Date.parse('2026-11-21T12:00:00Z')
  const publicUrl = PUBLIC_URLS[configuration]
  const kratos = createMockKratos({
    ...CONFIGURATIONS[configuration],
    kratosVersion: version,
    traitsSchema: IDENTITY_SCHEMA.properties.traits,
    baseUrl: publicUrl,
    uiUrl: 'http://127.0.0.1:4455/ui',
    loginUiUrl: 'http://127.0.0.1:4455/ui/login',
    errorUiUrl: 'http://127.0.0.1:4455/ui/error',
    allowedReturnUrls: ['http://127.0.0.1:4455/'],
    defaultReturnUrl: 'http://127.0.0.1:4455/',
    flowLifespanMs: CONFIGURED_AGE_MS,
    privilegedSessionMaxAgeMs: CONFIGURED_AGE_MS,
    oidcProviders: ['stub'],
    now: () => new Date(time),
  })
  /** A browser holding the mock's session `token`, and its CSRF cookie as Kratos' login leaves one. */
  const signIn = async (token: string) => {
    const browser = new Browser(send, publicUrl)
    browser.cookies.set(SESSION_COOKIE, token)
    await browser.getJson('self-service/settings/browser')
    browser.exchanges.length = 0
    return browser
  }
  /** Posts `body` (with the flow's CSRF token) to `flow`, or to a new flow; the flow Kratos answers with. */
  const update = async (browser: Browser, body: Record<string, unknown>, flow?: Flow): Promise<Flow> => {
    const current = flow ?? ((await (await browser.getJson('self-service/settings/browser')).json()) as Flow)
    const response = await browser.postJson(`self-service/settings?flow=${current.id}`, { ...body, csrf_token: csrfOf(current) })
    if (response.status !== 200) throw new Error(`the mock answered ${response.status} to setting up a user: ${await response.text()}`)
    browser.exchanges.length = 0
    return (await response.json()) as Flow
  }
  const send = async (request: Request) => (await kratos(request)) ?? new Response('not served by the mock', { status: 599 })
  return {
    name: 'mock',
    publicUrl,
    anonymous: () => new Browser(send, publicUrl),
    async user(options: UserOptions = {}): Promise<User> {
      const name = `user-${randomUUID().slice(0, 8)}`
      // A second factor and lookup codes are set up as a user would, through settings flows.
      const setUp = await signIn(name)
      if (options.totp === true) await update(setUp, { method: 'totp', totp_code: MOCK_TOTP_CODE })
      if (options.lookupSecrets === true) {
        const codes = await update(setUp, { method: 'lookup_secret', lookup_secret_regenerate: true })
        await update(setUp, { method: 'lookup_secret', lookup_secret_confirm: true }, codes)
      }
      const kind = options.aal1 === true ? 'aal1-' : options.totp === true ? 'aal2-' : options.stale === true ? 'stale-' : ''
      return { browser: await signIn(`${kind}${name}`), email: `${name}@example.com`, password: 'not-known-to-the-mock', identityId: '', totpSecret: options.totp === true ? 'MOCK' : undefined }
    },
    again: (user, options = {}) => signIn(`${options.aal1 === true ? 'aal1-' : user.totpSecret === undefined ? '' : 'aal2-'}${user.email.split('@')[0]!}`),
    // The mock names sessions by their token: `ory_st_<name>` stands for the token Kratos' API login would give.
    sessionToken: async (user) => `ory_st_${user.email.split('@')[0]!}`,
    wait: async (ms) => void (time += ms),
    totpCode: () => MOCK_TOTP_CODE,
  }
}
