import { describe, expect, test } from 'vitest'
import { getCsrfToken, type SettingsFlow } from '../../../src/index.js'
import { encodeForm } from '../../../src/request/encode-form.js'
import { parseSettingsForm } from '../../../src/flow/parse-settings-form.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { kratosAnswering } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'

describe('updateSettingsFlow encodes the body as the mode asks', () => {
  test('by default the body is JSON; mode "redirect" posts a form', async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' })
    await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password: 'p', csrf_token: 't' }, undefined, { mode: 'redirect' })
    expect(requests[0]!.headers.get('content-type')).toBe('application/json')
    expect(await requests[0]!.text()).toBe('{"method":"password","password":"p","csrf_token":"t"}')
    expect(requests[1]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(await requests[1]!.text()).toBe('method=password&password=p&csrf_token=t')
  })

  test("the caller's csrf_token wins over the flow's", async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    await kratos.updateSettingsFlow(makeSettingsFlow(), { method: 'password', password: 'p', csrf_token: 'mine' })
    expect(JSON.parse(await requests[0]!.text())).toEqual({ method: 'password', password: 'p', csrf_token: 'mine' })
  })

  test('an oidc body is sent as given, without the flow token', async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    await kratos.updateSettingsFlow(makeSettingsFlow(), { method: 'oidc', link: 'github' })
    expect(JSON.parse(await requests[0]!.text())).toEqual({ method: 'oidc', link: 'github' })
  })

  test('a hand-made flow object without ui sends the body unchanged', async () => {
    const { kratos, requests } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    const result = await kratos.updateSettingsFlow({ id: FLOW_ID } as SettingsFlow, { method: 'password', password: 'p' })
    expect(result.kind).toBe('flow')
    expect(JSON.parse(await requests[0]!.text())).toEqual({ method: 'password', password: 'p' })
  })

  test('a form leaves out null and undefined fields and repeats array items under one name', () => {
    expect(encodeForm({ method: 'profile', traits: { email: 'a@b.c', nick: null, phone: undefined, tags: ['x', 'y'] }, gone: null })).toBe(
      'method=profile&traits.email=a%40b.c&traits.tags=x&traits.tags=y',
    )
  })

  test('the form encoding sends transient_payload as JSON text, the only way Kratos reads it from a form, and parseSettingsForm reads it back', () => {
    const body = { method: 'password', password: 'p', transient_payload: { source: 'web', n: [1, { a: true }] } } as const
    const form = encodeForm(body)
    expect(new URLSearchParams(form).get('transient_payload')).toBe('{"source":"web","n":[1,{"a":true}]}')
    expect(parseSettingsForm(new URLSearchParams(form))).toEqual(body)
    // Only an object is JSON text; absent or null is left out, as every other field.
    expect(encodeForm({ method: 'profile', transient_payload: null, traits: {} })).toBe('method=profile')
    expect(encodeForm({ method: 'profile', transient_payload: 'x' })).toBe('method=profile&transient_payload=x')
  })

  test('getCsrfToken ignores a csrf_token input whose value is not a string', () => {
    const flow = makeSettingsFlow()
    const nodes = flow.ui.nodes.map((node, index) => (index === 0 ? { ...node, attributes: { ...node.attributes, value: 42 } } : node))
    expect(getCsrfToken({ ...flow, ui: { ...flow.ui, nodes } } as SettingsFlow)).toBeUndefined()
  })
})
