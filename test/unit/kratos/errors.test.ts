import { describe, expect, test } from 'vitest'
import { isKnownErrorId, KNOWN_ERRORS, type KnownErrorId } from '../../../src/kratos/errors.js'

const body = (fields: Record<string, unknown>) => fields
const read = <Id extends KnownErrorId>(id: Id, fields: Record<string, unknown>, details?: Record<string, unknown>) => KNOWN_ERRORS[id].read(body(fields), details)

describe("Kratos' error catalogue", () => {
  test('the ids that send the browser elsewhere are the ones whose payload always has redirectBrowserTo', () => {
    const elsewhere = Object.entries(KNOWN_ERRORS).flatMap(([id, entry]) => (['second_factor', 'reauthenticate', 'location_change'].includes(entry.action) ? [id] : []))
    expect(elsewhere.sort()).toEqual(['browser_location_change_required', 'session_aal2_required', 'session_refresh_required'])
    for (const id of elsewhere) expect(read(id as KnownErrorId, { redirect_browser_to: 'https://a.example/x' })).toEqual({ ok: true, value: { redirectBrowserTo: 'https://a.example/x' } })
  })

  test('a page restarts for a flow that is gone or not its own, signs in without a session, and shows the rest', () => {
    const byAction = (action: string) => Object.keys(KNOWN_ERRORS).filter((id) => KNOWN_ERRORS[id as KnownErrorId].action === action)
    expect(byAction('restart').sort()).toEqual(['security_identity_mismatch', 'self_service_flow_expired', 'self_service_flow_not_found', 'self_service_flow_replaced'])
    expect(byAction('login')).toEqual(['session_inactive'])
    expect(byAction('show')).toContain('security_csrf_violation')
  })

  test('redirectBrowserTo is read at the top level, else from details (older versions), and must be an http(s) URL', () => {
    expect(read('session_aal2_required', {}, { redirect_browser_to: 'https://a.example/aal2' })).toEqual({ ok: true, value: { redirectBrowserTo: 'https://a.example/aal2' } })
    expect(read('session_aal2_required', { redirect_browser_to: 'javascript:alert(1)' })).toMatchObject({ ok: false, problem: 'invalid_shape' })
  })

  test('an expired flow keeps only the fields it was sent, each of its type', () => {
    expect(read('self_service_flow_expired', { use_flow_id: 'f2', since: 5, expired_at: 7 }, { redirect_to: 'https://k.example/restart', return_to: 'ftp://x' })).toEqual({
      ok: true,
      value: { useFlowId: 'f2', since: 5, redirectTo: 'https://k.example/restart' },
    })
  })

  test('a replaced flow without use_flow_id is not the error it claims to be', () => {
    expect(read('self_service_flow_replaced', {})).toMatchObject({ ok: false, problem: 'invalid_shape' })
    expect(read('self_service_flow_replaced', { use_flow_id: 'f3' })).toEqual({ ok: true, value: { useFlowId: 'f3' } })
  })

  test('isKnownErrorId knows own keys only', () => {
    expect(isKnownErrorId('session_inactive')).toBe(true)
    for (const id of ['constructor', '__proto__', 'toString', 'session_unknown']) expect(isKnownErrorId(id)).toBe(false)
  })
})
