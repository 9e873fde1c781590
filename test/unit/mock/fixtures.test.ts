import { describe, expect, test } from 'vitest'
import { isNodeType, type SettingsFlow } from '../../../src/index.js'
import { SESSION_COOKIE, makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { harness } from '../../contract/behaviour/harness.js'

const NOW = new Date('2026-11-21T12:00:00Z')
const inputs = (flow: SettingsFlow) => flow.ui.nodes.filter((node) => isNodeType(node, 'input'))
const input = (flow: SettingsFlow, name: string, value?: string) => inputs(flow).find((node) => node.attributes.name === name && (value === undefined || node.attributes.value === value))!

describe('makeSettingsFlow: the flow Kratos sends a signed-in user', () => {
  test("is issued at the given time and expires after Kratos' default lifespan of one hour", () => {
    const flow = makeSettingsFlow({}, NOW)
    expect([flow.issued_at, flow.expires_at]).toEqual(['2026-11-21T12:00:00.000Z', '2026-11-21T13:00:00.000Z'])
  })

  test('was requested at the browser init endpoint, and its form posts to the settings endpoint of its own id', () => {
    const flow = makeSettingsFlow({ id: '0f0e0d0c-0b0a-4909-8807-060504030201' }, NOW)
    expect(flow.request_url).toBe('https://auth.example.com/self-service/settings/browser')
    expect(flow.ui).toMatchObject({ action: 'https://auth.example.com/self-service/settings?flow=0f0e0d0c-0b0a-4909-8807-060504030201', method: 'POST' })
  })

  test("belongs to Ada's identity of the default schema, her email not yet verified (pending), as Kratos shows a new identity (recorded: C1)", () => {
    const { identity } = makeSettingsFlow({}, NOW)
    const at = '2026-11-21T12:00:00.000Z'
    expect(identity).toMatchObject({
      schema_id: 'default',
      schema_url: 'https://auth.example.com/schemas/ZGVmYXVsdA',
      traits: { email: 'ada@example.com' },
      state_changed_at: at,
      created_at: at,
      updated_at: at,
    })
    const address = { value: 'ada@example.com', via: 'email', created_at: at, updated_at: at }
    expect(identity.verifiable_addresses).toEqual([{ id: '0d1c2b3a-4958-4766-8574-635241302010', ...address, verified: false, status: 'pending' }])
    expect(identity.recovery_addresses).toEqual([{ id: '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f0', ...address }])
  })

  test('has the CSRF token, the profile form generated from the schema, then every method as Kratos v26.2.0 lists them (recorded: C1)', () => {
    const label = (id: number, text: string, context?: object) => ({ id, text, type: 'info', ...(context === undefined ? {} : { context }) })
    const trait = (name: string, title: string) => label(1070002, title, { name, title })
    expect(makeSettingsFlow({}, NOW).ui.nodes.map((node) => [node.group, node.type, 'name' in node.attributes ? node.attributes.name : node.attributes.id, node.meta.label])).toEqual([
      ['default', 'input', 'csrf_token', undefined],
      ['profile', 'input', 'traits.email', trait('traits.email', 'E-Mail')],
      ['profile', 'input', 'traits.name.first', trait('traits.name.first', 'First name')],
      ['profile', 'input', 'traits.name.last', trait('traits.name.last', 'Last name')],
      ['profile', 'input', 'method', label(1070003, 'Save')],
      // text/id.go: 1070001 is InfoNodeLabelInputPassword, 1070003 InfoNodeLabelSave.
      ['password', 'input', 'password', label(1070001, 'Password')],
      ['password', 'input', 'method', label(1070003, 'Save')],
      ['oidc', 'input', 'link', label(1050002, 'Link github', { provider: 'github' })],
      ['lookup_secret', 'input', 'lookup_secret_regenerate', label(1050008, 'Generate new backup recovery codes')],
      ['webauthn', 'input', 'webauthn_register_displayname', label(1050013, 'Name of the security key')],
      ['webauthn', 'input', 'webauthn_register', undefined],
      ['webauthn', 'input', 'webauthn_register_trigger', label(1050012, 'Add security key')],
      ['webauthn', 'script', 'webauthn_script', undefined],
      ['passkey', 'input', 'passkey_register_trigger', label(1050019, 'Add passkey')],
      ['passkey', 'input', 'passkey_settings_register', undefined],
      ['passkey', 'input', 'passkey_create_data', undefined],
      ['totp', 'img', 'totp_qr', label(1050005, 'Authenticator app QR code')],
      ['totp', 'text', 'totp_secret_key', label(1050017, 'This is your authenticator app secret. Use it if you can not scan the QR code.')],
      ['totp', 'input', 'totp_code', label(1070006, 'Verify code')],
      ['totp', 'input', 'method', label(1070003, 'Save')],
    ])
    expect([input(makeSettingsFlow({}, NOW), 'traits.email').attributes.value, input(makeSettingsFlow({}, NOW), 'traits.name.first').attributes.value]).toEqual(['ada@example.com', 'Ada'])
  })

  test('every input is enabled; only the CSRF token, the email, the new password and the TOTP code carry required, as in Kratos (recorded: C1)', () => {
    const flow = makeSettingsFlow({}, NOW)
    expect(inputs(flow).every((node) => node.attributes.disabled === false)).toBe(true)
    const required = inputs(flow).filter((node) => Object.hasOwn(node.attributes, 'required'))
    expect(required.map((node) => [node.attributes.name, node.attributes.required])).toEqual([
      ['csrf_token', true],
      ['traits.email', true],
      ['password', true],
      ['totp_code', true],
    ])
    expect(Object.keys(input(flow, 'csrf_token').meta)).toEqual([])
  })
})

describe('makeKratosError: the bodies herodot writes', () => {
  test('an unknown flow is an id-less 404, as persistence/sql/persister_settings.go:39-42 sends it', () => {
    expect(makeKratosError('self_service_flow_not_found')).toEqual({ error: { code: 404, status: 'Not Found', message: 'Unable to locate the resource' } })
  })

  test('an error Kratos gives a reason carries it: session_inactive (session/manager.go:24-48)', () => {
    expect(makeKratosError('session_inactive')).toEqual({
      error: {
        id: 'session_inactive',
        code: 401,
        status: 'Unauthorized',
        message: 'request does not have a valid authentication session',
        reason: 'No active session was found in this request.',
      },
      CredentialsMissing: false,
    })
  })

  test('the mock answers an unknown flow with that id-less 404', async () => {
    const response = await harness().get('2b1d1d8c-5d4e-4f6a-9b7c-8d9e0f1a2b3c', `${SESSION_COOKIE}=ada`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: 404, status: 'Not Found', message: 'Unable to locate the resource' } })
  })
})

// x/isjsonrequest.go:15-18: github.com/golang/gddo httputil.NegotiateContentType over the offers
// text/html, text/*, */*, application/json (default text/html), or Content-Type: application/json.
