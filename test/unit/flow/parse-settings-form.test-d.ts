import { describe, expectTypeOf, test } from 'vitest'
import { createKratosClient, type UpdateSettingsFlowBody } from '../../../src/index.js'
import { parseSettingsForm } from '../../../src/flow/parse-settings-form.js'
import { SETTINGS_FORM_FIELDS } from '../../../src/kratos/form.js'

type Method = UpdateSettingsFlowBody['method']
type BodyOf<M extends Method> = Extract<UpdateSettingsFlowBody, { method: M }>

declare const formData: FormData
declare const search: URLSearchParams
const kratos = createKratosClient({ baseUrl: 'https://auth.example.com' })

describe('parseSettingsForm', () => {
  test('returns the update body, discriminated by method, from FormData or URLSearchParams', () => {
    expectTypeOf(parseSettingsForm(formData)).toEqualTypeOf<UpdateSettingsFlowBody>()
    expectTypeOf(parseSettingsForm(search)).toEqualTypeOf<UpdateSettingsFlowBody>()
    const body = parseSettingsForm(formData)
    if (body.method === 'lookup_secret') expectTypeOf(body.lookup_secret_reveal).toEqualTypeOf<boolean | undefined>()
    if (body.method === 'profile') expectTypeOf(body.traits).toEqualTypeOf<{ [key: string]: unknown }>()
    if (body.method === 'password') expectTypeOf(body.password).toEqualTypeOf<string>()
  })

  test('methods narrows the body to those methods', () => {
    expectTypeOf(parseSettingsForm(formData, { methods: ['profile'] })).toEqualTypeOf<BodyOf<'profile'>>()
    expectTypeOf(parseSettingsForm(formData, { methods: ['profile', 'password'] })).toEqualTypeOf<BodyOf<'profile' | 'password'>>()
    const methods = ['totp', 'lookup_secret'] as const
    expectTypeOf(parseSettingsForm(formData, { methods }).method).toEqualTypeOf<'totp' | 'lookup_secret'>()
    expectTypeOf(parseSettingsForm(formData, {}).method).toEqualTypeOf<Method>()
  })

  test('goes straight into updateSettingsFlow', () => {
    expectTypeOf(kratos.updateSettingsFlow('flow-id', parseSettingsForm(formData))).resolves.toHaveProperty('kind')
    expectTypeOf(kratos.updateSettingsFlow('flow-id', parseSettingsForm(formData, { methods: ['profile'] }))).resolves.toHaveProperty('kind')
  })

  test('takes only a form, and only methods Kratos has', () => {
    // @ts-expect-error a string is not a form
    parseSettingsForm('method=profile')
    // @ts-expect-error a plain object is not a form
    parseSettingsForm({ method: 'profile' })
    // @ts-expect-error not a settings method
    parseSettingsForm(formData, { methods: ['code'] })
    // @ts-expect-error methods is a list
    parseSettingsForm(formData, { methods: 'profile' })
  })

  test('its table of fields covers every method of the generated body type, and nothing else', () => {
    expectTypeOf<keyof typeof SETTINGS_FORM_FIELDS>().toEqualTypeOf<Method>()
    expectTypeOf<keyof (typeof SETTINGS_FORM_FIELDS)['lookup_secret']>().toEqualTypeOf<Exclude<keyof BodyOf<'lookup_secret'>, 'method'>>()
    expectTypeOf<(typeof SETTINGS_FORM_FIELDS)['totp']['totp_unlink']>().toEqualTypeOf<'boolean'>()
    expectTypeOf<(typeof SETTINGS_FORM_FIELDS)['password']['password']>().toEqualTypeOf<'required text'>()
  })
})
