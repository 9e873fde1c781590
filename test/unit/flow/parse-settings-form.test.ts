import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { assertJsonBody } from '../../../src/request/validate-input.js'
import { KratosArgumentError } from '../../../src/errors/errors.js'
import { encodeForm } from '../../../src/request/encode-form.js'
import { parseSettingsForm } from '../../../src/flow/parse-settings-form.js'
import { openapi } from '../../helpers/openapi.js'

const form = (text: string) => new URLSearchParams(text)
const formData = (entries: [string, string | Blob][]) => {
  const data = new FormData()
  for (const [name, value] of entries) data.append(name, value)
  return data
}
const parse = (text: string) => parseSettingsForm(form(text))
const json = (value: unknown) => encodeURIComponent(JSON.stringify(value))
// The methods of our OpenAPI document, and their bodies' schemas.
const schemas = openapi.components.schemas
const mapping = (schemas['updateSettingsFlowBody']!['discriminator'] as { mapping: Record<string, string> }).mapping

function expectArgumentError(run: () => unknown, message: RegExp): void {
  expect(run).toThrow(KratosArgumentError)
  expect(run).toThrow(message)
}

describe('parseSettingsForm reads a form as Kratos’ form decoder does', () => {
  test('the profile form of a server action: dotted names nest, Next.js’ own fields and other unknown names are dropped', () => {
    const data = formData([
      ['$ACTION_ID_0123abcd', ''],
      ['csrf_token', 'token'],
      ['traits.email', 'ada@example.com'],
      ['traits.name.first', 'Ada'],
      ['traits.name.last', 'Lovelace'],
      ['method', 'profile'],
      ['return_to', 'https://elsewhere.example'],
    ])
    expect(parseSettingsForm(data)).toEqual({
      method: 'profile',
      csrf_token: 'token',
      traits: { email: 'ada@example.com', name: { first: 'Ada', last: 'Lovelace' } },
    })
  })

  test('FormData and URLSearchParams give the same body', () => {
    const text = 'method=password&csrf_token=t&password=s3cret%20%26%20more'
    expect(parseSettingsForm(formData([...form(text)]))).toEqual(parse(text))
    expect(parse(text)).toEqual({ method: 'password', csrf_token: 't', password: 's3cret & more' })
  })

  test('an empty value is absent, as Kratos skips it; a profile form without traits gets {}, as Kratos makes it', () => {
    expect(parse('method=profile&csrf_token=&traits.email=a%40b.c&traits.name.last=')).toEqual({ method: 'profile', traits: { email: 'a@b.c' } })
    expect(parse('method=profile&traits.email=')).toEqual({ method: 'profile', traits: {} })
    expect(parse('method=totp&totp_code=&totp_unlink=')).toEqual({ method: 'totp' })
  })

  test('a text field takes the first of repeated values (Go’s url.Values.Get), a boolean the last', () => {
    expect(parse('method=profile&method=password&csrf_token=one&csrf_token=two')).toEqual({ method: 'profile', csrf_token: 'one', traits: {} })
    // A hidden "false" before a checkbox of the same name.
    expect(parse('method=lookup_secret&lookup_secret_confirm=false&lookup_secret_confirm=true')).toEqual({ method: 'lookup_secret', lookup_secret_confirm: true })
  })

  test('booleans take Go’s strconv.ParseBool spellings; anything else throws', () => {
    for (const text of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parse(`method=totp&totp_unlink=${text}`)).toEqual({ method: 'totp', totp_unlink: true })
    for (const text of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parse(`method=totp&totp_unlink=${text}`)).toEqual({ method: 'totp', totp_unlink: false })
    for (const text of ['yes', 'on', 'tRUE', ' true', '2', 'xfalse', 'falsey', 'xtrue', 'truex'])
      expectArgumentError(() => parse(`method=totp&totp_unlink=${encodeURIComponent(text)}`), /"totp_unlink" must be true or false/)
  })

  test('traits stay text; a repeated trait name is an array of its values, as Kratos reads an array trait', () => {
    expect(parse('method=profile&traits.age=42&traits.newsletter=true&traits.emails=a%40b.c&traits.emails=&traits.emails=c%40d.e')).toEqual({
      method: 'profile',
      traits: { age: '42', newsletter: 'true', emails: ['a@b.c', '', 'c@d.e'] },
    })
  })

  test('a field no body of the method has is dropped, typed fields included: totp_unlink in a profile form, a dotted password', () => {
    expect(parse('method=profile&traits.email=a%40b.c&totp_unlink=true&password=x&link=google')).toEqual({ method: 'profile', traits: { email: 'a@b.c' } })
    expect(parse('method=password&password=s&password.x=1&csrf_token.y=2')).toEqual({ method: 'password', password: 's' })
  })

  test('every method of the document reads its own fields', () => {
    expect(Object.keys(mapping).map((method) => parse(`method=${method}&password=p`).method)).toEqual(Object.keys(mapping))
    expect(parse('method=oidc&link=google&flow=f&upstream_parameters.prompt=select_account&csrf_token=t')).toEqual({
      method: 'oidc',
      link: 'google',
      flow: 'f',
      upstream_parameters: { prompt: 'select_account' },
    })
    expect(parse('method=webauthn&webauthn_register=%7B%7D&webauthn_register_displayname=Key&webauthn_remove=')).toEqual({
      method: 'webauthn',
      webauthn_register: '{}',
      webauthn_register_displayname: 'Key',
    })
    expect(parse('method=passkey&passkey_remove=id&transient_payload=%7B%7D')).toEqual({ method: 'passkey', passkey_remove: 'id' })
  })
})

describe('transient_payload and the other object fields', () => {
  test('JSON text under the field’s own name, as Kratos reads it in a form post', () => {
    expect(parse(`method=password&password=p&transient_payload=${json({ source: 'web', n: 1, list: [true, null] })}`)).toEqual({
      method: 'password',
      password: 'p',
      transient_payload: { source: 'web', n: 1, list: [true, null] },
    })
    expect(parse(`method=profile&traits=${json({ email: 'a@b.c' })}`)).toEqual({ method: 'profile', traits: { email: 'a@b.c' } })
  })

  test('unsafe keys are dropped from JSON at any depth, inside arrays too', () => {
    const body = parse(`method=password&password=p&transient_payload=${encodeURIComponent('{"list":[{"__proto__":{"x":1},"constructor":1,"ok":1}],"prototype":2}')}`)
    expect(JSON.stringify(body)).toBe('{"method":"password","password":"p","transient_payload":{"list":[{"ok":1}]}}')
  })

  test('a dotted name with an empty segment is dropped, as Kratos lists no such field', () => {
    expect(parse('method=profile&traits.email=a%40b.c&traits..x=1&traits.y.=2&traits.=3')).toEqual({ method: 'profile', traits: { email: 'a@b.c' } })
  })

  test('or dotted names, as encodeForm writes them', () => {
    expect(parse('method=profile&transient_payload.source=web&transient_payload.a.b=c')).toEqual({
      method: 'profile',
      traits: {},
      transient_payload: { source: 'web', a: { b: 'c' } },
    })
  })

  test('JSON that is not an object, not JSON, too deep, or both JSON and dotted names throws', () => {
    for (const text of ['[1]', 'null', '"x"', '1', '{', "{'a':1}"]) {
      expectArgumentError(() => parse(`method=profile&transient_payload=${encodeURIComponent(text)}`), /"transient_payload" must be a JSON object/)
    }
    expectArgumentError(() => parse(`method=profile&transient_payload=${'%5B'.repeat(100)}${'%5D'.repeat(100)}`), /must be a JSON object/)
    expectArgumentError(() => parse(`method=profile&traits=${json({ a: 1 })}&traits.b=2`), /"traits" is sent both as JSON and as dotted names/)
  })
})

describe('method', () => {
  test('an unknown method throws, compared exactly as Kratos does', () => {
    for (const method of ['Profile', 'profile ', 'lookup', 'code', 'toString', 'hasOwnProperty']) {
      expectArgumentError(() => parse(`method=${encodeURIComponent(method)}`), /is not a settings method \(profile, password, totp, webauthn, lookup_secret, oidc, passkey, saml\)/)
    }
  })

  test('Kratos’ own buttons for lookup secrets, TOTP unlinking, security keys, passkeys and OIDC send no method: it is read off the button', () => {
    expect(parse('csrf_token=t&lookup_secret_reveal=true')).toEqual({ method: 'lookup_secret', csrf_token: 't', lookup_secret_reveal: true })
    expect(parse('csrf_token=t&totp_unlink=true&totp_code=')).toEqual({ method: 'totp', csrf_token: 't', totp_unlink: true })
    expect(parse('csrf_token=t&webauthn_remove=key-1')).toEqual({ method: 'webauthn', csrf_token: 't', webauthn_remove: 'key-1' })
    expect(parse('csrf_token=t&passkey_settings_register=%7B%7D')).toEqual({ method: 'passkey', csrf_token: 't', passkey_settings_register: '{}' })
    expect(parse('csrf_token=t&unlink=github')).toEqual({ method: 'oidc', unlink: 'github' })
  })

  test('a button counts only when it sent a value: an empty one beside a pressed one is ignored', () => {
    expect(parse('lookup_secret_confirm=&lookup_secret_confirm=true')).toEqual({ method: 'lookup_secret', lookup_secret_confirm: true })
    expect(parse('webauthn_remove=&unlink=github')).toEqual({ method: 'oidc', unlink: 'github' })
  })

  test('without a method and without such a button, or with two of them, it throws', () => {
    for (const text of ['', 'csrf_token=t&traits.email=a%40b.c', 'password=p', 'method=', 'lookup_secret_reveal=false', 'totp_code=123456', 'link=']) {
      expectArgumentError(() => parse(text), /the form has no "method" value$/)
    }
    expectArgumentError(() => parse('totp_unlink=true&link=google'), /the fields of totp and oidc are set/)
  })

  test('methods restricts what a form may be', () => {
    expect(parseSettingsForm(form('method=profile'), { methods: ['profile', 'password'] }).method).toBe('profile')
    expectArgumentError(() => parseSettingsForm(form('method=totp'), { methods: ['profile', 'password'] }), /method "totp" is not one of profile, password$/)
    expectArgumentError(() => parseSettingsForm(form('method=password&password=p'), { methods: ['profile'] }), /method "password" is not one of profile/)
    expectArgumentError(() => parseSettingsForm(form('lookup_secret_disable=1'), { methods: ['profile'] }), /method "lookup_secret" is not one of profile/)
  })

  test('the password form needs its password, as its type does', () => {
    expectArgumentError(() => parse('method=password&password='), /the password form has no "password" value/)
  })
})

describe('what the form must not be', () => {
  test('a file throws: no settings body has one', () => {
    const file = new File(['x'], 'avatar.png', { type: 'image/png' })
    expectArgumentError(
      () =>
        parseSettingsForm(
          formData([
            ['method', 'profile'],
            ['avatar', file],
          ]),
        ),
      /"avatar" is a file; a settings form has no file fields/,
    )
  })

  test('anything but FormData or URLSearchParams throws', () => {
    for (const value of [undefined, null, 'method=profile', { method: 'profile' }, [['method', 'profile']], new Map([['method', 'profile']])]) {
      expectArgumentError(() => parseSettingsForm(value as never), /needs a FormData or URLSearchParams/)
    }
  })

  test('a name both a value and an object throws, whichever comes first', () => {
    expectArgumentError(() => parse('method=profile&traits.name=Ada&traits.name.first=Ada'), /"traits.name.first" conflicts with a field of the same name/)
    expectArgumentError(() => parse('method=profile&traits.name.first=Ada&traits.name=Ada'), /"traits.name" conflicts with fields below it/)
  })

  test('a name nested deeper than updateSettingsFlow sends throws', () => {
    const deepest = parse(`method=profile&traits.${Array(63).fill('a').join('.')}=x`)
    expect(() => assertJsonBody('body', deepest)).not.toThrow()
    expectArgumentError(() => parse(`method=profile&traits.${Array(64).fill('a').join('.')}=x`), /nested deeper than 64 levels/)
    expectArgumentError(() => parse(`method=profile&traits.${Array(100_000).fill('a').join('.')}=x`), /nested deeper than 64 levels/)
  })
})

// The property: for every body encodeForm can write so that it reads back (text that is not
// empty, arrays of two or more strings in objects, objects with members), parsing its form gives
// the body back. Bodies come from the OpenAPI document, not from the parser's own table.
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
const key = text.filter((name) => !name.includes('.') && !['__proto__', 'constructor', 'prototype'].includes(name))
const tree: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ tree: Record<string, unknown> }>((tie) => ({
  tree: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, text, fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { minLength: 2, maxLength: 3 }), tie('tree')), {
    minKeys: 1,
    maxKeys: 3,
    noNullPrototype: true,
  }),
})).tree

function bodyOf(method: string): fc.Arbitrary<Record<string, unknown>> {
  const schema = schemas[mapping[method]!.replace('#/components/schemas/', '')]!
  const required = schema['required'] as string[]
  const properties = schema['properties'] as Record<string, { type: string }>
  const fields = Object.entries(properties).map(([name, { type }]): [string, fc.Arbitrary<unknown>] => {
    if (name === 'method') return [name, fc.constant(method)]
    if (type === 'boolean') return [name, fc.boolean()]
    if (type === 'string') return [name, text]
    expect(type).toBe('object')
    // A required object may be empty: the parser makes it {} as Kratos does.
    return [name, required.includes(name) ? fc.oneof(fc.constant({}), tree) : tree]
  })
  return fc.record(Object.fromEntries(fields), { requiredKeys: required, noNullPrototype: true })
}

const body = fc.constantFrom(...Object.keys(mapping)).chain(bodyOf)

describe('the inverse of encodeForm', () => {
  test('parseSettingsForm(new URLSearchParams(encodeForm(body))) deep-equals body, for every method of the document', () => {
    fc.assert(
      fc.property(body, (value) => {
        const encoded = new URLSearchParams(encodeForm(value))
        expect(parseSettingsForm(encoded)).toStrictEqual(value)
        expect(parseSettingsForm(formData([...encoded]))).toStrictEqual(value)
      }),
      { numRuns: 2_000 },
    )
  })
})

describe('an attacker’s form', () => {
  const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort()
  const UNSAFE = ['__proto__', 'constructor', 'prototype']

  function expectCleanPrototype(): void {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES)
    const probe: Record<string, unknown> = {}
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype)
    expect(probe['polluted']).toBeUndefined()
  }

  /** Every own key of `value` at any depth. */
  function keys(value: unknown): string[] {
    if (typeof value !== 'object' || value === null) return []
    return Reflect.ownKeys(value).flatMap((name) => [String(name), ...keys((value as Record<PropertyKey, unknown>)[name])])
  }

  // A deep merge as many apps write one: what an attacker hopes the body reaches.
  function naiveMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
    for (const name in source) {
      const value = source[name]
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        if (typeof target[name] !== 'object' || target[name] === null) target[name] = {}
        naiveMerge(target[name] as Record<string, unknown>, value as Record<string, unknown>)
      } else target[name] = value
    }
    return target
  }

  afterEach(() => {
    expectCleanPrototype()
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      if (!PROTOTYPE_NAMES.includes(name)) delete (Object.prototype as Record<string, unknown>)[name]
    }
  })

  test.each([
    ['__proto__.polluted=1&method=profile'],
    ['constructor.prototype.polluted=1&method=profile'],
    ['method=profile&traits.__proto__.polluted=1'],
    ['method=profile&traits.constructor.prototype.polluted=1'],
    ['method=profile&traits.a.__proto__.polluted=1&traits.a.b=c'],
    ['method=profile&transient_payload.__proto__.polluted=1'],
    ['method=oidc&link=x&upstream_parameters.__proto__.polluted=1'],
    [`method=profile&transient_payload=${encodeURIComponent('{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}}}}')}`],
    [`method=profile&traits=${encodeURIComponent('{"email":"a@b.c","__proto__":{"polluted":1}}')}`],
    ['method=profile&__proto__=1&constructor=1&prototype=1&traits.prototype=1'],
  ])('%s pollutes nothing, even through a naive deep merge of the body', (text) => {
    const parsed = parseSettingsForm(form(text))
    expect(keys(parsed).filter((name) => UNSAFE.includes(name))).toEqual([])
    naiveMerge({}, parsed as Record<string, unknown>)
    expectCleanPrototype()
  })

  test('the dropped names leave the rest of the form as it was', () => {
    const text = '{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}},"b":1}}'
    expect(parse(`method=profile&traits.a.__proto__.polluted=1&traits.a.b=c&transient_payload=${encodeURIComponent(text)}`)).toEqual({
      method: 'profile',
      traits: { a: { b: 'c' } },
      transient_payload: { a: { b: 1 } },
    })
  })

  test('Object.prototype’s own names are ordinary trait names: read as own fields, never as inherited ones', () => {
    const parsed = parse('method=profile&traits.toString=1&traits.hasOwnProperty.x=2&traits.valueOf=a&traits.valueOf=b')
    expect(parsed).toEqual({ method: 'profile', traits: { toString: '1', hasOwnProperty: { x: '2' }, valueOf: ['a', 'b'] } })
  })

  test('names in error messages are escaped and cut short: no forged log line, no terminal control', () => {
    const file = new File(['x'], 'x')
    const run = () =>
      parseSettingsForm(
        formData([
          ['method', 'profile'],
          ['a\r\nlevel=error msg="forged"\u001b[31m', file],
        ]),
      )
    expect(run).toThrow(KratosArgumentError)
    expect(run).toThrow('"a\\r\\nlevel=error msg="forged"\\u001b[31m" is a file')
    const long = () => parse(`method=${'x'.repeat(100_000)}`)
    expect(long).toThrow(`"${'x'.repeat(64)}…" is not a settings method`)
    // 64 characters are quoted whole.
    expect(() => parse(`method=${'y'.repeat(64)}`)).toThrow(`"${'y'.repeat(64)}" is not a settings method`)
  })

  const segment = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', 'a', 'traits', 'transient_payload', 'upstream_parameters', 'method', 'polluted')
  const name = fc.array(segment, { minLength: 1, maxLength: 5 }).map((path) => path.join('.'))
  const value = fc.oneof(fc.constantFrom('', 'profile', 'oidc', 'true', '1', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'), fc.string({ maxLength: 6 }))

  test('any mix of hostile names and values: a body without unsafe keys, or a KratosArgumentError; never pollution', () => {
    let bodies = 0
    // A valid method first in half the forms, so that most of those parse and reach the pollution checks.
    const method = fc.option(fc.constantFrom<[string, string]>(['method', 'profile'], ['method', 'oidc']), { nil: undefined })
    fc.assert(
      fc.property(method, fc.array(fc.tuple(name, value), { maxLength: 12 }), (first, entries) => {
        let parsed: unknown
        try {
          parsed = parseSettingsForm(new URLSearchParams(first === undefined ? entries : [first, ...entries]))
        } catch (error) {
          expect(error).toBeInstanceOf(KratosArgumentError)
          return
        }
        bodies++
        expect(keys(parsed).filter((name) => UNSAFE.includes(name))).toEqual([])
        naiveMerge({}, parsed as Record<string, unknown>)
        expectCleanPrototype()
      }),
      { numRuns: 3_000 },
    )
    expect(bodies).toBeGreaterThan(300)
  })
})
