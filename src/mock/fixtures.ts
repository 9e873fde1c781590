import { isKnownErrorId, KNOWN_ERRORS, type KnownErrorId } from '../kratos/errors.js'
import { herodotError } from '../kratos/herodot.js'
import type { ContinueWith, ContinueWithOf, KratosErrorBody, SettingsFlow } from '../types.js'
import { deepFreeze } from './frozen.js'
import { DEFAULT_TRAITS_SCHEMA } from './identity-schema.js'
import type { MockIdentity } from './methods.js'
import { settingsNodes } from './settings-nodes.js'
import { DEFAULT_KRATOS_VERSION, VERSIONS } from './versions.js'

/** Kratos' default lifespan of a settings flow (`selfservice.flows.settings.lifespan`): one hour. */
export const DEFAULT_FLOW_LIFESPAN_MS = 60 * 60 * 1000

const EXAMPLE_BASE = new URL('https://auth.example.com/')
const EXAMPLE_IDENTITY = '3f1e2d3c-4b5a-4968-8776-655443322110'

/** The identity of a settings flow as Kratos sends it (recorded: C1), for a mock identity of the default schema. */
export function identityOf(identity: MockIdentity, baseUrl: URL): SettingsFlow['identity'] {
  const schemaId = 'default'
  const email = typeof identity.traits['email'] === 'string' ? identity.traits['email'] : undefined
  const at = identity.createdAt
  return {
    id: identity.id,
    schema_id: schemaId,
    schema_url: new URL(`schemas/${btoa(schemaId).replace(/=+$/, '')}`, baseUrl).href,
    state: 'active',
    state_changed_at: at,
    traits: structuredClone(identity.traits),
    verifiable_addresses:
      email === undefined ? [] : [{ id: identity.addressIds[0], value: email, verified: false, via: 'email', status: identity.verificationSent ? 'sent' : 'pending', created_at: at, updated_at: at }],
    recovery_addresses: email === undefined ? [] : [{ id: identity.addressIds[1], value: email, via: 'email', created_at: at, updated_at: at }],
    metadata_public: null,
    created_at: at,
    updated_at: at,
    organization_id: null,
  } as SettingsFlow['identity']
}

/**
 * A settings flow as Kratos v26.2.0 sends it for a signed-in user with every settings method
 * enabled: the CSRF token, a profile form (email, name), password, an OIDC provider (github),
 * lookup secrets, WebAuthn, passkey and TOTP set-up. Issued now, it expires after Kratos' default
 * lifespan (one hour). Override any top-level field.
 */
export function makeSettingsFlow(overrides: Partial<SettingsFlow> = {}, now = new Date()): SettingsFlow {
  const id = overrides.id ?? '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
  const issuedAt = now
  const identity: MockIdentity = {
    id: EXAMPLE_IDENTITY,
    traits: { email: 'ada@example.com', name: { first: 'Ada', last: 'Lovelace' } },
    hasTotp: false,
    lookupCodes: undefined,
    password: undefined,
    verificationSent: false,
    createdAt: issuedAt.toISOString(),
    addressIds: ['0d1c2b3a-4958-4766-8574-635241302010', '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f0'],
  }
  const context = {
    baseUrl: EXAMPLE_BASE,
    traitsSchema: DEFAULT_TRAITS_SCHEMA,
    identity,
    providers: ['github'],
    csrfToken: 'Mh8bPcVnWb2ZFVwzG9Rc4pW3xJ7kQe1aT0sYd5uLfHo=',
    version: VERSIONS[DEFAULT_KRATOS_VERSION],
  }
  return {
    id,
    type: 'browser',
    expires_at: new Date(issuedAt.getTime() + DEFAULT_FLOW_LIFESPAN_MS).toISOString(),
    issued_at: issuedAt.toISOString(),
    request_url: new URL('self-service/settings/browser', EXAMPLE_BASE).href,
    identity: identityOf(identity, EXAMPLE_BASE),
    ui: { action: new URL(`self-service/settings?flow=${id}`, EXAMPLE_BASE).href, method: 'POST', nodes: settingsNodes(context) },
    state: 'show_form',
    ...overrides,
  }
}

/** The texts and fields of one error id's body; its status is in the SDK's `KNOWN_ERRORS`. */
interface KratosErrorTexts {
  readonly message: string
  readonly reason?: string
  /** Top-level fields Kratos adds to the body for this id. */
  readonly extra?: Record<string, unknown>
  readonly details?: Record<string, unknown>
}

const AAL2_URL = 'https://auth.example.com/self-service/login/browser?aal=aal2'
const REFRESH_URL = 'https://auth.example.com/self-service/login/browser?refresh=true&return_to=https%3A%2F%2Fauth.example.com%2Fself-service%2Fsettings%3Fflow%3D7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const NEW_FLOW_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
const PROVIDER_URL = 'https://accounts.example.com/oauth2/auth?client_id=kratos&state=abc'

/** The CSRF hint Kratos gives a server-side or regular browser call (x/nosurfx/nosurf.go:76-79). */
export const CSRF_HINT_SERVER =
  "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly."

/**
 * Texts and extra fields Kratos (b86338da) sends for each known error id, as in
 * docs/kratos-behaviour.md. URLs and ids are examples; `makeKratosError`'s `extra` replaces them.
 * Frozen: every mock and test of the process reads it.
 */
export const KRATOS_ERRORS: { readonly [Id in KnownErrorId]: KratosErrorTexts } = deepFreeze({
  // session/manager.go:24-48; the enhanced struct also serializes its untagged CredentialsMissing field.
  session_inactive: {
    message: 'request does not have a valid authentication session',
    reason: 'No active session was found in this request.',
    extra: { CredentialsMissing: false },
  },
  // Never sent by the settings endpoints (text/message_error.go:18).
  session_aal1_required: { message: 'An AAL1 session is required for this action.' },
  // session/manager.go:63-116
  session_aal2_required: {
    message: 'Session does not fulfill the requested Authenticator Assurance Level',
    reason: 'An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.',
    extra: { redirect_browser_to: AAL2_URL },
    details: { redirect_browser_to: AAL2_URL },
  },
  // selfservice/flow/settings/error.go:87-92, 105-116
  session_refresh_required: {
    message: 'The requested action was forbidden',
    reason: 'The login session is too old and thus not allowed to update these fields. Please re-authenticate.',
    extra: { redirect_browser_to: REFRESH_URL },
  },
  session_already_available: { message: 'A valid session was detected and thus login is not possible.' },
  session_aal_already_fulfilled: { message: 'The session already has the requested authenticator assurance level.' },
  session_verified_address_required: { message: 'A verified address is required to sign in.' },
  // x/nosurfx/nosurf.go:32-38, 76-94
  security_csrf_violation: {
    message: 'the request was rejected to protect you from Cross-Site-Request-Forgery',
    reason:
      'Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.',
    details: {
      docs: 'https://www.ory.com/docs/troubleshooting/csrf',
      hint: CSRF_HINT_SERVER,
      reject_reason: 'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.',
    },
  },
  // selfservice/flow/settings/handler.go:483-488 (get); flow.go:204-207 has another reason (update)
  security_identity_mismatch: {
    message: 'The requested action was forbidden',
    reason: 'The request was made for another identity and has been blocked for security reasons.',
  },
  // x/redir/secure_redirect.go:153-156
  self_service_flow_return_to_forbidden: {
    message: 'The request was malformed or contained invalid parameters',
    reason: 'Requested return_to URL "https://evil.example/" is not allowed.',
  },
  self_service_flow_disabled: { message: 'This endpoint was disabled by system administrator.' },
  // selfservice/flow/error.go:142-151 (update; the 410 of get has no id)
  self_service_flow_expired: {
    message: 'self-service flow expired',
    reason: 'The self-service flow expired 1.00 minutes ago, initialize a new one.',
    extra: { expired_at: '2026-01-01T12:00:00Z', since: 60_000_000_000, use_flow_id: NEW_FLOW_ID },
  },
  self_service_flow_replaced: { message: 'The flow was replaced by another flow.', extra: { use_flow_id: NEW_FLOW_ID } },
  // Not a Kratos id: Kratos sends an id-less 404 (persistence/sql/persister_settings.go:39-42).
  self_service_flow_not_found: { message: 'Unable to locate the resource' },
  // selfservice/flow/error.go:177-191
  browser_location_change_required: {
    message: 'browser location change required',
    reason: `In order to complete this flow please redirect the browser to: ${PROVIDER_URL}`,
    extra: { redirect_browser_to: PROVIDER_URL },
  },
  identity_disabled: { message: 'This identity is disabled.' },
})

/** The status Kratos sends with `id` (400 for ids it does not know). */
export function kratosErrorStatus(id: string): number {
  return isKnownErrorId(id) ? KNOWN_ERRORS[id].status : 400
}

/**
 * A Kratos JSON error body for `id`, with the fields that id carries (for example
 * `redirect_browser_to` for `session_aal2_required`). `extra` adds or replaces top-level fields.
 * Unknown ids are allowed, to imitate a newer Kratos.
 */
export function makeKratosError(id: KnownErrorId | (string & {}), extra: Record<string, unknown> = {}): KratosErrorBody & Record<string, unknown> {
  const known = isKnownErrorId(id) ? KRATOS_ERRORS[id] : undefined
  const status = kratosErrorStatus(id)
  const error = herodotError(status, {
    // Kratos sends no id for an unknown flow; the SDK names the condition.
    id: id === 'self_service_flow_not_found' ? undefined : id,
    message: known?.message ?? `An error with id ${id} occurred.`,
    reason: known?.reason,
    // A copy: a caller changing its body's details changes no later body.
    details: known?.details === undefined ? undefined : structuredClone(known.details),
  })
  return {
    ...error,
    ...known?.extra,
    ...extra,
  }
}

const CONTINUE_WITH: { readonly [Action in ContinueWith['action']]: ContinueWithOf<Action> } = {
  show_verification_ui: {
    action: 'show_verification_ui',
    flow: { id: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706', verifiable_address: 'ada@example.com', url: 'https://auth.example.com/ui/verification?flow=5c4b3a29-1807-4f6e-9d5c-4b3a29180706' },
  },
  set_ory_session_token: { action: 'set_ory_session_token', ory_session_token: 'ory_st_mock' },
  show_settings_ui: { action: 'show_settings_ui', flow: { id: '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f', url: 'https://auth.example.com/ui/settings?flow=7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f' } },
  show_recovery_ui: { action: 'show_recovery_ui', flow: { id: '2d1c0b9a-8f7e-4d6c-9b5a-4f3e2d1c0b9a', url: 'https://auth.example.com/ui/recovery?flow=2d1c0b9a-8f7e-4d6c-9b5a-4f3e2d1c0b9a' } },
  redirect_browser_to: { action: 'redirect_browser_to', redirect_browser_to: 'https://app.example.com/welcome' },
}

/** A `continue_with` item as Kratos sends it after a successful update, for `action`. */
export function makeContinueWith<Action extends ContinueWith['action']>(action: Action): ContinueWithOf<Action> {
  return structuredClone(CONTINUE_WITH[action])
}
