import { describe, expect, test, vi } from 'vitest'
import { KratosArgumentError } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { kratosAnswering } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'

describe('updateSettingsFlow refuses bad arguments with messages that name them', () => {
  const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))

  test('a flow that is null or has no id, a body without a method, an unknown encoding', async () => {
    await expect(kratos.updateSettingsFlow(null as never, { method: 'password', password: 'p' })).rejects.toThrow(new KratosArgumentError('updateSettingsFlow: flow must be a string, not undefined'))
    await expect(kratos.updateSettingsFlow('', { method: 'password', password: 'p' })).rejects.toThrow('updateSettingsFlow: flow must not be empty')
    await expect(kratos.updateSettingsFlow(FLOW_ID, { password: 'p' } as never)).rejects.toThrow('updateSettingsFlow: body must be an object with a string "method"')
    await expect(kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p' }, undefined, { encoding: 'xml' as never })).rejects.toThrow(
      'updateSettingsFlow: encoding must be "json" or "form"',
    )
    expect(requests).toHaveLength(0)
  })

  test('mode "redirect" with encoding "json" is refused: Kratos would answer a JSON body with JSON', async () => {
    await expect(kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p' }, undefined, { mode: 'redirect', encoding: 'json' })).rejects.toThrow(
      'updateSettingsFlow: mode "redirect" posts a form; encoding "json" would make Kratos answer with JSON',
    )
    expect(requests).toHaveLength(0)
  })

  test('an unknown mode is refused, naming the operation', async () => {
    await expect(kratos.createBrowserSettingsFlow(undefined, undefined, { mode: 'html' as never })).rejects.toThrow('createBrowserSettingsFlow: mode must be "json" or "redirect"')
  })

  test('createBrowserSettingsFlow names returnTo or organization when it holds a control character', async () => {
    await expect(kratos.createBrowserSettingsFlow('https://app.example.com/\n')).rejects.toThrow('createBrowserSettingsFlow: returnTo must not contain LF')
    await expect(kratos.createBrowserSettingsFlow(undefined, undefined, { organization: 'org\r' })).rejects.toThrow('createBrowserSettingsFlow: organization must not contain CR')
  })

  test('in a browser a cookie argument is refused, telling to omit it', async () => {
    vi.stubGlobal('document', {})
    try {
      await expect(kratos.getSettingsFlow(FLOW_ID, 'ory_kratos_session=s')).rejects.toThrow(
        'getSettingsFlow: a cookie argument cannot be sent from a browser (fetch forbids the Cookie header); omit it: the browser sends its own cookies with credentials: "include"',
      )
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
