// The behaviour table: one row per endpoint × client × condition, from Kratos' code (ory/kratos
// b86338da). docs/kratos-behaviour.md is rendered from these rows; test/behaviour runs each row
// twice: Kratos' answer through the SDK (result and next step), and the row's request through the mock.
import { makeKratosError, makeSettingsFlow, MOCK_TOTP_CODE } from '../../src/mock/index.js'
import { BASE, SESSION_COOKIE, UI, getCsrfToken, type Harness } from './harness.js'

export type Endpoint = 'create' | 'get' | 'update'
export type Client = 'JSON' | 'browser' | 'JSON, JSON body' | 'JSON, form body' | 'browser, form body'

export interface Row {
  readonly id: string
  readonly endpoint: Endpoint
  readonly client: Client
  readonly condition: string
  /** What Kratos sends: status, Location, Set-Cookie, body. */
  readonly kratos: string
  /** Where in Kratos' source (b86338da). */
  readonly source: string
  /** Kratos' answer, as the SDK receives it. */
  readonly answer: () => Response
  /** The SDK's result (a `toMatchObject` pattern) and the next step. */
  readonly result: Record<string, unknown>
  readonly step: Record<string, unknown>
  /** The same request to the mock, and what its answer must match. */
  readonly mock: (h: Harness) => Promise<Response>
  readonly mockAnswer: { status: number; location?: RegExp; errorId?: string | null; body?: Record<string, unknown> }
  /** Differences between versions (v26.2.0, v25.4.0, v1.3.1), when there are any. */
  readonly versions?: string
}

const FLOW = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const NEW_FLOW = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
const LOGIN = `${BASE}/self-service/login/browser`
const AAL2 = `${LOGIN}?aal=aal2`
const REFRESH = `${LOGIN}?refresh=true&return_to=${encodeURIComponent(`${BASE}/self-service/settings?flow=${FLOW}`)}`
const INIT = `${BASE}/self-service/settings/browser`
const ERROR_UI = new RegExp(`^${UI}/error\\?id=[0-9a-f-]{36}$`)
const SETTINGS_UI = new RegExp(`^${UI}/settings\\?flow=[0-9a-f-]{36}$`)
const PROVIDER = 'https://github.example/oauth2/auth?state=s'

const json = (body: unknown, status: number) => () => Response.json(body, { status })
const redirect =
  (location: string, status = 303) =>
  () =>
    new Response(null, { status, headers: { location } })
const herodot = (code: number, status: string, message: string, reason?: string, details?: object) => ({
  error: { code, status, ...(reason === undefined ? {} : { reason }), ...(details === undefined ? {} : { details }), message },
})
const flow = (overrides: Parameters<typeof makeSettingsFlow>[0] = {}) => makeSettingsFlow({ id: FLOW, ...overrides })
const withMessage = (name: string, message: object) => {
  const value = flow()
  const node = value.ui.nodes.find((item) => 'name' in item.attributes && item.attributes.name === name)
  if (node === undefined) value.ui.messages = [message as never]
  else node.messages = [message as never]
  return value
}
const aal2Body = (url: string) => {
  const body = makeKratosError('session_aal2_required', { redirect_browser_to: url })
  body.error.details = { redirect_browser_to: url }
  return body
}
const idless401 = herodot(401, 'Unauthorized', 'The request could not be authorized', 'A valid Ory Session Cookie or Ory Session Token is missing.')
const csrf = (reject: string | undefined, hint: string) => {
  const body = makeKratosError('security_csrf_violation')
  body.error.details = { docs: 'https://www.ory.com/docs/troubleshooting/csrf', hint, ...(reject === undefined ? {} : { reject_reason: reject }) }
  return body
}
const SERVER_HINT = String(makeKratosError('security_csrf_violation').error.details?.['hint'])
const success = (continueWith: object[]) => ({ ...flow({ state: 'success' }), continue_with: continueWith })

/** A flow created by `token`, a form's CSRF token, and the cookie header the browser now sends. */
async function started(h: Harness, token = 'ada', returnTo?: string) {
  const { flow: created, cookie } = await h.start(token, returnTo)
  return { flow: created, cookie, csrf: getCsrfToken(created)! }
}

/** A mock request: update a freshly started flow with the body made from its CSRF token. */
const submit = (body: (csrf: string) => Record<string, unknown>) => async (h: Harness) => {
  const s = await started(h)
  return h.update(s.flow.id, body(s.csrf), s.cookie)
}

/** Kratos' 400 with the flow and one validation error on `field` (or on the form, for ''): an `invalid` result, rendered again. */
const rejected = (field: string, id: number, text: string) =>
  ({
    answer: json(withMessage(field, { id, type: 'error', text }), 400),
    result: { kind: 'invalid' },
    step: { type: 'render', invalid: true },
  }) as const

// One row of the table per object, its fields packed by theme.
// prettier-ignore
export const ROWS: readonly Row[] = [
  // --- createBrowserSettingsFlow: GET /self-service/settings/browser
  {
    id: 'C1', endpoint: 'create', client: 'JSON', condition: 'signed in, no return_to',
    kratos: '200, settings flow (state show_form); Set-Cookie: CSRF cookie when the request had none',
    source: 'selfservice/flow/settings/handler.go:385-392; x/nosurfx/nosurf.go:181-224',
    answer: json(flow(), 200), result: { kind: 'flow', status: 200 }, step: { type: 'render', invalid: false },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`), mockAnswer: { status: 200, body: { state: 'show_form', type: 'browser' } },
  },
  {
    id: 'C2', endpoint: 'create', client: 'browser', condition: 'signed in',
    kratos: '303, Location <settings ui_url>?flow=<id>; Set-Cookie: CSRF cookie when missing',
    source: 'selfservice/flow/settings/handler.go:391-392; x/http.go:136-139',
    answer: redirect(`${UI}/settings?flow=${FLOW}`), result: { kind: 'redirect', status: 303, location: `${UI}/settings?flow=${FLOW}` },
    step: { type: 'redirect', reason: 'kratos', url: `${UI}/settings?flow=${FLOW}` },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`, '', 'text/html'), mockAnswer: { status: 303, location: SETTINGS_UI },
  },
  {
    id: 'C3', endpoint: 'create', client: 'JSON', condition: 'no session',
    kratos: '401 session_inactive (reason "No active session was found in this request.", top-level CredentialsMissing: false)',
    source: 'selfservice/flow/settings/handler.go:106-108; session/manager.go:24-48',
    versions: 'v1.3.1: no CredentialsMissing field',
    answer: json(makeKratosError('session_inactive'), 401), result: { kind: 'error', status: 401, error: { id: 'session_inactive' } },
    step: { type: 'redirect', reason: 'login', url: `${LOGIN}?return_to=https%3A%2F%2Fapp.example.com%2Fsettings` },
    mock: (h) => h.create(undefined), mockAnswer: { status: 401, errorId: 'session_inactive' },
  },
  {
    id: 'C4', endpoint: 'create', client: 'browser', condition: 'no session, with return_to',
    kratos: '303, Location <public>/self-service/login/browser?return_to=<return_to> (taken over unchecked)',
    source: 'selfservice/flow/settings/handler.go:109-116; x/redir/secure_redirect.go:90-108',
    answer: redirect(`${LOGIN}?return_to=https%3A%2F%2Fapp.test%2Fdone`), result: { kind: 'redirect', status: 303 },
    step: { type: 'redirect', reason: 'kratos', url: `${LOGIN}?return_to=https%3A%2F%2Fapp.test%2Fdone` },
    mock: (h) => h.create(undefined, '?return_to=https%3A%2F%2Fapp.test%2Fdone', 'text/html'),
    mockAnswer: { status: 303, location: new RegExp(`^${LOGIN}\\?return_to=https%3A%2F%2Fapp\\.test%2Fdone$`) },
  },
  {
    id: 'C5', endpoint: 'create', client: 'JSON', condition: 'AAL1 session, second factor required',
    kratos: '403 session_aal2_required; redirect_browser_to <public>/self-service/login/browser?aal=aal2 (top level and error.details)',
    source: 'selfservice/flow/settings/handler.go:380-383; selfservice/flow/settings/error.go:183-186; session/manager_http.go:337-436',
    answer: json(aal2Body(AAL2), 403), result: { kind: 'error', status: 403, error: { id: 'session_aal2_required', redirectBrowserTo: AAL2 } },
    step: { type: 'redirect', reason: 'second_factor', url: AAL2 },
    mock: (h) => h.create(`${SESSION_COOKIE}=aal1`), mockAnswer: { status: 403, errorId: 'session_aal2_required', body: { redirect_browser_to: AAL2 } },
  },
  {
    id: 'C6', endpoint: 'create', client: 'JSON', condition: 'AAL1 session, with return_to',
    kratos: '403 session_aal2_required; redirect_browser_to adds return_to=<the create URL as Kratos saw it>',
    source: 'selfservice/flow/settings/handler.go:375-378; session/manager_http.go:353-363',
    answer: json(aal2Body(`${AAL2}&return_to=x`), 403), result: { kind: 'error', error: { id: 'session_aal2_required' } },
    step: { type: 'redirect', reason: 'second_factor', url: `${AAL2}&return_to=x` },
    mock: (h) => h.create(`${SESSION_COOKIE}=aal1`, '?return_to=http%3A%2F%2Fapp.test%2F'),
    mockAnswer: { status: 403, errorId: 'session_aal2_required' },
  },
  {
    id: 'C7', endpoint: 'create', client: 'browser', condition: 'AAL1 session',
    kratos: '303, Location <public>/self-service/login/browser?aal=aal2',
    source: 'selfservice/flow/settings/error.go:183-189',
    answer: redirect(AAL2), result: { kind: 'redirect', location: AAL2 }, step: { type: 'redirect', reason: 'kratos', url: AAL2 },
    mock: (h) => h.create(`${SESSION_COOKIE}=aal1`, '', 'text/html'), mockAnswer: { status: 303, location: new RegExp(`^${AAL2.replace(/[?]/g, '\\?')}$`) },
  },
  {
    id: 'C8', endpoint: 'create', client: 'JSON', condition: 'return_to allowed',
    kratos: '200, flow with return_to as sent (raw)',
    source: 'selfservice/flow/settings/flow.go:152-162, 218-242',
    answer: json(flow({ return_to: 'http://app.test/done' }), 200), result: { kind: 'flow', flow: { return_to: 'http://app.test/done' } },
    step: { type: 'render' },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`, '?return_to=http%3A%2F%2Fapp.test%2Fdone'), mockAnswer: { status: 200, body: { return_to: 'http://app.test/done' } },
  },
  {
    id: 'C9', endpoint: 'create', client: 'JSON', condition: 'return_to relative (/done), resolved against default_browser_return_url',
    kratos: '200 when the resolved URL is allowed; flow.return_to keeps "/done"',
    source: 'x/redir/secure_redirect.go:135-151',
    answer: json(flow({ return_to: '/done' }), 200), result: { kind: 'flow', flow: { return_to: '/done' } }, step: { type: 'render' },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`, '?return_to=%2Fdone'), mockAnswer: { status: 200, body: { return_to: '/done' } },
  },
  {
    id: 'C10', endpoint: 'create', client: 'JSON', condition: 'return_to forbidden (not on allowed_return_urls)',
    kratos: '400 self_service_flow_return_to_forbidden, reason `Requested return_to URL "<resolved>" is not allowed.`',
    source: 'x/redir/secure_redirect.go:153-156; selfservice/errorx/manager.go:62-66',
    answer: json(makeKratosError('self_service_flow_return_to_forbidden'), 400),
    result: { kind: 'error', status: 400, error: { id: 'self_service_flow_return_to_forbidden' } }, step: { type: 'error' },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`, '?return_to=https%3A%2F%2Fevil.example%2F'),
    mockAnswer: { status: 400, errorId: 'self_service_flow_return_to_forbidden', body: { error: { reason: 'Requested return_to URL "https://evil.example/" is not allowed.' } } },
  },
  {
    id: 'C11', endpoint: 'create', client: 'browser', condition: 'return_to forbidden',
    kratos: '303, Location <error ui_url>?id=<stored error id>',
    source: 'selfservice/errorx/manager.go:68-81',
    answer: redirect(`${UI}/error?id=0d1c2b3a-4958-4766-8574-635241302010`), result: { kind: 'redirect', status: 303 },
    step: { type: 'redirect', reason: 'kratos' },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`, '?return_to=https%3A%2F%2Fevil.example%2F', 'text/html'), mockAnswer: { status: 303, location: ERROR_UI },
  },
  {
    id: 'C12', endpoint: 'create', client: 'JSON', condition: 'organization that does not apply (not a configured org of the identity)',
    kratos: '200, the flow unscoped (organization_id null); never an error',
    source: 'selfservice/flow/settings/organizations.go:48-77',
    answer: json(flow({ organization_id: null }), 200), result: { kind: 'flow', flow: { organization_id: null } }, step: { type: 'render' },
    mock: (h) => h.create(`${SESSION_COOKIE}=ada`, '?organization=5f0c6c0e-3d0b-4e8b-9a59-3c8a7b0b9e11'), mockAnswer: { status: 200, body: { organization_id: null } },
  },

  // --- getSettingsFlow: GET /self-service/settings/flows?id=
  {
    id: 'G1', endpoint: 'get', client: 'JSON', condition: 'own flow, valid',
    kratos: '200, the stored flow (no continue_with: it is never stored)',
    source: 'selfservice/flow/settings/handler.go:515; selfservice/flow/settings/flow.go:117',
    answer: json(flow(), 200), result: { kind: 'flow', status: 200 }, step: { type: 'render' },
    mock: async (h) => { const { flow: f, cookie } = await started(h); return h.get(f.id, cookie) }, mockAnswer: { status: 200 },
  },
  {
    id: 'G2', endpoint: 'get', client: 'JSON', condition: 'no session',
    kratos: '401 without error.id: {"error":{"code":401,"status":"Unauthorized","reason":"A valid Ory Session Cookie or Ory Session Token is missing.","message":"The request could not be authorized"}}',
    source: 'selfservice/flow/settings/handler.go:121; selfservice/flow/settings/strategy_helper.go:119-131',
    answer: json(idless401, 401), result: { kind: 'error', status: 401, error: { id: 'session_inactive', body: idless401 } },
    step: { type: 'redirect', reason: 'login' },
    mock: (h) => h.get(FLOW, undefined), mockAnswer: { status: 401, errorId: null, body: idless401 },
  },
  {
    id: 'G3', endpoint: 'get', client: 'browser', condition: 'no session (Accept: text/html)',
    kratos: '302, Location <login ui_url> (no query)',
    source: 'selfservice/flow/settings/strategy_helper.go:124; session/handler.go:1042-1046',
    answer: redirect(`${UI}/login`, 302), result: { kind: 'error', status: 302, error: { id: 'session_inactive', redirectBrowserTo: `${UI}/login` } },
    step: { type: 'redirect', reason: 'login' },
    mock: (h) => h.get(FLOW, undefined, 'text/html'), mockAnswer: { status: 302, location: new RegExp(`^${UI}/login$`) },
  },
  {
    id: 'G4', endpoint: 'get', client: 'JSON', condition: 'unknown flow id (or not a UUID)',
    kratos: '404 without error.id: {"error":{"code":404,"status":"Not Found","message":"Unable to locate the resource"}}',
    source: 'selfservice/flow/settings/handler.go:470-475; persistence/sql/persister_settings.go:39-42; x/uuid.go:16-18',
    answer: json(herodot(404, 'Not Found', 'Unable to locate the resource'), 404),
    result: { kind: 'error', status: 404, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart', url: `${INIT}?return_to=https%3A%2F%2Fapp.example.com%2Fsettings` },
    mock: async (h) => { const { cookie } = await started(h); return h.get('not-a-uuid', cookie) }, mockAnswer: { status: 404, errorId: null },
  },
  {
    id: 'G5', endpoint: 'get', client: 'JSON', condition: 'flow of another identity',
    kratos: '403 security_identity_mismatch, reason "The request was made for another identity and has been blocked for security reasons."',
    source: 'selfservice/flow/settings/handler.go:483-488',
    answer: json(makeKratosError('security_identity_mismatch'), 403), result: { kind: 'error', status: 403, error: { id: 'security_identity_mismatch' } },
    step: { type: 'redirect', reason: 'restart' },
    mock: async (h) => { const { flow: f } = await started(h, 'ada'); const { cookie } = await started(h, 'bob'); return h.get(f.id, cookie) },
    mockAnswer: { status: 403, errorId: 'security_identity_mismatch' },
  },
  {
    id: 'G6', endpoint: 'get', client: 'JSON', condition: 'AAL1 session',
    kratos: '403 session_aal2_required; redirect_browser_to <public>/self-service/login/browser?aal=aal2&return_to=<settings ui_url>?flow=<id>',
    source: 'selfservice/flow/settings/handler.go:490-497',
    answer: json(aal2Body(`${AAL2}&return_to=x`), 403), result: { kind: 'error', error: { id: 'session_aal2_required' } },
    step: { type: 'redirect', reason: 'second_factor' },
    mock: async (h) => { const s = await started(h, 'ada'); return h.get(s.flow.id, `${SESSION_COOKIE}=aal1-ada`) }, mockAnswer: { status: 403, errorId: 'session_aal2_required' },
  },
  {
    id: 'G7', endpoint: 'get', client: 'JSON', condition: 'expired flow (browser flow)',
    kratos: '410 without error.id; error.details.redirect_to = <public>/self-service/settings/browser[?return_to=…], error.details.return_to',
    source: 'selfservice/flow/settings/handler.go:499-507; x/nosurfx/nosurf.go:40-46',
    answer: json(herodot(410, 'Gone', 'The requested resource is no longer available because it has expired or is otherwise invalid.', 'The settings flow has expired. Redirect the user to the settings flow init endpoint to initialize a new settings flow.', { redirect_to: `${INIT}?return_to=http%3A%2F%2Fapp.test%2Fdone`, return_to: 'http://app.test/done' }), 410),
    result: { kind: 'error', status: 410, error: { id: 'self_service_flow_expired', redirectTo: `${INIT}?return_to=http%3A%2F%2Fapp.test%2Fdone`, returnTo: 'http://app.test/done' } },
    step: { type: 'redirect', reason: 'restart', url: `${INIT}?return_to=https%3A%2F%2Fapp.example.com%2Fsettings`, flowId: undefined },
    mock: async (h) => { const { flow: f, cookie } = await started(h, 'ada', 'http://app.test/done'); h.advance(61 * 60_000); return h.get(f.id, cookie) },
    mockAnswer: { status: 410, errorId: null, body: { error: { details: { redirect_to: `${INIT}?return_to=http%3A%2F%2Fapp.test%2Fdone`, return_to: 'http://app.test/done' } } } },
  },

  // --- updateSettingsFlow: POST /self-service/settings?flow=
  {
    id: 'U1', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile saved',
    kratos: '200, flow state success, ui.messages [1050001 "Your changes have been saved!"], continue_with ends with redirect_browser_to <return_to, else settings ui_url?flow=<id>>; Set-Cookie: session cookie re-issued',
    source: 'selfservice/flow/settings/hook.go:276-291, 353-368',
    answer: json(success([{ action: 'redirect_browser_to', redirect_browser_to: `${UI}/settings?flow=${FLOW}` }]), 200),
    result: { kind: 'flow', flow: { state: 'success' } }, step: { type: 'success', continueWith: [{ action: 'redirect_browser_to' }] },
    mock: submit((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: 'ada@example.com', name: { first: 'Augusta' } } })),
    mockAnswer: { status: 200, body: { state: 'success', ui: { messages: [{ id: 1050001 }] }, continue_with: [{ action: 'redirect_browser_to' }] } },
  },
  {
    id: 'U2', endpoint: 'update', client: 'browser, form body', condition: 'profile saved',
    kratos: '303, Location <flow return_to, else settings ui_url?flow=<id>>; Set-Cookie: session cookie',
    source: 'selfservice/flow/settings/hook.go:371; x/redir/secure_redirect.go:190-204',
    answer: redirect('http://app.test/done'), result: { kind: 'redirect', location: 'http://app.test/done' }, step: { type: 'redirect', reason: 'kratos' },
    mock: async (h) => { const s = await started(h, 'ada', 'http://app.test/done'); return h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, 'traits.email': 'ada@example.com', 'traits.name.first': 'Augusta' }, s.cookie, 'form') },
    mockAnswer: { status: 303, location: /^http:\/\/app\.test\/done$/ },
  },
  {
    id: 'U3', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: invalid email',
    kratos: '400, the flow (same id) with 4000040 "Enter a valid email address" on traits.email, the values echoed',
    source: 'selfservice/flow/settings/error.go:230-269; ui/container/container.go:296-307; text/message_validation.go:200-209',
    versions: 'v25.4.0, v1.3.1: 4000001 "\\"x\\" is not valid \\"email\\""',
    answer: json(withMessage('traits.email', { id: 4000040, type: 'error', text: 'Enter a valid email address' }), 400),
    result: { kind: 'invalid', status: 400 }, step: { type: 'render', invalid: true },
    mock: submit((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: 'nope' } })),
    mockAnswer: { status: 400, body: { state: 'show_form' } },
  },
  {
    id: 'U4', endpoint: 'update', client: 'browser, form body', condition: 'profile: invalid email',
    kratos: '303, Location <settings ui_url>?flow=<same id>; the messages are on the stored flow',
    source: 'selfservice/flow/settings/error.go:259-262',
    answer: redirect(`${UI}/settings?flow=${FLOW}`), result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, 'traits.email': 'nope' }, s.cookie, 'form') },
    mockAnswer: { status: 303, location: SETTINGS_UI },
  },
  {
    id: 'U5', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: required trait missing',
    kratos: '400, flow with 4000002 "Property email is missing." on traits.email',
    source: 'ui/container/container.go:202-209; text/message_validation.go:27-36',
    ...rejected('traits.email', 4000002, 'Property email is missing.'),
    mock: submit((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { name: { first: 'A' } } })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U6', endpoint: 'update', client: 'JSON, JSON body', condition: 'password too short',
    kratos: '400, flow with 4000032 "The password must be at least 8 characters long, but got N." on password',
    source: 'selfservice/strategy/password/settings.go:174-205; text/message_validation.go:241-251',
    ...rejected('password', 4000032, 'The password must be at least 8 characters long, but got 3.'),
    mock: submit((csrf) => ({ method: 'password', csrf_token: csrf, password: 'abc' })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U7', endpoint: 'update', client: 'JSON, JSON body', condition: 'password saved',
    kratos: '200, state success, continue_with [redirect_browser_to]',
    source: 'selfservice/strategy/password/settings.go:207-212; selfservice/flow/settings/hook.go:357-368',
    answer: json(success([{ action: 'redirect_browser_to', redirect_browser_to: 'http://app.test/' }]), 200), result: { kind: 'flow' }, step: { type: 'success' },
    mock: submit((csrf) => ({ method: 'password', csrf_token: csrf, password: 'correct horse battery' })),
    mockAnswer: { status: 200, body: { state: 'success' } },
  },
  {
    id: 'U8', endpoint: 'update', client: 'JSON, JSON body', condition: 'no session',
    kratos: '401 without error.id (same body as G2)',
    source: 'selfservice/flow/settings/handler.go:123; selfservice/flow/settings/strategy_helper.go:119-131',
    answer: json(idless401, 401), result: { kind: 'error', error: { id: 'session_inactive' } }, step: { type: 'redirect', reason: 'login' },
    mock: (h) => h.update(FLOW, { method: 'password', password: 'x' }, undefined), mockAnswer: { status: 401, errorId: null },
  },
  {
    id: 'U9', endpoint: 'update', client: 'browser, form body', condition: 'no session',
    kratos: '302, Location <login ui_url>',
    source: 'selfservice/flow/settings/strategy_helper.go:124; session/handler.go:1042-1046',
    answer: redirect(`${UI}/login`, 302), result: { kind: 'error', status: 302, error: { id: 'session_inactive' } }, step: { type: 'redirect', reason: 'login' },
    mock: (h) => h.update(FLOW, { method: 'password', password: 'x' }, undefined, 'form'), mockAnswer: { status: 302, location: new RegExp(`^${UI}/login$`) },
  },
  {
    id: 'U10', endpoint: 'update', client: 'JSON, JSON body', condition: 'AAL1 session',
    kratos: '403 session_aal2_required; return_to = the submit URL',
    source: 'selfservice/flow/settings/handler.go:663-667; selfservice/flow/settings/error.go:183-186',
    answer: json(aal2Body(`${AAL2}&return_to=x`), 403), result: { kind: 'error', error: { id: 'session_aal2_required' } }, step: { type: 'redirect', reason: 'second_factor' },
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'password' }, `${SESSION_COOKIE}=aal1-ada`) }, mockAnswer: { status: 403, errorId: 'session_aal2_required' },
  },
  {
    id: 'U11', endpoint: 'update', client: 'JSON, JSON body', condition: 'privileged session too old (password)',
    kratos: '403 session_refresh_required; redirect_browser_to <public>/self-service/login/browser?refresh=true&return_to=<public>/self-service/settings?flow=<id>',
    source: 'selfservice/strategy/password/settings.go:161-163; selfservice/flow/settings/error.go:87-119',
    answer: json(makeKratosError('session_refresh_required', { redirect_browser_to: REFRESH }), 403),
    result: { kind: 'error', status: 403, error: { id: 'session_refresh_required', redirectBrowserTo: REFRESH } }, step: { type: 'redirect', reason: 'reauthenticate', url: REFRESH },
    mock: async (h) => { await started(h); h.advance(61 * 60_000); const again = await started(h); return h.update(again.flow.id, { method: 'password', csrf_token: again.csrf, password: 'correct horse battery' }, again.cookie) },
    mockAnswer: { status: 403, errorId: 'session_refresh_required' },
  },
  {
    id: 'U12', endpoint: 'update', client: 'browser, form body', condition: 'privileged session too old',
    kratos: '303, Location <public>/self-service/login/browser?refresh=true&return_to=…',
    source: 'selfservice/flow/settings/error.go:118',
    answer: redirect(REFRESH), result: { kind: 'redirect', location: REFRESH }, step: { type: 'redirect', reason: 'kratos', url: REFRESH },
    mock: async (h) => { const s = await started(h, 'stale'); return h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, s.cookie, 'form') },
    mockAnswer: { status: 303, location: new RegExp(`^${LOGIN}\\?refresh=true&return_to=`) },
  },
  {
    id: 'U13', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: changing the email (an identifier) with an old session',
    kratos: '403 session_refresh_required (a name-only change needs no recent login)',
    source: 'selfservice/strategy/profile/strategy.go:179-188',
    answer: json(makeKratosError('session_refresh_required'), 403), result: { kind: 'error', error: { id: 'session_refresh_required' } }, step: { type: 'redirect', reason: 'reauthenticate' },
    mock: async (h) => { const s = await started(h, 'stale'); return h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, traits: { email: 'new@example.com' } }, s.cookie) },
    mockAnswer: { status: 403, errorId: 'session_refresh_required' },
  },
  {
    id: 'U14', endpoint: 'update', client: 'JSON, JSON body', condition: 'expired flow',
    kratos: '410 self_service_flow_expired with top-level use_flow_id (a new flow, carrying message 4050001), since (ns), expired_at',
    source: 'selfservice/flow/settings/error.go:121-139, 199-214; selfservice/flow/error.go:142-151',
    answer: json(makeKratosError('self_service_flow_expired'), 410),
    result: { kind: 'error', status: 410, error: { id: 'self_service_flow_expired', useFlowId: NEW_FLOW } }, step: { type: 'redirect', reason: 'restart', flowId: NEW_FLOW },
    mock: async (h) => { const s = await started(h); h.advance(61 * 60_000); return h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, s.cookie) },
    mockAnswer: { status: 410, errorId: 'self_service_flow_expired' },
  },
  {
    id: 'U15', endpoint: 'update', client: 'browser, form body', condition: 'expired flow',
    kratos: '303, Location <settings ui_url>?flow=<new flow id>',
    source: 'selfservice/flow/settings/error.go:208-212',
    answer: redirect(`${UI}/settings?flow=${NEW_FLOW}`), result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
    mock: async (h) => { const s = await started(h); h.advance(61 * 60_000); return h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'x' }, s.cookie, 'form') },
    mockAnswer: { status: 303, location: SETTINGS_UI },
  },
  {
    id: 'U16', endpoint: 'update', client: 'JSON, JSON body', condition: 'flow of another identity',
    kratos: '403 security_identity_mismatch, reason "The request was initiated by someone else and has been blocked for security reasons. Please go back and try again."',
    source: 'selfservice/flow/settings/flow.go:199-210',
    answer: json(makeKratosError('security_identity_mismatch'), 403), result: { kind: 'error', error: { id: 'security_identity_mismatch' } }, step: { type: 'redirect', reason: 'restart' },
    mock: async (h) => { const a = await started(h, 'ada'); const b = await started(h, 'bob'); return h.update(a.flow.id, { method: 'password', csrf_token: b.csrf }, b.cookie) },
    mockAnswer: { status: 403, errorId: 'security_identity_mismatch' },
  },
  {
    id: 'U17', endpoint: 'update', client: 'browser, form body', condition: 'flow of another identity',
    kratos: '303, Location <error ui_url>?id=<stored error id>',
    source: 'selfservice/flow/settings/error.go:284-286; selfservice/errorx/manager.go:47-81',
    answer: redirect(`${UI}/error?id=1`), result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
    mock: async (h) => { const a = await started(h, 'ada'); const b = await started(h, 'bob'); return h.update(a.flow.id, { method: 'password', csrf_token: b.csrf }, b.cookie, 'form') },
    mockAnswer: { status: 303, location: ERROR_UI },
  },
  {
    id: 'U18', endpoint: 'update', client: 'JSON, JSON body', condition: 'unknown flow id',
    kratos: '404 without error.id, reason "The settings request could not be found. Please restart the flow."',
    source: 'selfservice/flow/settings/handler.go:648-651',
    answer: json(herodot(404, 'Not Found', 'The requested resource could not be found', 'The settings request could not be found. Please restart the flow.'), 404),
    result: { kind: 'error', status: 404, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart' },
    mock: async (h) => { const s = await started(h); return h.update('00000000-0000-4000-8000-000000000000', { method: 'password' }, s.cookie) }, mockAnswer: { status: 404, errorId: null },
  },
  {
    id: 'U19', endpoint: 'update', client: 'JSON, JSON body', condition: 'malformed flow id',
    kratos: '400 without error.id, reason "The flow query parameter is missing or malformed."',
    source: 'selfservice/flow/settings/strategy_helper.go:111-117; selfservice/flow/settings/handler.go:642-646',
    answer: json(herodot(400, 'Bad Request', 'The request was malformed or contained invalid parameters', 'The flow query parameter is missing or malformed.'), 400),
    result: { kind: 'error', status: 400, error: { id: 'self_service_flow_not_found' } }, step: { type: 'redirect', reason: 'restart' },
    mock: async (h) => { const s = await started(h); return h.update('garbage', { method: 'password' }, s.cookie) }, mockAnswer: { status: 400, errorId: null },
  },
  {
    id: 'U20', endpoint: 'update', client: 'JSON, JSON body', condition: 'CSRF: cookie header without the CSRF cookie',
    kratos: '403 security_csrf_violation; details.reject_reason "The HTTP Cookie Header was set but did not include the anti-CSRF cookie."',
    source: 'selfservice/flow/request.go:76-79; x/nosurfx/nosurf.go:226-261; selfservice/flow/settings/error.go:282-283',
    versions: 'v25.4.0, v1.3.1: every CSRF error carries the same hint and reject_reason',
    answer: json(csrf('The HTTP Cookie Header was set but did not include the anti-CSRF cookie.', SERVER_HINT), 403),
    result: { kind: 'error', status: 403, error: { id: 'security_csrf_violation' } }, step: { type: 'error' },
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery' }, `${SESSION_COOKIE}=ada`) },
    mockAnswer: { status: 403, errorId: 'security_csrf_violation', body: { error: { details: { reject_reason: 'The HTTP Cookie Header was set but did not include the anti-CSRF cookie.' } } } },
  },
  {
    id: 'U21', endpoint: 'update', client: 'JSON, JSON body', condition: 'CSRF: token missing or wrong (JSON body)',
    kratos: '403 security_csrf_violation; details.reject_reason "…a CSRF token was sent but they do not match…" (a JSON body is never "token not sent")',
    source: 'x/nosurfx/nosurf.go:246-260',
    answer: json(csrf('The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.', SERVER_HINT), 403),
    result: { kind: 'error', error: { id: 'security_csrf_violation' } }, step: { type: 'error' },
    mock: submit(() => ({ method: 'password', password: 'correct horse battery' })),
    mockAnswer: { status: 403, errorId: 'security_csrf_violation' },
  },
  {
    id: 'U22', endpoint: 'update', client: 'browser, form body', condition: 'CSRF: token not sent',
    kratos: '303, Location <error ui_url>?id=…; the stored error has details.hint "The anti-CSRF cookie was found but the CSRF token was not included…"',
    source: 'x/nosurfx/nosurf.go:246-253; selfservice/flow/settings/error.go:284-285',
    answer: redirect(`${UI}/error?id=2`), result: { kind: 'redirect' }, step: { type: 'redirect', reason: 'kratos' },
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'password', password: 'correct horse battery' }, s.cookie, 'form') },
    mockAnswer: { status: 303, location: ERROR_UI },
  },
  {
    id: 'U23', endpoint: 'update', client: 'JSON, JSON body', condition: 'no method responsible',
    kratos: '400, flow with ui.messages [4010004 "Could not find a strategy to update your settings. Did you fill out the form correctly?"]',
    source: 'selfservice/flow/settings/handler.go:692-695; schema/errors.go:231-239',
    answer: json(withMessage('', { id: 4010004, type: 'error', text: 'Could not find a strategy to update your settings. Did you fill out the form correctly?' }), 400),
    result: { kind: 'invalid' }, step: { type: 'render', invalid: true },
    mock: submit((csrf) => ({ method: 'nothing', csrf_token: csrf })),
    mockAnswer: { status: 400, body: { ui: { messages: [{ id: 4010004 }] } } },
  },
  {
    id: 'U24', endpoint: 'update', client: 'JSON, JSON body', condition: 'totp: wrong code',
    kratos: '400, flow with 4000008 "The provided authentication code is invalid, please try again." on totp_code',
    source: 'selfservice/strategy/totp/settings.go:186-192',
    ...rejected('totp_code', 4000008, 'The provided authentication code is invalid, please try again.'),
    mock: submit((csrf) => ({ method: 'totp', csrf_token: csrf, totp_code: '000000' })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U25', endpoint: 'update', client: 'JSON, JSON body', condition: 'totp: code accepted',
    kratos: '200, state success',
    source: 'selfservice/strategy/totp/settings.go:194-227',
    answer: json(success([]), 200), result: { kind: 'flow' }, step: { type: 'success' },
    mock: submit((csrf) => ({ method: 'totp', csrf_token: csrf, totp_code: MOCK_TOTP_CODE })),
    mockAnswer: { status: 200, body: { state: 'success' } },
  },
  {
    id: 'U26', endpoint: 'update', client: 'JSON, JSON body', condition: 'lookup_secret: reveal without codes',
    kratos: '400, flow with ui.messages [4000001 "Can not reveal lookup codes because you have none."]',
    source: 'selfservice/strategy/lookup/settings.go:222-224',
    ...rejected('', 4000001, 'Can not reveal lookup codes because you have none.'),
    mock: submit((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_reveal: true })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U27', endpoint: 'update', client: 'JSON, JSON body', condition: 'lookup_secret: regenerate (codes shown, not yet saved)',
    kratos: '200, the flow with state unchanged (show_form), a lookup_secret_codes text node (1050015) and a confirm button; not a success',
    source: 'selfservice/strategy/lookup/settings.go:175-181, 256-278; selfservice/flow/settings/error.go:216-222',
    answer: json(flow(), 200), result: { kind: 'flow', flow: { state: 'show_form' } }, step: { type: 'render', invalid: false },
    mock: submit((csrf) => ({ method: 'lookup_secret', csrf_token: csrf, lookup_secret_regenerate: true })),
    mockAnswer: { status: 200, body: { state: 'show_form' } },
  },
  {
    id: 'U28', endpoint: 'update', client: 'JSON, form body', condition: 'lookup_secret: confirm without regenerate',
    kratos: '400, flow with ui.messages [4000001 "You must (re-)generate recovery backup codes before you can save them."] (a JSON Accept makes it a JSON request)',
    source: 'selfservice/strategy/lookup/settings.go:283-286',
    ...rejected('', 4000001, 'You must (re-)generate recovery backup codes before you can save them.'),
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'lookup_secret', csrf_token: s.csrf, lookup_secret_confirm: 'true' }, s.cookie, 'json-form') },
    mockAnswer: { status: 400 },
  },
  {
    id: 'U29', endpoint: 'update', client: 'JSON, JSON body', condition: 'oidc: link a provider',
    kratos: '422 browser_location_change_required; redirect_browser_to <the provider authorization URL>',
    source: 'selfservice/strategy/oidc/strategy_settings.go:439-489; selfservice/flow/error.go:177-191',
    answer: json(makeKratosError('browser_location_change_required', { redirect_browser_to: PROVIDER }), 422),
    result: { kind: 'error', status: 422, error: { id: 'browser_location_change_required', redirectBrowserTo: PROVIDER } }, step: { type: 'redirect', reason: 'location_change', url: PROVIDER },
    mock: submit(() => ({ method: 'oidc', link: 'github' })),
    mockAnswer: { status: 422, errorId: 'browser_location_change_required' },
  },
  {
    id: 'U30', endpoint: 'update', client: 'browser, form body', condition: 'oidc: link a provider',
    kratos: '303, Location <the provider authorization URL>',
    source: 'selfservice/strategy/oidc/strategy_settings.go:485-487',
    answer: redirect(PROVIDER), result: { kind: 'redirect', location: PROVIDER }, step: { type: 'redirect', reason: 'kratos', url: PROVIDER },
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'oidc', link: 'github' }, s.cookie, 'form') },
    mockAnswer: { status: 303, location: /\/oauth2\/auth\?state=/ },
  },
  {
    id: 'U31', endpoint: 'update', client: 'JSON, JSON body', condition: 'oidc: unlink the last first-factor credential',
    kratos: '400, flow with ui.messages [4000001 "can not unlink OpenID Connect connection because it is the last remaining first factor credential"]',
    source: 'selfservice/strategy/oidc/strategy_settings.go:54-56, 567-569',
    ...rejected('', 4000001, 'can not unlink OpenID Connect connection because it is the last remaining first factor credential'),
    mock: submit(() => ({ method: 'oidc', unlink: 'github' })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U32', endpoint: 'update', client: 'JSON, JSON body', condition: 'webauthn: remove with none set up',
    kratos: '400, flow with ui.messages [4000001 "You tried to remove a WebAuthn but you have no WebAuthn set up."]',
    source: 'selfservice/strategy/webauthn/settings.go:196-199',
    ...rejected('', 4000001, 'You tried to remove a WebAuthn but you have no WebAuthn set up.'),
    mock: submit((csrf) => ({ method: 'webauthn', csrf_token: csrf, webauthn_remove: 'abcd' })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U33', endpoint: 'update', client: 'JSON, JSON body', condition: 'passkey: remove with none set up',
    kratos: '400, flow with ui.messages [4000001] (as webauthn)',
    source: 'selfservice/strategy/passkey/passkey_settings.go:270-287',
    ...rejected('', 4000001, 'You tried to remove a WebAuthn but you have no WebAuthn set up.'),
    mock: submit((csrf) => ({ method: 'passkey', csrf_token: csrf, passkey_remove: 'abcd' })),
    mockAnswer: { status: 400 },
  },
  {
    id: 'U34', endpoint: 'update', client: 'JSON, JSON body', condition: 'profile: email changed, show_verification_ui hook configured',
    kratos: '200, state success, continue_with [show_verification_ui {flow: {id, verifiable_address, url}}, redirect_browser_to]',
    source: 'selfservice/hook/show_verification_ui.go:67-114; selfservice/flow/continue_with.go:75-119',
    answer: json(success([{ action: 'show_verification_ui', flow: { id: NEW_FLOW, verifiable_address: 'new@example.com', url: `${UI}/verification?flow=${NEW_FLOW}` } }, { action: 'redirect_browser_to', redirect_browser_to: 'http://app.test/' }]), 200),
    result: { kind: 'flow' }, step: { type: 'success', continueWith: [{ action: 'show_verification_ui' }, { action: 'redirect_browser_to' }] },
    mock: submit((csrf) => ({ method: 'profile', csrf_token: csrf, traits: { email: 'new@example.com' } })),
    mockAnswer: { status: 200, body: { continue_with: [{ action: 'show_verification_ui' }, { action: 'redirect_browser_to' }] } },
  },
  {
    id: 'U35', endpoint: 'update', client: 'JSON, form body', condition: 'transient_payload in a form: a raw JSON string value',
    kratos: 'the value is parsed as JSON (decoderx sjson.SetRawBytes); the update proceeds as without it',
    source: 'oryx/decoderx/http.go:501-507',
    answer: json(success([]), 200), result: { kind: 'flow' }, step: { type: 'success' },
    mock: async (h) => { const s = await started(h); return h.update(s.flow.id, { method: 'password', csrf_token: s.csrf, password: 'correct horse battery', transient_payload: '{"source":"app"}' }, s.cookie, 'json-form') },
    mockAnswer: { status: 200, body: { state: 'success' } },
  },
  {
    id: 'U36', endpoint: 'update', client: 'JSON, form body', condition: 'a text field sent twice (traits.email valid, then not an email)',
    kratos: 'the first value counts (url.Values.Get); an empty first value makes the field absent; a boolean field takes its last value instead (:445)',
    source: 'oryx/decoderx/http.go:494-500, 445',
    answer: json(success([]), 200), result: { kind: 'flow' }, step: { type: 'success' },
    mock: async (h) => {
      const s = await started(h)
      const fields: [string, string][] = [['method', 'profile'], ['csrf_token', s.csrf], ['traits.email', 'ada@example.com'], ['traits.email', 'not-an-email']]
      return h.update(s.flow.id, fields, s.cookie, 'json-form')
    },
    mockAnswer: { status: 200, body: { state: 'success', identity: { traits: { email: 'ada@example.com' } } } },
  },
]
