// The behaviour table: one row per endpoint × client × condition. What Kratos answers is recorded
// from running Kratos (test/contract/kratos/recordings/<version>/<row>.json, made by `npm run record:kratos`
// from the row's scenario in test/contract/kratos/scenarios.ts); a row says where in Kratos' code (ory/kratos
// b86338da) the answer comes from, and what the SDK makes of it: its result and next step.
// docs/kratos-behaviour.md is rendered from these rows and the recordings.

export type Endpoint = 'create' | 'get' | 'update' | 'resume'
export type Client = 'JSON' | 'browser' | 'JSON, JSON body' | 'JSON, form body' | 'browser, form body' | 'other'

/** What the SDK makes of Kratos' answer: a `toMatchObject` pattern for the result, and one for `nextStep`. */
export interface Expected {
  readonly result: Record<string, unknown>
  readonly step: Record<string, unknown>
}

export interface Row extends Expected {
  readonly id: string
  readonly endpoint: Endpoint
  readonly client: Client
  readonly condition: string
  /** Where in Kratos' source (b86338da) the answer comes from. */
  readonly source: string
  /** What the recordings show that the table should say in words (version differences, surprises). */
  readonly note?: string
  /** Versions whose answer the SDK reads differently. */
  readonly byVersion?: Readonly<Record<string, Partial<Expected>>>
}

/** The row's expected result and next step for `version`. */
export function expectedFor(row: Row, version: string): Expected {
  return { result: row.byVersion?.[version]?.result ?? row.result, step: row.byVersion?.[version]?.step ?? row.step }
}

// prettier-ignore
export const ROWS: readonly Row[] = [
  {
    id: 'C1', endpoint: 'create', client: 'JSON', condition: 'signed in, no return_to',
    source: 'selfservice/flow/settings/handler.go:385-392; x/nosurfx/nosurf.go:181-224',
    result: { kind: 'flow', status: 200 }, step: { type: 'render', invalid: false },
  },
  {
    id: 'C2', endpoint: 'create', client: 'browser', condition: 'signed in',
    source: 'selfservice/flow/settings/handler.go:391-392; x/http.go:136-139',
    result: { kind: 'redirect', status: 303, location: 'http://app.test/ui/settings?flow=00000000-0000-4000-8000-000000000001' }, step: { type: 'redirect', reason: 'kratos', url: 'http://app.test/ui/settings?flow=00000000-0000-4000-8000-000000000001' },
  },
  {
    id: 'C3', endpoint: 'create', client: 'JSON', condition: 'no session',
    source: 'selfservice/flow/settings/handler.go:106-108; session/manager.go:24-48',
    result: { kind: 'error', status: 401, error: { id: 'session_inactive' } }, step: { type: 'redirect', reason: 'login', url: 'http://kratos.test/self-service/login/browser?return_to=http%3A%2F%2Fapp.test%2Fsettings' },
  },
  {
    id: 'C4', endpoint: 'create', client: 'browser', condition: 'no session, with return_to',
    source: 'selfservice/flow/settings/handler.go:109-116; x/redir/secure_redirect.go:90-108',
    result: { kind: 'redirect', status: 303 }, step: { type: 'redirect', reason: 'kratos', url: 'http://kratos.test/self-service/login/browser?return_to=http%3A%2F%2Fapp.test%2Fdone' },
  },
  {
    id: 'C5', endpoint: 'create', client: 'JSON', condition: 'AAL1 session, second factor required',
    source: 'selfservice/flow/settings/handler.go:380-383; selfservice/flow/settings/error.go:183-186; session/manager_http.go:337-436',
    result: { kind: 'error', status: 403, error: { id: 'session_aal2_required', redirectBrowserTo: 'http://kratos.test/self-service/login/browser?aal=aal2' } }, step: { type: 'redirect', reason: 'second_factor', url: 'http://kratos.test/self-service/login/browser?aal=aal2' },
  },
  {
    id: 'C6', endpoint: 'create', client: 'JSON', condition: 'AAL1 session, with return_to',
    source: 'selfservice/flow/settings/handler.go:375-378; session/manager_http.go:353-363',
    result: { kind: 'error', error: { id: 'session_aal2_required', redirectBrowserTo: 'http://kratos.test/self-service/login/browser?aal=aal2&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%2Fbrowser%3Freturn_to%3Dhttp%253A%252F%252Fapp.test%252Fdone' } }, step: { type: 'redirect', reason: 'second_factor', url: 'http://kratos.test/self-service/login/browser?aal=aal2&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%2Fbrowser%3Freturn_to%3Dhttp%253A%252F%252Fapp.test%252Fdone' },
  },
  {
    id: 'C7', endpoint: 'create', client: 'browser', condition: 'AAL1 session',
    source: 'selfservice/flow/settings/error.go:183-189',
    result: { kind: 'redirect', location: 'http://kratos.test/self-service/login/browser?aal=aal2' }, step: { type: 'redirect', reason: 'kratos', url: 'http://kratos.test/self-service/login/browser?aal=aal2' },
  },
  {
    id: 'C8', endpoint: 'create', client: 'JSON', condition: 'return_to allowed',
    source: 'selfservice/flow/settings/flow.go:152-162, 218-242',
    result: { kind: 'flow', flow: { return_to: 'http://app.test/done' } }, step: { type: 'render' },
  },
  {
    id: 'C9', endpoint: 'create', client: 'JSON', condition: 'return_to relative (/done), resolved against default_browser_return_url',
    source: 'x/redir/secure_redirect.go:135-151',
    result: { kind: 'flow', flow: { return_to: '/done' } }, step: { type: 'render' },
  },
  {
    id: 'C10', endpoint: 'create', client: 'JSON', condition: 'return_to forbidden (not on allowed_return_urls)',
    source: 'x/redir/secure_redirect.go:153-156; selfservice/errorx/manager.go:62-66',
    result: { kind: 'error', status: 400, error: { id: 'self_service_flow_return_to_forbidden' } }, step: { type: 'error' },
  },
  {
    id: 'C11', endpoint: 'create', client: 'browser', condition: 'return_to forbidden',
    source: 'selfservice/errorx/manager.go:68-81',
    result: { kind: 'redirect', status: 303 }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'C12', endpoint: 'create', client: 'JSON', condition: 'an organization the identity does not belong to (ignored)',
    source: 'selfservice/flow/settings/organizations.go:48-77',
    result: { kind: 'flow', status: 200 }, step: { type: 'render' },
    byVersion: { master: { result: { kind: 'flow', status: 200, flow: { organization_id: null } } } },
  },
  {
    id: 'G1', endpoint: 'get', client: 'JSON', condition: 'own flow, valid',
    source: 'selfservice/flow/settings/handler.go:515; selfservice/flow/settings/flow.go:117',
    result: { kind: 'flow', status: 200 }, step: { type: 'render' },
  },
  {
    id: 'G2', endpoint: 'get', client: 'JSON', condition: 'no session',
    source: 'selfservice/flow/settings/handler.go:121; selfservice/flow/settings/strategy_helper.go:119-131',
    result: { kind: 'error', status: 401, error: { id: 'session_inactive', body: { error: { code: 401, status: 'Unauthorized', reason: 'A valid Ory Session Cookie or Ory Session Token is missing.', message: 'The request could not be authorized' } } } }, step: { type: 'redirect', reason: 'login' },
  },
  {
    id: 'G3', endpoint: 'get', client: 'browser', condition: 'no session (Accept: text/html)',
    source: 'selfservice/flow/settings/strategy_helper.go:124; session/handler.go:1042-1046',
    result: { kind: 'error', status: 302, error: { id: 'session_inactive', redirectBrowserTo: 'http://app.test/ui/login' } }, step: { type: 'redirect', reason: 'login' },
  },
  {
    id: 'G4', endpoint: 'get', client: 'JSON', condition: 'unknown flow id (or not a UUID)',
    source: 'selfservice/flow/settings/handler.go:470-475; persistence/sql/persister_settings.go:39-42; x/uuid.go:16-18',
    result: { kind: 'error', status: 404, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart', url: 'http://kratos.test/self-service/settings/browser?return_to=http%3A%2F%2Fapp.test%2Fsettings' },
  },
  {
    id: 'G5', endpoint: 'get', client: 'JSON', condition: 'flow of another identity',
    source: 'selfservice/flow/settings/handler.go:483-488',
    result: { kind: 'error', status: 403, error: { id: 'security_identity_mismatch' } }, step: { type: 'redirect', reason: 'restart' },
  },
  {
    id: 'G6', endpoint: 'get', client: 'JSON', condition: 'AAL1 session',
    source: 'selfservice/flow/settings/handler.go:490-497',
    result: { kind: 'error', error: { id: 'session_aal2_required' } }, step: { type: 'redirect', reason: 'second_factor' },
  },
  {
    id: 'G7', endpoint: 'get', client: 'JSON', condition: 'expired flow (browser flow)',
    source: 'selfservice/flow/settings/handler.go:499-507; x/nosurfx/nosurf.go:40-46',
    result: { kind: 'error', status: 410, error: { id: 'self_service_flow_expired', redirectTo: 'http://kratos.test/self-service/settings/browser?return_to=http%3A%2F%2Fapp.test%2Fdone', returnTo: 'http://app.test/done' } }, step: { type: 'redirect', reason: 'restart', url: 'http://kratos.test/self-service/settings/browser?return_to=http%3A%2F%2Fapp.test%2Fdone' },
  },
  {
    id: 'U1', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile saved',
    source: 'selfservice/flow/settings/hook.go:276-291, 353-368',
    result: { kind: 'flow', flow: { state: 'success' } }, step: { type: 'success', continueWith: [{ action: 'redirect_browser_to' }] },
    byVersion: { 'v1.3.1': { step: { type: 'success', continueWith: [{ action: 'show_verification_ui' }, { action: 'redirect_browser_to' }] } } },
  },
  {
    id: 'U2', endpoint: 'update', client: 'browser, form body', condition: 'profile saved',
    source: 'selfservice/flow/settings/hook.go:371; x/redir/secure_redirect.go:190-204',
    result: { kind: 'redirect', location: 'http://app.test/ui/settings?flow=00000000-0000-4000-8000-000000000001' }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'U3', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: invalid email',
    source: 'selfservice/flow/settings/error.go:230-269; ui/container/container.go:296-307; text/message_validation.go:200-209',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U4', endpoint: 'update', client: 'browser, form body', condition: 'profile: invalid email',
    source: 'selfservice/flow/settings/error.go:259-262',
    result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'U5', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: required trait missing',
    source: 'ui/container/container.go:202-209; text/message_validation.go:27-36',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U6', endpoint: 'update', client: 'JSON, JSON body', condition: 'password too short',
    source: 'selfservice/strategy/password/settings.go:174-205; text/message_validation.go:241-251',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U7', endpoint: 'update', client: 'JSON, JSON body', condition: 'password saved',
    source: 'selfservice/strategy/password/settings.go:207-212; selfservice/flow/settings/hook.go:357-368',
    result: { kind: 'flow' }, step: { type: 'success' },
  },
  {
    id: 'U8', endpoint: 'update', client: 'JSON, JSON body', condition: 'no session',
    source: 'selfservice/flow/settings/handler.go:123; selfservice/flow/settings/strategy_helper.go:119-131',
    result: { kind: 'error', error: { id: 'session_inactive' } }, step: { type: 'redirect', reason: 'login' },
  },
  {
    id: 'U9', endpoint: 'update', client: 'browser, form body', condition: 'no session',
    source: 'selfservice/flow/settings/strategy_helper.go:124; session/handler.go:1042-1046',
    result: { kind: 'error', status: 302, error: { id: 'session_inactive' } }, step: { type: 'redirect', reason: 'login' },
  },
  {
    id: 'U10', endpoint: 'update', client: 'JSON, JSON body', condition: 'AAL1 session',
    source: 'selfservice/flow/settings/handler.go:663-667; selfservice/flow/settings/error.go:183-186',
    result: { kind: 'error', error: { id: 'session_aal2_required' } }, step: { type: 'redirect', reason: 'second_factor' },
  },
  {
    id: 'U11', endpoint: 'update', client: 'JSON, JSON body', condition: 'privileged session too old (password)',
    source: 'selfservice/strategy/password/settings.go:161-163; selfservice/flow/settings/error.go:87-119',
    result: { kind: 'error', status: 403, error: { id: 'session_refresh_required', redirectBrowserTo: 'http://kratos.test/self-service/login/browser?refresh=true&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%3Fflow%3D00000000-0000-4000-8000-000000000001' } }, step: { type: 'redirect', reason: 'reauthenticate', url: 'http://kratos.test/self-service/login/browser?refresh=true&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%3Fflow%3D00000000-0000-4000-8000-000000000001' },
  },
  {
    id: 'U12', endpoint: 'update', client: 'browser, form body', condition: 'privileged session too old',
    source: 'selfservice/flow/settings/error.go:118',
    result: { kind: 'redirect', location: 'http://kratos.test/self-service/login/browser?refresh=true&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%3Fflow%3D00000000-0000-4000-8000-000000000001' }, step: { type: 'redirect', reason: 'kratos', url: 'http://kratos.test/self-service/login/browser?refresh=true&return_to=http%3A%2F%2Fkratos.test%2Fself-service%2Fsettings%3Fflow%3D00000000-0000-4000-8000-000000000001' },
  },
  {
    id: 'U13', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: changing the email (an identifier) with an old session',
    source: 'selfservice/strategy/profile/strategy.go:179-188',
    result: { kind: 'error', error: { id: 'session_refresh_required' } }, step: { type: 'redirect', reason: 'reauthenticate' },
  },
  {
    id: 'U14', endpoint: 'update', client: 'JSON, JSON body', condition: 'expired flow',
    source: 'selfservice/flow/settings/error.go:121-139, 199-214; selfservice/flow/error.go:142-151',
    result: { kind: 'error', status: 410, error: { id: 'self_service_flow_expired', useFlowId: '00000000-0000-4000-8000-000000000002' } }, step: { type: 'redirect', reason: 'restart', flowId: '00000000-0000-4000-8000-000000000002' },
  },
  {
    id: 'U15', endpoint: 'update', client: 'browser, form body', condition: 'expired flow',
    source: 'selfservice/flow/settings/error.go:208-212',
    result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'U16', endpoint: 'update', client: 'JSON, JSON body', condition: 'flow of another identity',
    source: 'selfservice/flow/settings/flow.go:199-210',
    result: { kind: 'error', error: { id: 'security_identity_mismatch' } }, step: { type: 'redirect', reason: 'restart' },
  },
  {
    id: 'U17', endpoint: 'update', client: 'browser, form body', condition: 'flow of another identity',
    source: 'selfservice/flow/settings/error.go:284-286; selfservice/errorx/manager.go:47-81',
    result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'U18', endpoint: 'update', client: 'JSON, JSON body', condition: 'unknown flow id',
    source: 'selfservice/flow/settings/handler.go:648-651',
    result: { kind: 'error', status: 404, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart' },
  },
  {
    id: 'U19', endpoint: 'update', client: 'JSON, JSON body', condition: 'malformed flow id',
    source: 'selfservice/flow/settings/strategy_helper.go:111-117; selfservice/flow/settings/handler.go:642-646',
    result: { kind: 'error', status: 400, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart' },
  },
  {
    id: 'U20', endpoint: 'update', client: 'JSON, JSON body', condition: 'CSRF: cookie header without the CSRF cookie',
    source: 'selfservice/flow/request.go:76-79; x/nosurfx/nosurf.go:226-261; selfservice/flow/settings/error.go:282-283',
    result: { kind: 'error', status: 403, error: { id: 'security_csrf_violation' } }, step: { type: 'error' },
  },
  {
    id: 'U21', endpoint: 'update', client: 'JSON, JSON body', condition: 'CSRF: token missing or wrong (JSON body)',
    source: 'x/nosurfx/nosurf.go:246-260',
    result: { kind: 'error', error: { id: 'security_csrf_violation' } }, step: { type: 'error' },
  },
  {
    id: 'U22', endpoint: 'update', client: 'browser, form body', condition: 'CSRF: token not sent',
    source: 'x/nosurfx/nosurf.go:246-253; selfservice/flow/settings/error.go:284-285',
    result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'U23', endpoint: 'update', client: 'JSON, JSON body', condition: 'no method responsible',
    source: 'selfservice/flow/settings/handler.go:692-695; schema/errors.go:231-239',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U24', endpoint: 'update', client: 'JSON, JSON body', condition: 'totp: wrong code',
    source: 'selfservice/strategy/totp/settings.go:186-192',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U25', endpoint: 'update', client: 'JSON, JSON body', condition: 'totp: code accepted',
    source: 'selfservice/strategy/totp/settings.go:194-227',
    result: { kind: 'flow' }, step: { type: 'success' },
  },
  {
    id: 'U26', endpoint: 'update', client: 'JSON, JSON body', condition: 'lookup_secret: reveal without codes',
    source: 'selfservice/strategy/lookup/settings.go:222-224',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U27', endpoint: 'update', client: 'JSON, JSON body', condition: 'lookup_secret: regenerate (codes shown, not yet saved)',
    source: 'selfservice/strategy/lookup/settings.go:175-181, 256-278; selfservice/flow/settings/error.go:216-222',
    result: { kind: 'flow', flow: { state: 'show_form' } }, step: { type: 'render', invalid: false },
  },
  {
    id: 'U28', endpoint: 'update', client: 'JSON, form body', condition: 'lookup_secret: confirm without regenerate',
    source: 'selfservice/strategy/lookup/settings.go:283-286',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U29', endpoint: 'update', client: 'JSON, JSON body', condition: 'oidc: link a provider',
    source: 'selfservice/strategy/oidc/strategy_settings.go:439-489; selfservice/flow/error.go:177-191',
    result: { kind: 'error', status: 422, error: { id: 'browser_location_change_required', redirectBrowserTo: 'http://helper.test/oidc/auth?client_id=kratos-settings&redirect_uri=http%3A%2F%2Fkratos.test%2Fself-service%2Fmethods%2Foidc%2Fcallback%2Fstub&response_type=code&scope=openid+email&state=STATE' } }, step: { type: 'redirect', reason: 'location_change', url: 'http://helper.test/oidc/auth?client_id=kratos-settings&redirect_uri=http%3A%2F%2Fkratos.test%2Fself-service%2Fmethods%2Foidc%2Fcallback%2Fstub&response_type=code&scope=openid+email&state=STATE' },
  },
  {
    id: 'U30', endpoint: 'update', client: 'browser, form body', condition: 'oidc: link a provider',
    source: 'selfservice/strategy/oidc/strategy_settings.go:485-487',
    result: { kind: 'redirect', location: 'http://helper.test/oidc/auth?client_id=kratos-settings&redirect_uri=http%3A%2F%2Fkratos.test%2Fself-service%2Fmethods%2Foidc%2Fcallback%2Fstub&response_type=code&scope=openid+email&state=STATE' }, step: { type: 'redirect', reason: 'kratos', url: 'http://helper.test/oidc/auth?client_id=kratos-settings&redirect_uri=http%3A%2F%2Fkratos.test%2Fself-service%2Fmethods%2Foidc%2Fcallback%2Fstub&response_type=code&scope=openid+email&state=STATE' },
  },
  {
    id: 'U31', endpoint: 'update', client: 'JSON, JSON body', condition: 'oidc: unlink a provider the identity has not linked',
    source: 'selfservice/strategy/oidc/strategy_settings.go:54-56, 567-569',
    note: 'An id-less 404 that is not "flow not found": `unexpected`, never a restart that would loop.',
    result: { kind: 'unexpected', status: 404 }, step: { type: 'error' },
  },
  {
    id: 'U32', endpoint: 'update', client: 'JSON, JSON body', condition: 'webauthn: remove with none set up',
    source: 'selfservice/strategy/webauthn/settings.go:196-199',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U33', endpoint: 'update', client: 'JSON, JSON body', condition: 'passkey: remove with none set up',
    source: 'selfservice/strategy/passkey/passkey_settings.go:270-287',
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U34', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: email changed, show_verification_ui hook configured',
    source: 'selfservice/hook/show_verification_ui.go:67-114; selfservice/flow/continue_with.go:75-119',
    result: { kind: 'flow' }, step: { type: 'success', continueWith: [{ action: 'show_verification_ui' }, { action: 'redirect_browser_to' }] },
  },
  {
    id: 'U35', endpoint: 'update', client: 'JSON, form body', condition: 'transient_payload in a form: a raw JSON string value',
    source: 'oryx/decoderx/http.go:501-507',
    result: { kind: 'flow' }, step: { type: 'success' },
  },
  {
    id: 'U36', endpoint: 'update', client: 'JSON, form body', condition: 'a text field sent twice (traits.email valid, then not an email)',
    source: 'oryx/decoderx/http.go:494-500, 445',
    result: { kind: 'flow' }, step: { type: 'success' },
  },

  // --- createBrowserSettingsFlow: conditions added from the recordings
  {
    id: 'C13', endpoint: 'create', client: 'JSON', condition: 'required_aal aal1 (variant.yml): the AAL1 session of an identity with TOTP',
    source: 'selfservice/flow/settings/handler.go:380-383',
    result: { kind: 'flow', status: 200 }, step: { type: 'render', invalid: false },
  },
  {
    id: 'C14', endpoint: 'create', client: 'other', condition: 'signed in, Accept: */* (a fetch that asks for nothing in particular)',
    source: 'x/isjsonrequest.go:15-18; selfservice/flow/settings/handler.go:391-392',
    note: 'Only `Accept: application/json` (or a JSON Content-Type) gets JSON; the SDK always sends one of the two modes.',
    result: { kind: 'redirect', status: 303 }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'C15', endpoint: 'create', client: 'other', condition: 'signed in, no Accept header',
    source: 'x/isjsonrequest.go:15-18',
    result: { kind: 'redirect', status: 303 }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'C16', endpoint: 'create', client: 'JSON', condition: 'a session cookie Kratos did not issue',
    source: 'session/manager_http.go FetchFromRequest; selfservice/flow/settings/handler.go:106-108',
    result: { kind: 'error', status: 401, error: { id: 'session_inactive' } }, step: { type: 'redirect', reason: 'login' },
  },
  {
    id: 'C17', endpoint: 'create', client: 'JSON', condition: 'AAL1 session, with return_to, sent with X-Forwarded-Host and X-Forwarded-Proto (a client whose browserUrl is on another origin)',
    source: 'x/http.go:56-72 RequestURL; selfservice/flow/settings/handler.go:375-378',
    result: { kind: 'error', error: { id: 'session_aal2_required', redirectBrowserTo: 'http://kratos.test/self-service/login/browser?aal=aal2&return_to=https%3A%2F%2Fauth.example.com%2Fself-service%2Fsettings%2Fbrowser%3Freturn_to%3Dhttp%253A%252F%252Fapp.test%252Fdone' } }, step: { type: 'redirect', reason: 'second_factor', url: 'http://kratos.test/self-service/login/browser?aal=aal2&return_to=https%3A%2F%2Fauth.example.com%2Fself-service%2Fsettings%2Fbrowser%3Freturn_to%3Dhttp%253A%252F%252Fapp.test%252Fdone' },
  },
  // --- getSettingsFlow
  {
    id: 'G8', endpoint: 'get', client: 'JSON', condition: 'malformed flow id (not a UUID)',
    source: 'selfservice/flow/settings/handler.go:468-480',
    note: 'The same id-less 404 as an unknown flow.',
    result: { kind: 'error', status: 404, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart' },
  },
  {
    id: 'G9', endpoint: 'get', client: 'browser', condition: 'own flow, Accept: text/html',
    source: 'selfservice/flow/settings/handler.go:468-520',
    note: 'The flow endpoint answers JSON whatever Accept says.',
    result: { kind: 'flow', status: 200 }, step: { type: 'render', invalid: false },
  },
  // --- the browser resuming a change held by the continuity cookie
  {
    id: 'R1', endpoint: 'resume', client: 'browser', condition: 'U12, then a new login (refresh=true); the browser comes back to GET /self-service/settings?flow=<id>',
    source: 'selfservice/flow/settings/handler.go:123-124, 633-700; selfservice/flow/settings/strategy_helper.go:85',
    note: 'No SDK operation sends this request: it is the navigation Kratos itself asked for (the return_to of U12), and it goes on to the settings UI.',
    result: {}, step: {},
  },
  // --- updateSettingsFlow: conditions added from the recordings
  {
    id: 'U37', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: a trait that is no identifier changed, with an old session',
    source: 'selfservice/strategy/profile/strategy.go:180-188',
    note: 'Only a change to a credential identifier, or a verifiable or recovery address, needs a recent login.',
    result: { kind: 'flow', status: 200, flow: { state: 'success' } }, step: { type: 'success' },
  },
  {
    id: 'U38', endpoint: 'update', client: 'browser, form body', condition: 'profile: changing the email with an old session',
    source: 'selfservice/strategy/profile/strategy.go:180-188, 254-262',
    result: { kind: 'redirect', status: 303 }, step: { type: 'redirect', reason: 'kratos' },
  },
  {
    id: 'U39', endpoint: 'update', client: 'JSON, form body', condition: 'CSRF: a form without csrf_token, from a JSON client',
    source: 'x/nosurfx/nosurf.go:246-253; selfservice/flow/request.go:76-79',
    result: { kind: 'error', status: 403, error: { id: 'security_csrf_violation' } }, step: { type: 'error' },
  },
  {
    id: 'U40', endpoint: 'update', client: 'JSON, JSON body', condition: 'totp: unlink',
    source: 'selfservice/strategy/totp/settings.go:101-107, 231-240',
    result: { kind: 'flow', status: 200, flow: { state: 'success' } }, step: { type: 'success' },
  },
  {
    id: 'U41', endpoint: 'update', client: 'JSON, JSON body', condition: 'lookup_secret: confirm after regenerate',
    source: 'selfservice/strategy/lookup/settings.go:150-160',
    result: { kind: 'flow', status: 200, flow: { state: 'success' } }, step: { type: 'success' },
  },
  {
    id: 'U42', endpoint: 'update', client: 'JSON, JSON body', condition: 'lookup_secret: reveal, with codes set up',
    source: 'selfservice/strategy/lookup/settings.go:117-124',
    note: 'A 200 with the flow in show_form and the codes, not a success.',
    result: { kind: 'flow', status: 200, flow: { state: 'show_form' } }, step: { type: 'render', invalid: false },
  },
  {
    id: 'U43', endpoint: 'update', client: 'JSON, JSON body', condition: 'oidc: link a provider that is not configured',
    source: 'selfservice/strategy/oidc/strategy_settings.go:51',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U44', endpoint: 'update', client: 'JSON, JSON body', condition: 'oidc: link and unlink in one request',
    source: 'selfservice/strategy/oidc/strategy_settings.go:366',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U45', endpoint: 'update', client: 'JSON, JSON body', condition: 'webauthn: a registration that is no attestation',
    source: 'selfservice/strategy/webauthn/settings.go:259',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U46', endpoint: 'update', client: 'JSON, JSON body', condition: 'passkey: a registration that is no attestation',
    source: 'selfservice/strategy/passkey/passkey_settings.go:345',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U47', endpoint: 'update', client: 'JSON, JSON body', condition: 'password: too similar to the identifier (the email itself)',
    source: 'selfservice/strategy/password/validator.go (validate: Levenshtein distance < 5 or a shared substring over half the password)',
    note: 'The breach check (haveibeenpwned) is off in our configuration: it needs the internet.',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U48', endpoint: 'update', client: 'JSON, JSON body', condition: 'password: the same as the old one',
    source: 'selfservice/strategy/password/settings.go (isNewPasswordSameAsOld, since v25.4.0)',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
    byVersion: { 'v1.3.1': { result: { kind: 'flow', status: 200, flow: { state: 'success' } }, step: { type: 'success' } } },
  },
  {
    id: 'U49', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: a web hook (response.parse) interrupts with a 400 and messages',
    source: 'selfservice/hook/web_hook.go (execute, parseWebhookResponse); selfservice/flow/settings/hook.go:226-246',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U50', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: the web hook that runs after the save fails (500, three attempts)',
    source: 'selfservice/hook/web_hook.go (execute); selfservice/flow/settings/hook.go:300-320',
    note: 'A 400 whose body is a herodot 500 without id: nothing the SDK can name, so `unexpected`.',
    result: { kind: 'unexpected', status: 400 }, step: { type: 'error' },
  },
  {
    id: 'U51', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: the email of another identity',
    source: 'identity/manager.go (duplicate credentials); schema/errors.go',
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
  },
  {
    id: 'U52', endpoint: 'update', client: 'JSON, JSON body', condition: 'password saved, the flow started with return_to',
    source: 'selfservice/flow/settings/hook.go:340-360',
    result: { kind: 'flow', status: 200, flow: { state: 'success' } }, step: { type: 'success', redirectTo: 'http://app.test/done' },
  },
  {
    id: 'U53', endpoint: 'update', client: 'browser, form body', condition: 'password saved, the flow started with return_to',
    source: 'selfservice/flow/settings/hook.go:340-360',
    result: { kind: 'redirect', status: 303, location: 'http://app.test/done' }, step: { type: 'redirect', reason: 'kratos', url: 'http://app.test/done' },
  },
  {
    id: 'U54', endpoint: 'update', client: 'JSON, JSON body', condition: 'a method turned off (variant.yml: lookup_secret)',
    source: 'selfservice/flow/request.go:109-120',
    note: 'An id-less 404 that is not "flow not found": `unexpected`, never a restart that would loop.',
    result: { kind: 'unexpected', status: 404 }, step: { type: 'error' },
  },
  {
    id: 'U55', endpoint: 'update', client: 'JSON, JSON body', condition: 'required_aal aal1 (variant.yml): a password change by an AAL1 session',
    source: 'selfservice/flow/settings/handler.go:664-667',
    result: { kind: 'flow', status: 200, flow: { state: 'success' } }, step: { type: 'success' },
  },
  {
    id: 'U56', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: email changed, with the verify_new_address hook (pending-change.yml; master only)',
    source: 'selfservice/hook/verify_new_address.go (master)',
    note: 'Nothing is saved until the new address is verified: a 200 flow in show_form with continue_with show_verification_ui.',
    result: { kind: 'flow', status: 200, flow: { state: 'show_form' } }, step: { type: 'verify', address: 'verify-1@example.com' },
  },
  // --- session tokens, which API clients send and the SDK does not
  {
    id: 'G10', endpoint: 'get', client: 'JSON', condition: "an API flow (created with X-Session-Token) read with its owner's cookie",
    source: 'selfservice/flow/settings/handler.go:468-520',
    note: 'Kratos does not check the flow type here: the flow comes back, `type: api`.',
    result: { kind: 'flow', status: 200, flow: { type: 'api' } }, step: { type: 'render' },
  },
  {
    id: 'U57', endpoint: 'update', client: 'JSON, JSON body', condition: 'a browser flow posted with X-Session-Token and no cookie',
    source: 'selfservice/flow/request.go:76-79 (EnsureCSRF: a browser flow needs the CSRF cookie); x/nosurfx/nosurf.go',
    result: { kind: 'error', status: 403, error: { id: 'security_csrf_violation' } }, step: { type: 'error' },
  },
  {
    id: 'U58', endpoint: 'update', client: 'JSON, JSON body', condition: "X-Session-Token of another identity, with the flow owner's cookie",
    source: 'session/manager_http.go FetchFromRequest (the token is read before the cookie); selfservice/flow/settings/flow.go Valid',
    note: 'The token wins over the cookie.',
    result: { kind: 'error', status: 403, error: { id: 'security_identity_mismatch' } }, step: { type: 'redirect', reason: 'restart' },
  },
]
