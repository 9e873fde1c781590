// One scenario per row of the behaviour table that can be observed: the steps a browser (or a JSON
// client) takes against Kratos, ending with the row's request. `npm run record:kratos` runs them
// against a running Kratos and keeps the last exchange; `npm test` runs them against the mock and
// compares its answer with the recording; `npm run test:kratos` runs them against a live Kratos.
import { csrfOf, totpSecretOf, type Browser, type Flow, type Target, type User } from './target.js'

/** Where our configuration puts the UI (never served). */
export const UI_ORIGIN = 'http://127.0.0.1:4455'

/** The configurations a scenario can run on; see test/contract/kratos/config. */
export type Configuration = 'kratos' | 'variant' | 'pending-change'

export interface Scenario {
  readonly id: string
  /**
   * Runs on another configuration than kratos.yml: `variant` (variant.yml: required_aal aal1,
   * lookup_secret off, and from v25.4.0 the show_verification_ui hook) or `pending-change`
   * (pending-change.yml: the verify_new_address hook, master only).
   */
  readonly configuration?: Configuration
  /** Versions that cannot run the scenario, and why. */
  readonly skip?: { readonly versions: readonly string[]; readonly reason: string }
  /** Drives the target; the last exchange of the returned browser is the row's. */
  readonly run: (target: Target) => Promise<Browser>
}

const CREATE = 'self-service/settings/browser'
const get = (id: string) => `self-service/settings/flows?id=${encodeURIComponent(id)}`
const update = (id: string) => `self-service/settings?flow=${encodeURIComponent(id)}`
const NEW_PASSWORD = 'a-new-Passw0rd-for-recording'

/** Starts a settings flow as a JSON client; the flow and its CSRF token. */
async function start(browser: Browser, query = ''): Promise<{ flow: Flow; csrf: string }> {
  const response = await browser.getJson(`${CREATE}${query}`)
  if (response.status !== 200) throw new Error(`create answered ${response.status}: ${await response.text()}`)
  const flow = (await response.json()) as Flow
  return { flow, csrf: csrfOf(flow) }
}

/** A signed-in user's browser, a fresh flow, and a JSON update of it with `body(csrf)`. */
const postJson =
  (body: (csrf: string, user: User) => Record<string, unknown>, options: Parameters<Target['user']>[0] = {}) =>
  async (target: Target) => {
    const user = await target.user(options)
    const { flow, csrf } = await start(user.browser)
    await user.browser.postJson(update(flow.id), body(csrf, user))
    return user.browser
  }

/** The same as a browser's form post. */
const postForm =
  (body: (csrf: string, user: User) => Record<string, string> | [string, string][], options: Parameters<Target['user']>[0] = {}, accept: 'html' | 'json' = 'html') =>
  async (target: Target) => {
    const user = await target.user(options)
    const { flow, csrf } = await start(user.browser)
    await user.browser.postForm(update(flow.id), body(csrf, user), accept)
    return user.browser
  }

const uuid = '2b1d1d8c-5d4e-4f6a-9b7c-8d9e0f1a2b3c'
const signedIn = async (target: Target) => (await target.user()).browser

// prettier-ignore
export const SCENARIOS: readonly Scenario[] = [
  // --- createBrowserSettingsFlow
  { id: 'C1', run: async (t) => { const b = await signedIn(t); await b.getJson(CREATE); return b } },
  { id: 'C2', run: async (t) => { const b = await signedIn(t); await b.navigate(CREATE); return b } },
  { id: 'C3', run: async (t) => { const b = t.anonymous(); await b.getJson(CREATE); return b } },
  { id: 'C4', run: async (t) => { const b = t.anonymous(); await b.navigate(`${CREATE}?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`); return b } },
  { id: 'C5', run: async (t) => { const { browser } = await t.user({ totp: true, aal1: true }); await browser.getJson(CREATE); return browser } },
  { id: 'C6', run: async (t) => { const { browser } = await t.user({ totp: true, aal1: true }); await browser.getJson(`${CREATE}?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`); return browser } },
  // A server that reaches Kratos at another address than browsers do, telling Kratos the browsers' host and scheme.
  { id: 'C17', run: async (t) => { const { browser } = await t.user({ totp: true, aal1: true }); await browser.getJson(`${CREATE}?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`, { headers: { 'x-forwarded-host': 'auth.example.com', 'x-forwarded-proto': 'https' } }); return browser } },
  { id: 'C7', run: async (t) => { const { browser } = await t.user({ totp: true, aal1: true }); await browser.navigate(CREATE); return browser } },
  { id: 'C8', run: async (t) => { const b = await signedIn(t); await b.getJson(`${CREATE}?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`); return b } },
  { id: 'C9', run: async (t) => { const b = await signedIn(t); await b.getJson(`${CREATE}?return_to=%2Fdone`); return b } },
  { id: 'C10', run: async (t) => { const b = await signedIn(t); await b.getJson(`${CREATE}?return_to=${encodeURIComponent('https://evil.example/steal')}`); return b } },
  { id: 'C11', run: async (t) => { const b = await signedIn(t); await b.navigate(`${CREATE}?return_to=${encodeURIComponent('https://evil.example/steal')}`); return b } },
  { id: 'C12', run: async (t) => { const b = await signedIn(t); await b.getJson(`${CREATE}?organization=${uuid}`); return b } },
  { id: 'C13', configuration: 'variant', run: async (t) => { const { browser } = await t.user({ totp: true, aal1: true }); await browser.getJson(CREATE); return browser } },
  { id: 'C14', run: async (t) => { const b = await signedIn(t); await b.fetch(CREATE, { headers: { accept: '*/*' } }); return b } },
  { id: 'C15', run: async (t) => { const b = await signedIn(t); await b.fetch(CREATE); return b } },
  { id: 'C16', run: async (t) => { const b = await signedIn(t); b.cookies.clear(); await b.getJson(CREATE, { headers: { cookie: 'ory_kratos_session=not-a-session' } }); return b } },

  // --- getSettingsFlow
  { id: 'G1', run: async (t) => { const b = await signedIn(t); const { flow } = await start(b); await b.getJson(get(flow.id)); return b } },
  { id: 'G2', run: async (t) => { const b = await signedIn(t); const { flow } = await start(b); await b.getJson(get(flow.id), { cookies: false }); return b } },
  { id: 'G3', run: async (t) => { const b = await signedIn(t); const { flow } = await start(b); await b.navigate(get(flow.id), { cookies: false }); return b } },
  { id: 'G4', run: async (t) => { const b = await signedIn(t); await b.getJson(get(uuid)); return b } },
  { id: 'G5', run: async (t) => {
    const other = await signedIn(t); const { flow } = await start(other)
    const b = await signedIn(t); await b.getJson(get(flow.id)); return b
  } },
  { id: 'G6', run: async (t) => {
    const user = await t.user({ totp: true }); const { flow } = await start(user.browser)
    const aal1 = await t.again(user, { aal1: true }); await aal1.getJson(get(flow.id)); return aal1
  } },
  { id: 'G7', run: async (t) => { const b = await signedIn(t); const { flow } = await start(b, `?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`); await t.wait(4_500); await b.getJson(get(flow.id)); return b } },
  { id: 'G8', run: async (t) => { const b = await signedIn(t); await b.getJson(get('not-a-uuid')); return b } },
  { id: 'G9', run: async (t) => { const b = await signedIn(t); const { flow } = await start(b); await b.navigate(get(flow.id)); return b } },

  // --- updateSettingsFlow: profile
  { id: 'U1', run: postJson((csrf, u) => ({ method: 'profile', csrf_token: csrf, traits: { email: u.email, name: { first: 'Grace', last: 'Hopper' } } })) },
  { id: 'U2', run: postForm((csrf, u) => ({ method: 'profile', csrf_token: csrf, 'traits.email': u.email, 'traits.name.first': 'Grace', 'traits.name.last': 'Hopper' })) },
  { id: 'U3', run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: 'not-an-email' } })) },
  { id: 'U4', run: postForm((csrf) => ({ method: 'profile', csrf_token: csrf, 'traits.email': 'not-an-email' })) },
  { id: 'U5', run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { name: { first: 'Grace' } } })) },
  // --- password
  { id: 'U6', run: postJson((csrf) => ({ method: 'password', csrf_token: csrf, password: 'short' })) },
  { id: 'U7', run: postJson((csrf) => ({ method: 'password', csrf_token: csrf, password: NEW_PASSWORD })) },
  // --- sessions
  { id: 'U8', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b); await b.postJson(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }, { cookies: (name) => name !== 'ory_kratos_session' }); return b } },
  { id: 'U9', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b); await b.postForm(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }, 'html', { cookies: (name) => name !== 'ory_kratos_session' }); return b } },
  { id: 'U10', run: async (t) => {
    const user = await t.user({ totp: true }); const { flow, csrf } = await start(user.browser)
    const aal1 = await t.again(user, { aal1: true })
    await aal1.postJson(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }); return aal1
  } },
  { id: 'U11', run: postJson((csrf) => ({ method: 'password', csrf_token: csrf, password: NEW_PASSWORD }), { stale: true }) },
  { id: 'U12', run: postForm((csrf) => ({ method: 'password', csrf_token: csrf, password: NEW_PASSWORD }), { stale: true }) },
  { id: 'U13', run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: 'changed-when-stale@example.com' } }), { stale: true }) },
  { id: 'U37', run: postJson((csrf, u) => ({ method: 'profile', csrf_token: csrf, traits: { email: u.email, name: { first: 'Stale', last: 'But allowed' } } }), { stale: true }) },
  { id: 'U38', run: postForm((csrf) => ({ method: 'profile', csrf_token: csrf, 'traits.email': 'changed-when-stale@example.com' }), { stale: true }) },
  { id: 'R1', run: async (t) => {
    // After U12's redirect to the login, the user signs in again; the browser comes back to resume the change.
    const user = await t.user({ stale: true })
    const { flow, csrf } = await start(user.browser)
    await user.browser.postForm(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD })
    const login = (await (await user.browser.getJson('self-service/login/browser?refresh=true')).json()) as Flow
    await user.browser.postJson(`self-service/login?flow=${login.id}`, { method: 'password', identifier: user.email, password: user.password, csrf_token: csrfOf(login) })
    await user.browser.navigate(`self-service/settings?flow=${flow.id}`)
    return user.browser
  } },
  // --- flows
  { id: 'U14', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b); await t.wait(4_500); await b.postJson(update(flow.id), { method: 'profile', csrf_token: csrf, traits: { email: 'x@example.com' } }); return b } },
  { id: 'U15', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b); await t.wait(4_500); await b.postForm(update(flow.id), { method: 'profile', csrf_token: csrf, 'traits.email': 'x@example.com' }); return b } },
  { id: 'U16', run: async (t) => {
    const other = await signedIn(t); const { flow } = await start(other)
    const b = await signedIn(t); const mine = await start(b)
    await b.postJson(update(flow.id), { method: 'password', csrf_token: mine.csrf, password: NEW_PASSWORD }); return b
  } },
  { id: 'U17', run: async (t) => {
    const other = await signedIn(t); const { flow } = await start(other)
    const b = await signedIn(t); const mine = await start(b)
    await b.postForm(update(flow.id), { method: 'password', csrf_token: mine.csrf, password: NEW_PASSWORD }); return b
  } },
  { id: 'U18', run: async (t) => { const b = await signedIn(t); const { csrf } = await start(b); await b.postJson(update(uuid), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }); return b } },
  { id: 'U19', run: async (t) => { const b = await signedIn(t); const { csrf } = await start(b); await b.postJson(update('not-a-uuid'), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }); return b } },
  // --- CSRF
  { id: 'U20', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b); await b.postJson(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }, { cookies: (name) => !name.startsWith('csrf_token') }); return b } },
  { id: 'U21', run: postJson(() => ({ method: 'password', csrf_token: 'wrong', password: NEW_PASSWORD })) },
  { id: 'U22', run: postForm(() => ({ method: 'password', password: NEW_PASSWORD })) },
  { id: 'U39', run: postForm(() => ({ method: 'password', password: NEW_PASSWORD }), {}, 'json') },
  // --- methods
  { id: 'U23', run: postJson((csrf) => ({ method: 'nothing', csrf_token: csrf })) },
  { id: 'U24', run: postJson((csrf) => ({ method: 'totp', csrf_token: csrf, totp_code: '000000' })) },
  { id: 'U25', run: async (t) => {
    const user = await t.user(); const { flow, csrf } = await start(user.browser)
    await user.browser.postJson(update(flow.id), { method: 'totp', csrf_token: csrf, totp_code: t.totpCode(totpSecretOf(flow)) }); return user.browser
  } },
  { id: 'U40', run: postJson((csrf) => ({ method: 'totp', csrf_token: csrf, totp_unlink: true }), { totp: true }) },
  { id: 'U26', run: postJson((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_reveal: true })) },
  { id: 'U27', run: postJson((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_regenerate: true })) },
  { id: 'U28', run: postForm((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_confirm: 'true' }), {}, 'json') },
  { id: 'U41', run: async (t) => {
    const user = await t.user(); const { flow, csrf } = await start(user.browser)
    const regenerated = (await (await user.browser.postJson(update(flow.id), { method: 'lookup_secret', csrf_token: csrf, lookup_secret_regenerate: true })).json()) as Flow
    await user.browser.postJson(update(flow.id), { method: 'lookup_secret', csrf_token: csrfOf(regenerated), lookup_secret_confirm: true }); return user.browser
  } },
  { id: 'U42', run: postJson((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_reveal: true }), { lookupSecrets: true }) },
  { id: 'U29', run: postJson((csrf) => ({ method: 'oidc', csrf_token: csrf, link: 'stub' })) },
  { id: 'U30', run: postForm((csrf) => ({ method: 'oidc', csrf_token: csrf, link: 'stub' })) },
  { id: 'U31', run: postJson((csrf) => ({ method: 'oidc', csrf_token: csrf, unlink: 'stub' })) },
  { id: 'U43', run: postJson((csrf) => ({ method: 'oidc', csrf_token: csrf, link: 'unknown-provider' })) },
  { id: 'U44', run: postJson((csrf) => ({ method: 'oidc', csrf_token: csrf, link: 'stub', unlink: 'stub' })) },
  { id: 'U32', run: postJson((csrf) => ({ method: 'webauthn', csrf_token: csrf, webauthn_remove: 'abcd' })) },
  { id: 'U33', run: postJson((csrf) => ({ method: 'passkey', csrf_token: csrf, passkey_remove: 'abcd' })) },
  { id: 'U45', run: postJson((csrf) => ({ method: 'webauthn', csrf_token: csrf, webauthn_register: '{"id":"x"}', webauthn_register_displayname: 'key' })) },
  { id: 'U46', run: postJson((csrf) => ({ method: 'passkey', csrf_token: csrf, passkey_settings_register: '{"id":"x"}' })) },
  { id: 'U34', configuration: 'variant', run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: `verify-${Date.now()}@example.com` } })) },
  { id: 'U35', run: postForm((csrf) => ({ method: 'password', csrf_token: csrf, password: NEW_PASSWORD, transient_payload: '{"source":"app"}' }), {}, 'json') },
  { id: 'U36', run: postForm((csrf, u) => [['method', 'profile'], ['csrf_token', csrf], ['traits.email', u.email], ['traits.email', 'not-an-email']], {}, 'json') },
  // --- password policy
  { id: 'U47', run: postJson((csrf, u) => ({ method: 'password', csrf_token: csrf, password: u.email })) },
  { id: 'U48', run: postJson((csrf, u) => ({ method: 'password', csrf_token: csrf, password: u.password })) },
  // --- hooks and identifiers
  { id: 'U49', run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: `interrupt-${Date.now()}@example.com` } })) },
  { id: 'U50', run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: `fail-${Date.now()}@example.com` } })) },
  { id: 'U51', run: async (t) => {
    const other = await t.user(); const user = await t.user(); const { flow, csrf } = await start(user.browser)
    await user.browser.postJson(update(flow.id), { method: 'profile', csrf_token: csrf, traits: { email: other.email } }); return user.browser
  } },
  // --- return_to on success
  { id: 'U52', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b, `?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`); await b.postJson(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }); return b } },
  { id: 'U53', run: async (t) => { const b = await signedIn(t); const { flow, csrf } = await start(b, `?return_to=${encodeURIComponent(`${UI_ORIGIN}/done`)}`); await b.postForm(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }); return b } },
  // --- session tokens (API clients), which the SDK never sends
  { id: 'U57', run: async (t) => {
    const user = await t.user(); const { flow, csrf } = await start(user.browser)
    const token = await t.sessionToken(user)
    await user.browser.postJson(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }, { cookies: false, headers: { 'x-session-token': token } }); return user.browser
  } },
  { id: 'U58', run: async (t) => {
    const user = await t.user(); const { flow, csrf } = await start(user.browser)
    const other = await t.user(); const token = await t.sessionToken(other)
    await user.browser.postJson(update(flow.id), { method: 'password', csrf_token: csrf, password: NEW_PASSWORD }, { headers: { 'x-session-token': token } }); return user.browser
  } },
  { id: 'G10', run: async (t) => {
    const user = await t.user(); const token = await t.sessionToken(user)
    const api = await user.browser.getJson('self-service/settings/api', { cookies: false, headers: { 'x-session-token': token } })
    const flow = (await api.json()) as Flow
    await user.browser.getJson(get(flow.id)); return user.browser
  } },
  // --- variant configuration
  { id: 'U54', configuration: 'variant', run: postJson((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_regenerate: true })) },
  { id: 'U56', configuration: 'pending-change', skip: { versions: ['v26.2.0', 'v25.4.0', 'v1.3.1'], reason: 'the verify_new_address hook is newer than v26.2.0' }, run: postJson((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: `verify-${Date.now()}@example.com` } })) },
  { id: 'U55', configuration: 'variant', run: postJson((csrf) => ({ method: 'password', csrf_token: csrf, password: NEW_PASSWORD }), { totp: true, aal1: true }) },
]
