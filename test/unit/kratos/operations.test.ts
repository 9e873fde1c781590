import { describe, expect, test } from 'vitest'
import { unwrapFlow } from '../../../src/index.js'
import { idlessErrorId, MALFORMED_FLOW_ID_REASON, SETTINGS_OPERATIONS, UNKNOWN_FLOW_REASON } from '../../../src/kratos/operations.js'
import { kratosAnswering, kratosError } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'

describe('id-less 404s', () => {
  const notFound = (reason?: string) => () => kratosError(404, { status: 'Not Found', message: 'The requested resource could not be found', ...(reason === undefined ? {} : { reason }) })

  test('on get, the only 404 is an unknown flow', async () => {
    const { kratos } = kratosAnswering(notFound())
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_not_found' } })
  })

  test('on update, an unknown flow by its reason; a disabled method or a missing credential is unexpected, never a restart', async () => {
    const body = { method: 'password', password: 'a-new-password' } as const
    const unknown = kratosAnswering(notFound('The settings request could not be found. Please restart the flow.')).kratos
    expect(await unknown.updateSettingsFlow(FLOW_ID, body)).toMatchObject({ kind: 'error', error: { id: 'self_service_flow_not_found' } })
    for (const reason of [
      'identity does not have credential type oidc',
      'This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.',
    ]) {
      const { kratos } = kratosAnswering(notFound(reason))
      const result = await kratos.updateSettingsFlow(FLOW_ID, body)
      expect(result).toMatchObject({ kind: 'unexpected', status: 404, error: { problem: 'unknown_error_id' } })
      expect(kratos.nextStep(result).type).toBe('error')
    }
  })
})

test('unwrapFlow of a redirect without location throws a redirect problem', () => {
  expect(() => unwrapFlow({ kind: 'redirect', status: 303, setCookie: [], location: null })).toThrow(
    expect.objectContaining({ problem: 'redirect', message: 'Expected a settings flow, but Kratos redirected to an unknown location' }),
  )
})

describe('idlessErrorId', () => {
  const { createBrowserSettingsFlow: create, getSettingsFlow: get, updateSettingsFlow: update } = SETTINGS_OPERATIONS

  test('a status alone names the condition where the table gives no reason, whatever reason was sent', () => {
    for (const reason of [undefined, 'anything']) {
      expect(idlessErrorId(get, 404, reason)).toBe('self_service_flow_not_found')
      expect(idlessErrorId(get, 410, reason)).toBe('self_service_flow_expired')
      expect(idlessErrorId(update, 401, reason)).toBe('session_inactive')
    }
  })

  test('where the table gives a reason, only that reason names the condition', () => {
    expect(idlessErrorId(update, 404, UNKNOWN_FLOW_REASON)).toBe('self_service_flow_not_found')
    expect(idlessErrorId(update, 400, MALFORMED_FLOW_ID_REASON)).toBe('self_service_flow_not_found')
    expect(idlessErrorId(update, 404, MALFORMED_FLOW_ID_REASON)).toBeUndefined()
    expect(idlessErrorId(update, 404, undefined)).toBeUndefined()
  })

  test('the create endpoint has no id-less answers', () => {
    for (const status of [400, 401, 404, 410]) expect(idlessErrorId(create, status, undefined)).toBeUndefined()
  })
})
