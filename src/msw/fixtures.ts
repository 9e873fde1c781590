import type { KnownErrorId } from '../errors/known-errors.js'
import type { ContinueWith, ContinueWithOf, ErrorGeneric, SettingsFlow, UiNode } from '../types.js'

/** What {@link makeSettingsFlow} accepts: any top-level field of the flow. */
export type SettingsFlowOverrides = Partial<SettingsFlow>

const textLabel = (id: number, text: string) => ({ id, text, type: 'info' as const })

function input(group: UiNode['group'], name: string, type: 'text' | 'email' | 'password' | 'hidden' | 'submit', value: unknown, label?: ReturnType<typeof textLabel>): UiNode {
  return {
    type: 'input',
    group,
    attributes: { node_type: 'input', name, type, value, disabled: false, ...(type === 'hidden' ? {} : { required: type !== 'submit' }) },
    messages: [],
    meta: label === undefined ? {} : { label },
  }
}

/**
 * A settings flow as Kratos sends it for a signed-in user: a profile form (email, name) and a
 * password form, with the CSRF token in a hidden input. Override any top-level field.
 */
export function makeSettingsFlow(overrides: SettingsFlowOverrides = {}): SettingsFlow {
  const id = overrides.id ?? '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
  const issuedAt = new Date('2026-01-01T12:00:00Z')
  return {
    id,
    type: 'browser',
    expires_at: new Date(issuedAt.getTime() + 60 * 60 * 1000).toISOString(),
    issued_at: issuedAt.toISOString(),
    request_url: 'https://auth.example.com/self-service/settings/browser',
    state: 'show_form',
    organization_id: null,
    identity: {
      id: '3f1e2d3c-4b5a-4968-8776-655443322110',
      schema_id: 'default',
      schema_url: 'https://auth.example.com/schemas/ZGVmYXVsdA',
      state: 'active',
      traits: { email: 'ada@example.com', name: { first: 'Ada', last: 'Lovelace' } },
      metadata_public: null,
      organization_id: null,
      verifiable_addresses: [
        { id: '0d1c2b3a-4958-4766-8574-635241302010', value: 'ada@example.com', verified: true, via: 'email', status: 'completed' },
      ],
      recovery_addresses: [{ id: '1e2d3c4b-5a69-4877-8695-a4b3c2d1e0f0', value: 'ada@example.com', via: 'email' }],
    },
    ui: {
      action: `https://auth.example.com/self-service/settings?flow=${id}`,
      method: 'POST',
      nodes: [
        input('default', 'csrf_token', 'hidden', 'Mh8bPcVnWb2ZFVwzG9Rc4pW3xJ7kQe1aT0sYd5uLfHo='),
        input('profile', 'traits.email', 'email', 'ada@example.com', textLabel(1070002, 'E-Mail')),
        input('profile', 'traits.name.first', 'text', 'Ada', textLabel(1070002, 'First name')),
        input('profile', 'traits.name.last', 'text', 'Lovelace', textLabel(1070002, 'Last name')),
        input('profile', 'method', 'submit', 'profile', textLabel(1070003, 'Save')),
        input('password', 'password', 'password', undefined, textLabel(1070001, 'Password')),
        input('password', 'method', 'submit', 'password', textLabel(1070003, 'Save')),
      ],
    },
    ...overrides,
  }
}

/** What {@link KRATOS_ERRORS} records of one error id. */
export interface KratosErrorDefaults {
  readonly status: number
  readonly message: string
  readonly reason?: string
  /** Top-level fields Kratos adds to the body for this id. */
  readonly extra?: KratosErrorExtra
  readonly details?: Record<string, unknown>
}

/** Extra top-level fields of an error body (`redirect_browser_to`, `use_flow_id`, …). */
export type KratosErrorExtra = Record<string, unknown>

const AAL2_URL = 'https://auth.example.com/self-service/login/browser?aal=aal2'
const NEW_FLOW_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'

/** Status, message and extra fields Kratos sends for each known error id. */
export const KRATOS_ERRORS: { readonly [Id in KnownErrorId]: KratosErrorDefaults } = {
  session_inactive: { status: 401, message: 'No active session was found in this request.' },
  session_aal1_required: { status: 400, message: 'An AAL1 session is required for this action.' },
  session_aal2_required: {
    status: 403,
    message: 'A higher authenticator assurance level is required.',
    reason: 'Sign in with your second factor.',
    extra: { redirect_browser_to: AAL2_URL },
    details: { redirect_browser_to: AAL2_URL },
  },
  session_refresh_required: {
    status: 403,
    message: 'The login session is too old and thus not allowed to update these fields. Please re-authenticate.',
    extra: { redirect_browser_to: 'https://auth.example.com/self-service/login/browser?refresh=true' },
  },
  session_already_available: { status: 400, message: 'A valid session was detected and thus login is not possible.' },
  session_aal_already_fulfilled: { status: 400, message: 'The session already has the requested authenticator assurance level.' },
  session_verified_address_required: { status: 400, message: 'A verified address is required to sign in.' },
  security_csrf_violation: {
    status: 403,
    message: 'A security violation was detected, please fill out the form again.',
    reason: 'The HTTP Cookie Header was set but did not contain the anti-CSRF cookie.',
    details: { docs: 'https://www.ory.sh/kratos/docs/debug/csrf', hint: 'The anti-CSRF cookie was not sent.', reject_reason: 'The HTTP Cookie Header was set but did not contain the anti-CSRF cookie.' },
  },
  security_identity_mismatch: { status: 403, message: 'The requested action was forbidden.' },
  self_service_flow_return_to_forbidden: {
    status: 400,
    message: 'The request was malformed or contained invalid parameters',
    reason: 'Requested return_to URL is not allowed.',
  },
  self_service_flow_disabled: { status: 400, message: 'This endpoint was disabled by system administrator.' },
  self_service_flow_expired: {
    status: 410,
    message: 'The self-service flow expired 1.00 minutes ago, initialize a new one.',
    extra: { use_flow_id: NEW_FLOW_ID, since: 60_000_000_000, expired_at: '2026-01-01T12:00:00Z' },
  },
  self_service_flow_replaced: { status: 410, message: 'The flow was replaced by another flow.', extra: { use_flow_id: NEW_FLOW_ID } },
  browser_location_change_required: {
    status: 422,
    message: 'Browser location change required.',
    extra: { redirect_browser_to: 'https://auth.example.com/ui/settings' },
  },
  identity_disabled: { status: 400, message: 'This identity is disabled.' },
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  410: 'Gone',
  422: 'Unprocessable Entity',
}

/** What the table knows of `id`, or `undefined` for an id Kratos does not send. */
function errorDefaults(id: string): KratosErrorDefaults | undefined {
  return (KRATOS_ERRORS as Record<string, KratosErrorDefaults | undefined>)[id]
}

/** The status Kratos sends with `id` (400 for ids it does not know). */
export function kratosErrorStatus(id: string): number {
  return errorDefaults(id)?.status ?? 400
}

/**
 * A Kratos JSON error body for `id`, with the fields that id carries (for example
 * `redirect_browser_to` for `session_aal2_required`). `extra` adds or replaces top-level fields.
 * Unknown ids are allowed, to imitate a newer Kratos.
 */
export function makeKratosError(id: KnownErrorId | (string & {}), extra: KratosErrorExtra = {}): ErrorGeneric & KratosErrorExtra {
  const known = errorDefaults(id)
  const status = kratosErrorStatus(id)
  return {
    error: {
      id,
      code: status,
      status: STATUS_TEXT[status] ?? 'Error',
      message: known?.message ?? `An error with id ${id} occurred.`,
      ...(known?.reason === undefined ? {} : { reason: known.reason }),
      ...(known?.details === undefined ? {} : { details: known.details }),
    },
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
