import { describe, expect, test } from 'vitest'
import { MOCK_TOTP_CODE } from '../../../src/mock/index.js'
import type { TraitSchema } from '../../../src/mock/index.js'
import { getCsrfToken, harness, type Harness } from '../../contract/behaviour/harness.js'

// What each settings method (selfservice/strategy/*/settings.go) makes of a submitted body, read
// from the mock's answers: the statuses, the messages and the inputs they sit on, and what a
// later request sees of the change.

type Json = Record<string, any>
type Body = Record<string, unknown>

/** A flow of `token`'s session, and posts to it: `post` sends the flow's CSRF token, `forge` none. */
async function signedIn(h: Harness = harness(), token = 'ada') {
  const { flow, cookie } = await h.start(token)
  const csrf = getCsrfToken(flow)!
  return {
    flow,
    post: (body: Body, as?: 'json' | 'form' | 'json-form') => h.update(flow.id, { csrf_token: csrf, ...body }, cookie, as),
    forge: (body: Body) => h.update(flow.id, body, cookie),
  }
}

async function read(response: Response, status: number): Promise<Json> {
  expect(response.status).toBe(status)
  return (await response.json()) as Json
}

const nodeNamed = (flow: Json, name: string): Json | undefined => flow['ui'].nodes.find((node: Json) => node['attributes'].name === name)
const error = (id: number, text: string, context?: Json) => ({ id, type: 'error', text, ...(context === undefined ? {} : { context }) })
const generic = (text: string) => error(4000001, text, { reason: text })
const required = (property: string) => error(4000002, `Property ${property} is missing.`, { property })

/** Kratos' 400 with the flow and `message` on the form (ui.messages) alone. */
async function expectFormMessage(response: Response, message: Json): Promise<Json> {
  const flow = await read(response, 400)
  expect(flow['ui'].messages).toEqual([message])
  expect(flow['ui'].nodes.flatMap((node: Json) => node['messages'])).toEqual([])
  return flow
}

/** Kratos' 400 with the flow and `message` on the input `name` alone. */
async function expectInputMessage(response: Response, name: string, message: Json): Promise<Json> {
  const flow = await read(response, 400)
  // Kratos leaves out an empty list of flow messages (recorded: U3).
  expect(flow['ui'].messages).toBeUndefined()
  expect(nodeNamed(flow, name)?.['messages']).toEqual([message])
  expect(flow['ui'].nodes.flatMap((node: Json) => node['messages'])).toHaveLength(1)
  return flow
}

async function expectSaved(response: Response): Promise<Json> {
  const flow = await read(response, 200)
  expect(flow['state']).toBe('success')
  return flow
}

async function expectErrorId(response: Response, status: number, id: string): Promise<void> {
  expect((await read(response, status))['error'].id).toBe(id)
}

const expectCsrfViolation = (response: Response) => expectErrorId(response, 403, 'security_csrf_violation')
const expectRefresh = (response: Response) => expectErrorId(response, 403, 'session_refresh_required')

describe('profile', () => {
  test('a profile update without traits is 400 with 4000002 "Property traits is missing." on a traits input', async () => {
    const { post } = await signedIn()
    await expectInputMessage(await post({ method: 'profile' }), 'traits', required('traits'))
  })

  test('invalid traits come back in their inputs, nested traits under dotted names', async () => {
    const { post } = await signedIn()
    const flow = await read(await post({ method: 'profile', traits: { email: 'nope', name: { first: 'Grace', last: 'Hopper' } } }), 400)
    expect(nodeNamed(flow, 'traits.email')?.['messages']).toMatchObject([{ id: 4000040 }])
    expect(nodeNamed(flow, 'traits.email')?.['attributes'].value).toBe('nope')
    expect(nodeNamed(flow, 'traits.name.first')?.['attributes'].value).toBe('Grace')
    expect(nodeNamed(flow, 'traits.name.last')?.['attributes'].value).toBe('Hopper')
  })

  test('valid traits without a CSRF token are the CSRF error, and change nothing', async () => {
    const h = harness()
    const { forge } = await signedIn(h)
    await expectCsrfViolation(await forge({ method: 'profile', traits: { email: 'eve@example.org' } }))
    const { flow } = await signedIn(h)
    expect(flow.identity.traits).toMatchObject({ email: 'ada@example.com' })
  })

  test('empty traits are Kratos\' 400 "Did not receive any value changes." on the form', async () => {
    const traitsSchema: TraitSchema = { type: 'object', properties: { nickname: { type: 'string' } } }
    const { post } = await signedIn(harness({ traitsSchema }))
    await expectFormMessage(await post({ method: 'profile', traits: {} }), generic('Did not receive any value changes.'))
  })

  // selfservice/strategy/profile/strategy.go:179-188: only a protected trait needs the privileged session.
  test('a session too old for privileged changes may still change traits that are no identifier or address', async () => {
    const { post } = await signedIn(harness(), 'stale-ada')
    const flow = await expectSaved(await post({ method: 'profile', traits: { email: 'ada@example.com', name: { first: 'Augusta', last: 'Lovelace' } } }))
    expect(flow['identity'].traits).toEqual({ email: 'ada@example.com', name: { first: 'Augusta', last: 'Lovelace' } })
  })

  test('the same session must log in again to change its email', async () => {
    const { post } = await signedIn(harness(), 'stale-ada')
    await expectRefresh(await post({ method: 'profile', traits: { email: 'new@example.com' } }))
  })
})

describe('password', () => {
  test('a password update without a password is 400 with 4000002 "Property password is missing." on the password input', async () => {
    const { post } = await signedIn()
    await expectInputMessage(await post({ method: 'password' }), 'password', required('password'))
  })

  test('seven bytes are too short, with 4000032 on the password input; eight are enough', async () => {
    const h = harness()
    await expectInputMessage(
      await (await signedIn(h)).post({ method: 'password', password: 'xK#9vQ!' }),
      'password',
      error(4000032, 'The password must be at least 8 characters long, but got 7.', { min_length: 8, actual_length: 7 }),
    )
    await expectSaved(await (await signedIn(h)).post({ method: 'password', password: 'xK#9vQ!2' }))
  })
})

describe('oidc', () => {
  // selfservice/strategy/oidc/strategy_settings.go:363-368
  test('link and unlink in one request is 400 "it is not possible to link and unlink providers in the same request"', async () => {
    const { post } = await signedIn()
    await expectFormMessage(await post({ method: 'oidc', link: 'github', unlink: 'github' }), generic('it is not possible to link and unlink providers in the same request'))
  })

  test("unlinking a provider the identity has not linked is herodot's id-less 404 (recorded: U31)", async () => {
    const { post } = await signedIn()
    expect(await read(await post({ method: 'oidc', unlink: 'github' }), 404)).toEqual({
      error: { code: 404, status: 'Not Found', reason: 'identity does not have credential type oidc', message: 'The requested resource could not be found' },
    })
  })

  test('linking a configured provider asks the browser to go to it; an unknown one is 400', async () => {
    const { post } = await signedIn()
    const body = await read(await post({ method: 'oidc', link: 'github' }), 422)
    expect(body['error'].id).toBe('browser_location_change_required')
    expect(body['redirect_browser_to']).toMatch(/^http:\/\/kratos\.test\/mock-oidc\/github\/oauth2\/auth\?state=/)
    await expectFormMessage(await post({ method: 'oidc', link: 'gitlab' }), generic('can not link unknown or already existing OpenID Connect connection'))
  })

  test('a session too old for privileged changes must log in again to link or unlink', async () => {
    const { post } = await signedIn(harness(), 'stale-ada')
    await expectRefresh(await post({ method: 'oidc', link: 'github' }))
    await expectRefresh(await post({ method: 'oidc', unlink: 'github' }))
  })
})

describe('totp', () => {
  test('adding an authenticator without a code is 400 with 4000002 on a totp_code input', async () => {
    const { post } = await signedIn()
    await expectInputMessage(await post({ method: 'totp' }), 'totp_code', required('totp_code'))
  })

  test('a wrong code is 400 with 4000008 on the totp_code input', async () => {
    const { post } = await signedIn()
    await expectInputMessage(await post({ method: 'totp', totp_code: '000000' }), 'totp_code', error(4000008, 'The provided authentication code is invalid, please try again.'))
  })

  // selfservice/strategy/totp/settings.go:101-106, 230-242
  test('once added, a totp submit keeps the authenticator until totp_unlink removes it, even without method', async () => {
    const h = harness()
    const submit = async (body: Body) => (await signedIn(h)).post(body)
    await expectSaved(await submit({ method: 'totp', totp_code: MOCK_TOTP_CODE }))
    await expectSaved(await submit({ method: 'totp' }))
    await expectSaved(await submit({ method: 'totp' }))
    await expectSaved(await submit({ totp_unlink: true }))
    await expectInputMessage(await submit({ method: 'totp' }), 'totp_code', required('totp_code'))
  })

  test('totp needs the CSRF token, and a session recent enough for privileged changes', async () => {
    await expectCsrfViolation(await (await signedIn()).forge({ method: 'totp', totp_code: MOCK_TOTP_CODE }))
    await expectRefresh(await (await signedIn(harness(), 'stale-ada')).post({ method: 'totp', totp_code: MOCK_TOTP_CODE }))
  })
})

describe('webauthn and passkey', () => {
  test('removing a key the identity does not have is 400 on the form, as each strategy words it (recorded: U32, U33)', async () => {
    await expectFormMessage(await (await signedIn()).post({ method: 'webauthn', webauthn_remove: 'abcd' }), generic('You tried to remove a WebAuthn credential which does not exist.'))
    await expectFormMessage(await (await signedIn()).post({ method: 'passkey', passkey_remove: 'abcd' }), generic('You tried to remove a WebAuthn but you have no WebAuthn set up.'))
  })

  test('a registration that is JSON but no attestation is 400 "Parse error for Registration" (recorded: U45, U46)', async () => {
    const text = 'Unable to parse WebAuthn response: Parse error for Registration'
    await expectFormMessage(await (await signedIn()).post({ method: 'webauthn', webauthn_register: '{"id":"x"}' }), generic(text))
    await expectFormMessage(await (await signedIn()).post({ method: 'passkey', passkey_settings_register: '{"id":"x"}' }), generic(text))
  })

  // selfservice/strategy/webauthn/settings.go:256-260
  test('a registration that is not JSON is 400 "Unable to parse WebAuthn response: …"', async () => {
    const { post } = await signedIn()
    const flow = await read(await post({ method: 'webauthn', webauthn_register: 'not json' }), 400)
    expect(flow['ui'].messages).toHaveLength(1)
    expect(flow['ui'].messages[0]).toMatchObject({ id: 4000001, type: 'error', text: expect.stringMatching(/^Unable to parse WebAuthn response: \S/) })
  })

  test('a well-formed registration is saved, for WebAuthn and for passkeys', async () => {
    const response = JSON.stringify({ id: 'a2V5', rawId: 'a2V5', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2M' } })
    await expectSaved(await (await signedIn()).post({ method: 'webauthn', webauthn_register: response }))
    await expectSaved(await (await signedIn()).post({ method: 'passkey', passkey_settings_register: response }))
  })

  // selfservice/strategy/passkey/passkey_settings.go:270-273 removes first; webauthn/settings.go:181-185 registers first.
  test('a registration and a removal in one body: WebAuthn registers, a passkey tries the removal', async () => {
    const response = JSON.stringify({ id: 'a2V5', rawId: 'a2V5', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2M' } })
    await expectSaved(await (await signedIn()).post({ method: 'webauthn', webauthn_register: response, webauthn_remove: 'abcd' }))
    const { post } = await signedIn()
    await expectFormMessage(await post({ method: 'passkey', passkey_settings_register: response, passkey_remove: 'abcd' }), generic('You tried to remove a WebAuthn but you have no WebAuthn set up.'))
  })

  test('they need the CSRF token, and a session recent enough for privileged changes', async () => {
    await expectCsrfViolation(await (await signedIn()).forge({ method: 'webauthn', webauthn_register: '{}' }))
    await expectRefresh(await (await signedIn(harness(), 'stale-ada')).post({ method: 'webauthn', webauthn_remove: 'abcd' }))
  })
})

describe('lookup_secret', () => {
  const codesOf = (flow: Json): string[] =>
    flow['ui'].nodes.find((node: Json) => node['attributes'].id === 'lookup_secret_codes')['attributes'].text.context.secrets.map((secret: Json) => secret['context'].secret)
  const buttonsOf = (flow: Json): string[] =>
    flow['ui'].nodes.filter((node: Json) => node['group'] === 'lookup_secret' && node['attributes'].node_type === 'input').map((node: Json) => node['attributes'].name)

  test('regenerate shows twelve new codes of eight lowercase letters or digits, with a confirm button', async () => {
    const { post } = await signedIn()
    const flow = await read(await post({ method: 'lookup_secret', lookup_secret_regenerate: true }), 200)
    expect(flow['state']).toBe('show_form')
    const codes = codesOf(flow)
    expect(codes).toHaveLength(12)
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{8}$/)
    expect(new Set(codes).size).toBe(12)
    expect(buttonsOf(flow)).toEqual(['lookup_secret_confirm'])
  })

  // selfservice/strategy/lookup/settings.go:283-314: confirm deletes the regenerated codes from the flow.
  test('confirm saves the regenerated codes once; reveal shows them with disable and regenerate buttons', async () => {
    const h = harness()
    const { post } = await signedIn(h)
    const codes = codesOf(await read(await post({ method: 'lookup_secret', lookup_secret_regenerate: true }), 200))
    await expectSaved(await post({ method: 'lookup_secret', lookup_secret_confirm: true }))
    await expectFormMessage(await post({ method: 'lookup_secret', lookup_secret_confirm: true }), generic('You must (re-)generate recovery backup codes before you can save them.'))
    const revealed = await read(await (await signedIn(h)).post({ method: 'lookup_secret', lookup_secret_reveal: true }), 200)
    expect(revealed['state']).toBe('show_form')
    expect(codesOf(revealed)).toEqual(codes)
    expect(buttonsOf(revealed)).toEqual(['lookup_secret_disable', 'lookup_secret_regenerate'])
  })

  test('confirm without regenerate is 400 on the form', async () => {
    const { post } = await signedIn()
    await expectFormMessage(await post({ method: 'lookup_secret', lookup_secret_confirm: 'true' }, 'json-form'), generic('You must (re-)generate recovery backup codes before you can save them.'))
  })

  test('reveal without codes is 400 on the form', async () => {
    const { post } = await signedIn()
    await expectFormMessage(await post({ method: 'lookup_secret', lookup_secret_reveal: true }), generic('Can not reveal lookup codes because you have none.'))
  })

  test('disable removes the saved codes', async () => {
    const h = harness()
    const first = await signedIn(h)
    await first.post({ method: 'lookup_secret', lookup_secret_regenerate: true })
    await expectSaved(await first.post({ method: 'lookup_secret', lookup_secret_confirm: true }))
    await expectSaved(await (await signedIn(h)).post({ method: 'lookup_secret', lookup_secret_disable: true }))
    await expectFormMessage(await (await signedIn(h)).post({ method: 'lookup_secret', lookup_secret_reveal: true }), generic('Can not reveal lookup codes because you have none.'))
  })

  test('they need the CSRF token, and a session recent enough for privileged changes', async () => {
    await expectCsrfViolation(await (await signedIn()).forge({ method: 'lookup_secret', lookup_secret_regenerate: true }))
    await expectRefresh(await (await signedIn(harness(), 'stale-ada')).post({ method: 'lookup_secret', lookup_secret_regenerate: true }))
  })
})
