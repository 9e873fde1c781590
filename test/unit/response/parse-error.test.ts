import { describe, expect, test } from 'vitest'
import { makeKratosError, makeSettingsFlow } from '../../../src/mock/index.js'
import { kratosAnswering, kratosError, unexpectedOf } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const NEXT_ID = '11111111-2222-4333-8444-555555555555'
const MALFORMED_FLOW_ID = 'The flow query parameter is missing or malformed.'

describe('statuses and error bodies map to the operation that got them', () => {
  test('a 302 without Location on getSettingsFlow is session_inactive without a redirect target', async () => {
    const { kratos } = kratosAnswering(() => new Response(null, { status: 302 }))
    const result = await kratos.getSettingsFlow(FLOW_ID)
    if (result.kind !== 'error') throw new Error(result.kind)
    expect(result.error.message).toBe('Kratos error session_inactive (HTTP 302): no valid session; Kratos redirected to its login UI')
    expect('redirectBrowserTo' in result.error).toBe(false)
  })

  test('a 400 carrying a flow is "invalid" only for updateSettingsFlow', async () => {
    const { kratos } = kratosAnswering(() => Response.json(makeSettingsFlow(), { status: 400 }))
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))).toMatchObject({
      problem: 'invalid_shape',
      message: 'Kratos answered 400 with JSON that is not a Kratos error (no "error" object)',
    })
    expect((await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })).kind).toBe('invalid')
  })

  test("an id-less 401 on createBrowserSettingsFlow is not taken for Kratos' no-session answer", async () => {
    const { kratos } = kratosAnswering(() => kratosError(401, { status: 'Unauthorized', message: 'no session' }))
    expect(unexpectedOf(await kratos.createBrowserSettingsFlow())).toMatchObject({
      problem: 'unknown_error_id',
      message: 'Kratos answered 401 with an error without id: no session',
    })
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'session_inactive' } })
  })

  // selfservice/flow/settings/handler.go:503
  test('an id-less 410 is an expired flow only on getSettingsFlow', async () => {
    const { kratos } = kratosAnswering(() => kratosError(410, { status: 'Gone', message: 'gone' }))
    expect(unexpectedOf(await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })).problem).toBe('unknown_error_id')
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_expired' } })
  })

  // selfservice/flow/settings/strategy_helper.go:114
  test("an id-less 400 is an unknown flow only on updateSettingsFlow and only with Kratos' malformed-id reason", async () => {
    const answer = (status: number, reason: string) => kratosAnswering(() => kratosError(status, { status: 'Bad Request', reason, message: 'bad' })).kratos
    const update = (status: number, reason: string) => answer(status, reason).updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })
    expect(await update(400, MALFORMED_FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_not_found' } })
    expect((await update(400, 'something else')).kind).toBe('unexpected')
    expect((await update(403, MALFORMED_FLOW_ID)).kind).toBe('unexpected')
    expect((await answer(400, MALFORMED_FLOW_ID).getSettingsFlow(FLOW_ID)).kind).toBe('unexpected')
    expect((await answer(403, MALFORMED_FLOW_ID).getSettingsFlow(FLOW_ID)).kind).toBe('unexpected')
  })

  test('the message quotes error.message, else error.status, else says there is none; at most 500 characters', async () => {
    const message = async (error: Record<string, unknown>) => {
      const { kratos } = kratosAnswering(() => kratosError(403, { id: 'security_csrf_violation', ...error }))
      const result = await kratos.getSettingsFlow(FLOW_ID)
      if (result.kind !== 'error') throw new Error(result.kind)
      return result.error.message.replace('Kratos error security_csrf_violation (HTTP 403): ', '')
    }
    expect(await message({ status: 'Forbidden' })).toBe('Forbidden')
    expect(await message({})).toBe('no message')
    const exact = 'm'.repeat(500)
    expect(await message({ message: exact })).toBe(exact)
    expect(await message({ message: `${exact}n` })).toBe(`${exact}…`)
  })

  test('an unknown error id is named in the message', async () => {
    const { kratos } = kratosAnswering(() => kratosError(403, { id: 'brand_new', message: 'new' }))
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))).toMatchObject({
      problem: 'unknown_error_id',
      id: 'brand_new',
      message: 'Kratos answered 403 with the unknown error id "brand_new": new',
    })
  })

  test('a known error without the redirect it promises is ill-formed', async () => {
    const { kratos } = kratosAnswering(() => kratosError(403, { id: 'session_refresh_required', message: 'refresh' }))
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).message).toBe('Kratos answered 403 with session_refresh_required but no navigable redirect_browser_to: refresh')
  })

  test('a replaced flow without use_flow_id is ill-formed; an expired one keeps only a numeric since', async () => {
    const replaced = kratosAnswering(() => kratosError(410, { id: 'self_service_flow_replaced', message: 'replaced' }))
    expect(unexpectedOf(await replaced.kratos.getSettingsFlow(FLOW_ID)).problem).toBe('invalid_shape')
    const expired = kratosAnswering(() => Response.json(makeKratosError('self_service_flow_expired', { since: '5m', use_flow_id: NEXT_ID }), { status: 410 }))
    const result = await expired.kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })
    if (result.kind !== 'error') throw new Error(result.kind)
    expect('since' in result.error).toBe(false)
  })
})
