import { describe, expect, test } from 'vitest'
import { getCsrfToken, type SettingsFlow } from '../../../src/index.js'
import { SESSION_COOKIE, createMockKratos, makeContinueWith, makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { validate } from '../../helpers/openapi.js'
import { KNOWN_ERROR_IDS } from '../../helpers/known-error-ids.js'
import type { KnownErrorId } from '../../../src/index.js'

// The statuses Kratos sends each id with, read from its source (docs/kratos-behaviour.md cites it).
const KRATOS_STATUS: Record<KnownErrorId, number> = {
  session_inactive: 401,
  session_aal1_required: 401,
  session_aal2_required: 403,
  session_refresh_required: 403,
  session_already_available: 400,
  session_aal_already_fulfilled: 400,
  session_verified_address_required: 400,
  security_csrf_violation: 403,
  security_identity_mismatch: 403,
  self_service_flow_return_to_forbidden: 400,
  self_service_flow_disabled: 400,
  self_service_flow_expired: 410,
  self_service_flow_replaced: 410,
  self_service_flow_not_found: 404,
  browser_location_change_required: 422,
  identity_disabled: 400,
}

// The fixtures validated against our OpenAPI document's schemas.

// The body schema Kratos documents for each error id (errorGeneric where it names none).
const SCHEMA_OF: Partial<Record<string, string>> = {
  session_aal2_required: 'errorAuthenticatorAssuranceLevelNotSatisfied',
  session_refresh_required: 'needsPrivilegedSessionError',
  browser_location_change_required: 'errorBrowserLocationChangeRequired',
  self_service_flow_expired: 'selfServiceFlowExpiredError',
  self_service_flow_replaced: 'errorFlowReplaced',
}

describe('makeSettingsFlow', () => {
  test('makes a flow valid against openapi/settings.yaml, with or without overrides', () => {
    expect(validate('settingsFlow', makeSettingsFlow())).toEqual([])
    expect(validate('settingsFlow', makeSettingsFlow({ state: 'success', return_to: 'https://app.example.com/' }))).toEqual([])
  })

  test('the validation rejects a flow that breaks the document, so it can fail', () => {
    expect(validate('settingsFlow', makeSettingsFlow({ state: 'done' as never }))).not.toEqual([])
    expect(validate('settingsFlow', { ...makeSettingsFlow(), issued_at: 'yesterday' })).not.toEqual([])
    const flow = makeSettingsFlow()
    flow.ui.nodes[0]!.attributes = { node_type: 'input' } as never
    expect(validate('settingsFlow', flow)).not.toEqual([])
  })
})

describe('makeKratosError', () => {
  test.each(KNOWN_ERROR_IDS)('%s is valid against its documented schema, with the status Kratos sends', (id) => {
    const body = makeKratosError(id)
    expect(validate(SCHEMA_OF[id] ?? 'errorGeneric', body)).toEqual([])
    expect(body.error.code).toBe(KRATOS_STATUS[id])
  })

  test('an error for an id Kratos does not know is still a valid error body', () => {
    expect(validate('errorGeneric', makeKratosError('some_future_error'))).toEqual([])
  })

  test('the validation rejects an error without the field its id requires', () => {
    const { redirect_browser_to: _, ...body } = makeKratosError('session_aal2_required')
    expect(validate('errorAuthenticatorAssuranceLevelNotSatisfied', body)).not.toEqual([])
  })
})

describe('makeContinueWith', () => {
  test.each(['show_verification_ui', 'set_ory_session_token', 'show_settings_ui', 'show_recovery_ui', 'redirect_browser_to'] as const)('%s is valid against continueWith', (action) => {
    expect(validate('continueWith', makeContinueWith(action))).toEqual([])
    expect(validate('settingsFlow', makeSettingsFlow({ state: 'success', continue_with: [makeContinueWith(action)] }))).toEqual([])
  })
})

describe('the mock Kratos', () => {
  test('answers an invalid update and a success with flows valid against the document', async () => {
    const kratos = createMockKratos({ baseUrl: 'http://kratos.test' })
    const cookie = `${SESSION_COOKIE}=s`
    const created = await kratos(new Request('http://kratos.test/self-service/settings/browser', { headers: { accept: 'application/json', cookie } }))
    const flow = (await created!.json()) as SettingsFlow
    const csrf = created!.headers.getSetCookie()[0]!.split(';')[0]!
    const post = (traits: object) =>
      kratos(
        new Request(`http://kratos.test/self-service/settings?flow=${flow.id}`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json', cookie: `${cookie}; ${csrf}` },
          body: JSON.stringify({ method: 'profile', traits, csrf_token: getCsrfToken(flow) }),
        }),
      )
    const invalid = await post({ email: 'nope' })
    expect(invalid?.status).toBe(400)
    expect(validate('settingsFlow', await invalid!.json())).toEqual([])
    const saved = await post({ email: 'ada@example.org' })
    expect(saved?.status).toBe(200)
    expect(validate('settingsFlow', await saved!.json())).toEqual([])
  })
})
