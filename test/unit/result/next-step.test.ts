import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosArgumentError, UnexpectedResponseError, type SettingsFlow } from '../../../src/index.js'
import { makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { BASE, kratosAnswering, kratosError } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const NEXT_ID = '11111111-2222-4333-8444-555555555555'
const APP = 'https://app.example.com/settings'

describe('nextStep', () => {
  const kratos = createKratosClient({ baseUrl: BASE })
  const flow = makeSettingsFlow({ state: 'success' })

  test('a success without continue_with suggests nothing', () => {
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow })).toMatchObject({ type: 'success', continueWith: [], redirectTo: undefined })
  })

  test('a success redirects to the redirect_browser_to item, wherever it is in continue_with', () => {
    const continueWith = [
      { action: 'show_settings_ui', flow: { id: FLOW_ID, ui: {} } },
      { action: 'redirect_browser_to', redirect_browser_to: APP },
    ]
    const step = kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: { ...flow, continue_with: continueWith } as SettingsFlow })
    expect(step).toMatchObject({ type: 'success', redirectTo: APP })
  })

  test('an opaque redirect is an error step: the browser hides where Kratos sent it', () => {
    const step = kratos.nextStep({ kind: 'redirect', status: 0, setCookie: [], location: null })
    expect(step.type).toBe('error')
    expect(step.type === 'error' && step.error).toMatchObject({
      problem: 'redirect',
      message: 'Kratos redirected, but the browser hides where (an opaque redirect): ask in mode "json" to get a result to act on',
    })
  })

  test('an unexpected result is an error step with its error', () => {
    const error = new UnexpectedResponseError({ status: 500, problem: 'not_json', message: 'm', body: '' })
    expect(kratos.nextStep({ kind: 'unexpected', status: 500, setCookie: [], error })).toEqual({ type: 'error', error })
  })

  // selfservice/flow/settings/handler.go:505
  test("an expired flow read back restarts at Kratos' redirect_to when the caller names no returnTo", async () => {
    const redirectTo = `${BASE}/self-service/settings/browser?return_to=https%3A%2F%2Fapp.example.com%2Fback`
    const { kratos: answering } = kratosAnswering(() => kratosError(410, { status: 'Gone', message: 'expired', details: { redirect_to: redirectTo } }))
    const result = await answering.getSettingsFlow(FLOW_ID)
    expect(answering.nextStep(result)).toEqual({ type: 'redirect', reason: 'restart', url: redirectTo, flowId: undefined })
  })

  // Recorded: G7. Kratos' own URL carries the flow's return_to, which is where the user was going.
  test("an expired flow read back restarts at Kratos' redirect_to even when the caller names a returnTo", async () => {
    const redirectTo = `${BASE}/self-service/settings/browser?return_to=https%3A%2F%2Fapp.example.com%2Fback`
    const details = { redirect_to: redirectTo, return_to: 'https://app.example.com/back' }
    const { kratos: answering } = kratosAnswering(() => kratosError(410, { status: 'Gone', message: 'expired', details }))
    const result = await answering.getSettingsFlow(FLOW_ID)
    expect(answering.nextStep(result, { returnTo: APP })).toEqual({ type: 'redirect', reason: 'restart', url: redirectTo, flowId: undefined })
  })

  // Recorded: U56 (master, the verify_new_address hook).
  test('a flow in show_form that asks for verification is a verify step; its URL passes the gate', () => {
    const verification = { id: NEXT_ID, verifiable_address: 'new@example.com', url: 'http://app.test/ui/verification?flow=x' }
    const pending = makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui', flow: verification }] })
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: pending })).toEqual({
      type: 'verify',
      flow: pending,
      continueWith: pending.continue_with,
      verificationFlowId: NEXT_ID,
      address: 'new@example.com',
      url: 'http://app.test/ui/verification?flow=x',
    })
    const hostile = makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui', flow: { ...verification, url: 'javascript:alert(1)' } }] })
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: hostile })).toMatchObject({ type: 'verify', url: undefined })
  })

  test('a verification item without its flow, or on a rejected form, leaves a render step that carries continue_with', () => {
    const broken = makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui' } as never] })
    expect(kratos.nextStep({ kind: 'flow', status: 200, setCookie: [], flow: broken })).toEqual({ type: 'render', flow: broken, invalid: false, continueWith: broken.continue_with })
    const item = { action: 'show_verification_ui' as const, flow: { id: NEXT_ID, verifiable_address: 'new@example.com' } }
    const rejected = makeSettingsFlow({ continue_with: [item] })
    expect(kratos.nextStep({ kind: 'invalid', status: 400, setCookie: [], flow: rejected })).toEqual({ type: 'render', flow: rejected, invalid: true, continueWith: [item] })
  })

  test('a replaced flow restarts with the flow Kratos made in its place', async () => {
    const { kratos: answering } = kratosAnswering(() => Response.json(makeKratosError('self_service_flow_replaced', { use_flow_id: NEXT_ID }), { status: 410 }))
    const result = await answering.getSettingsFlow(FLOW_ID)
    expect(answering.nextStep(result, { returnTo: APP })).toEqual({
      type: 'redirect',
      reason: 'restart',
      url: `${BASE}/self-service/settings/browser?return_to=${encodeURIComponent(APP)}`,
      flowId: NEXT_ID,
    })
  })
})

// Recorded: G4, G8 (get), U18 (update), U31 and U54 (update, other reasons).

describe('nextStep for every action of the error catalogue', () => {
  const kratos = createKratosClient({ baseUrl: BASE })
  const step = async (id: string, extra: Record<string, unknown> = {}) => {
    const { kratos: answering } = kratosAnswering(() => Response.json(makeKratosError(id, extra), { status: makeKratosError(id).error.code ?? 400 }))
    return kratos.nextStep(await answering.getSettingsFlow(FLOW_ID))
  }

  test('show: an error step with the error', async () => {
    for (const id of ['security_csrf_violation', 'identity_disabled', 'session_aal1_required']) expect(await step(id)).toMatchObject({ type: 'error', error: { id } })
  })

  test('second_factor, reauthenticate and location_change: to redirect_browser_to, each with its reason', async () => {
    const to = 'https://kratos.example/next'
    expect(await step('session_aal2_required', { redirect_browser_to: to })).toEqual({ type: 'redirect', reason: 'second_factor', url: to })
    expect(await step('session_refresh_required', { redirect_browser_to: to })).toEqual({ type: 'redirect', reason: 'reauthenticate', url: to })
    expect(await step('browser_location_change_required', { redirect_browser_to: to })).toEqual({ type: 'redirect', reason: 'location_change', url: to })
  })

  test('a redirect result whose location is not navigable is an error step, not a redirect', () => {
    expect(kratos.nextStep({ kind: 'redirect', status: 303, setCookie: [], location: null })).toMatchObject({ type: 'error', error: { problem: 'redirect' } })
    expect(kratos.nextStep({ kind: 'redirect', status: 303, setCookie: [], location: 'https://kratos.example/ui' })).toEqual({ type: 'redirect', reason: 'kratos', url: 'https://kratos.example/ui' })
  })
})

describe('nextStep with a browser URL and returnTo', () => {
  const BROWSER = 'https://auth.example.com/kratos'
  const sessionInactive = async (kratos: ReturnType<typeof kratosAnswering>['kratos']) => kratos.getSettingsFlow(FLOW_ID)
  const noSession = () => Response.json(makeKratosError('session_inactive'), { status: 401 })

  test('login and restart URLs are on browserUrl, never on the address the server uses', async () => {
    const { kratos } = kratosAnswering(noSession, { browserUrl: BROWSER })
    const login = kratos.nextStep(await sessionInactive(kratos), { returnTo: APP })
    expect(login).toEqual({ type: 'redirect', reason: 'login', url: `${BROWSER}/self-service/login/browser?return_to=${encodeURIComponent(APP)}` })
    const { kratos: replaced } = kratosAnswering(() => Response.json(makeKratosError('self_service_flow_replaced', { use_flow_id: NEXT_ID }), { status: 410 }), { browserUrl: BROWSER })
    const restart = replaced.nextStep(await replaced.getSettingsFlow(FLOW_ID))
    expect(restart).toMatchObject({ reason: 'restart', url: `${BROWSER}/self-service/settings/browser` })
    expect(JSON.stringify([login, restart])).not.toContain(BASE)
  })

  // x/redir/secure_redirect.go:129-130: Kratos gives a path the scheme and host of its default_browser_return_url.
  test('a path is passed to Kratos as it is, for Kratos to resolve', async () => {
    const { kratos } = kratosAnswering(noSession)
    expect(kratos.nextStep(await sessionInactive(kratos), { returnTo: '/settings?tab=password' })).toMatchObject({
      url: `${BASE}/self-service/login/browser?return_to=%2Fsettings%3Ftab%3Dpassword`,
    })
  })

  test('a returnTo that is neither an absolute http(s) URL nor a path is refused, never dropped', async () => {
    const { kratos } = kratosAnswering(noSession)
    const result = await sessionInactive(kratos)
    for (const returnTo of ['settings', '//evil.example/settings', 'javascript:alert(1)', 'ftp://app.example.com/', '']) {
      expect(() => kratos.nextStep(result, { returnTo }), returnTo).toThrow(KratosArgumentError)
    }
    expect(() => kratos.nextStep(result, { returnTo: 'settings' })).toThrow('nextStep: returnTo must be an http(s) URL or a path, not "settings"')
  })

  test("Kratos' own relative return_to on an expired flow is kept as Kratos stored it", async () => {
    const { kratos } = kratosAnswering(() => kratosError(410, { id: 'self_service_flow_expired', message: 'expired', details: { return_to: '/back' } }))
    const step = kratos.nextStep(await kratos.getSettingsFlow(FLOW_ID), { returnTo: APP })
    expect(step).toMatchObject({ reason: 'restart', url: `${BASE}/self-service/settings/browser?return_to=%2Fback` })
  })
})
