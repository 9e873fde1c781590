import { describe, expect, test } from 'vitest'
import type { SettingsFlow } from '../../src/index.js'
import { findInput, isNodeType } from '../../src/utils/ui-nodes.js'
import { DEFAULT_TRAITS_SCHEMA, type TraitSchema } from '../../src/mock/index.js'
import { CSRF_COOKIE, SESSION_COOKIE, getCsrfToken, harness, type Harness } from '../behaviour/harness.js'
import { isTrue, parseFormBody } from '../../src/mock/request-body.js'

type Json = Record<string, any>

const SCHEMA: TraitSchema = {
  type: 'object',
  properties: {
    email: DEFAULT_TRAITS_SCHEMA.properties!['email']!,
    name: DEFAULT_TRAITS_SCHEMA.properties!['name']!,
    nickname: { type: 'string', minLength: 3, maxLength: 8, pattern: '^[a-z]+$' },
    handle: { type: 'string', pattern: '^\\p{L}+$' },
    alias: { type: 'string' },
    age: { type: 'integer' },
    height: { type: 'number' },
    newsletter: { type: 'boolean' },
    notes: {},
    meta: { type: 'object' },
  },
  required: ['email'],
}

const EMAIL = 'eve@example.org'

/** Posts `fields` next to the flow's CSRF token: as JSON, or as a form from a client that accepts JSON. */
async function post(h: Harness, fields: Record<string, unknown>, as: 'json' | 'json-form' = 'json', token = 'ada') {
  const { flow, cookie } = await h.start(token)
  const response = await h.update(flow.id, { csrf_token: getCsrfToken(flow), ...fields }, cookie, as)
  return { status: response.status, body: (await response.json()) as Json }
}

const profile = (h: Harness, traits: Record<string, unknown>) => post(h, { method: 'profile', traits })
const profileForm = (h: Harness, traits: Record<string, string>) =>
  post(h, { method: 'profile', ...Object.fromEntries(Object.entries(traits).map(([key, value]) => [`traits.${key}`, value])) }, 'json-form')

const messagesOn = (flow: Json, name: string) => findInput(flow as SettingsFlow, name)?.messages

const hasLookupCodes = (flow: Json) => (flow as SettingsFlow).ui.nodes.some((node) => isNodeType(node, 'text') && node.attributes.id === 'lookup_secret_codes')

describe('traits of the wrong JSON type', () => {
  test("get Kratos' 4000026 message on their input, naming the expected and the sent type", async () => {
    const { status, body } = await profile(harness({ traitsSchema: SCHEMA }), {
      email: EMAIL,
      nickname: null,
      handle: ['Ada'],
      age: 1.5,
      height: 'tall',
      meta: 'app',
      newsletter: 42,
    })
    expect(status).toBe(400)
    const wrongType = (expected: string, actual: string) => [
      { id: 4000026, type: 'error', text: `expected ${expected}, but got ${actual}`, context: { allowed_types: [expected], actual_type: actual } },
    ]
    expect(messagesOn(body, 'traits.nickname')).toEqual(wrongType('string', 'null'))
    expect(messagesOn(body, 'traits.handle')).toEqual(wrongType('string', 'array'))
    expect(messagesOn(body, 'traits.age')).toEqual(wrongType('integer', 'number'))
    expect(messagesOn(body, 'traits.height')).toEqual(wrongType('number', 'string'))
    expect(messagesOn(body, 'traits.meta')).toEqual(wrongType('object', 'string'))
    // The validator names any number `number`, a whole one included (ory/jsonschema's jsonType).
    expect(messagesOn(body, 'traits.newsletter')).toEqual(wrongType('boolean', 'number'))
    // Kratos leaves out an empty list of flow messages (recorded: U3).
    expect(body['ui'].messages).toBeUndefined()
  })

  test('whole numbers satisfy integer and number traits, and a trait without a type takes any value', async () => {
    const traits = { email: EMAIL, age: 42, height: 2, notes: null, meta: { source: 'app', tags: ['a'] } }
    const { status, body } = await profile(harness({ traitsSchema: SCHEMA }), traits)
    expect(status).toBe(200)
    expect(body['identity'].traits).toEqual(traits)
  })
})

describe('string constraints', () => {
  test('minLength, maxLength and pattern give 4000003, 4000017 and 4000004 with their context', async () => {
    const h = harness({ traitsSchema: SCHEMA })
    const short = await profile(h, { email: EMAIL, nickname: 'ab' })
    expect(short.status).toBe(400)
    expect(messagesOn(short.body, 'traits.nickname')).toEqual([{ id: 4000003, type: 'error', text: 'length must be >= 3, but got 2', context: { min_length: 3, actual_length: 2 } }])
    const long = await profile(h, { email: EMAIL, nickname: 'abcdefghi' })
    expect(long.status).toBe(400)
    expect(messagesOn(long.body, 'traits.nickname')).toEqual([{ id: 4000017, type: 'error', text: 'length must be <= 8, but got 9', context: { max_length: 8, actual_length: 9 } }])
    const mismatch = await profile(h, { email: EMAIL, nickname: 'Ada' })
    expect(mismatch.status).toBe(400)
    expect(messagesOn(mismatch.body, 'traits.nickname')).toEqual([{ id: 4000004, type: 'error', text: 'does not match pattern "^[a-z]+$"', context: { pattern: '^[a-z]+$' } }])
  })

  test('values at the length limits pass, and patterns match Unicode classes as Go regexps do', async () => {
    const h = harness({ traitsSchema: SCHEMA })
    for (const traits of [
      { email: EMAIL, nickname: 'abc', handle: 'Zoë' },
      { email: EMAIL, nickname: 'abcdefgh' },
    ]) {
      const { status, body } = await profile(h, traits)
      expect(status).toBe(200)
      expect(body['identity'].traits).toEqual(traits)
    }
  })
})

describe("form text is converted as Kratos' decoder does", () => {
  test('numeric text becomes a number for number and integer traits only', async () => {
    const { status, body } = await profileForm(harness({ traitsSchema: SCHEMA }), { email: EMAIL, age: '42', height: '1.5', alias: '42' })
    expect(status).toBe(200)
    expect(body['identity'].traits).toEqual({ email: EMAIL, age: 42, height: 1.5, alias: '42' })
  })

  test('text that reads as a boolean stays text for a string trait', async () => {
    const { status, body } = await profileForm(harness({ traitsSchema: SCHEMA }), { email: EMAIL, alias: 'true' })
    expect(status).toBe(200)
    expect(body['identity'].traits).toEqual({ email: EMAIL, alias: 'true' })
  })

  test('blank text for a number trait stays text and fails the type check', async () => {
    const { status, body } = await profileForm(harness({ traitsSchema: SCHEMA }), { email: EMAIL, age: ' ' })
    expect(status).toBe(400)
    expect(messagesOn(body, 'traits.age')).toMatchObject([{ id: 4000026, text: 'expected integer, but got string' }])
  })

  test('text strconv.ParseBool reads becomes a boolean; other text fails the type check', async () => {
    const h = harness({ traitsSchema: SCHEMA })
    for (const [text, value] of [
      ['T', true],
      ['False', false],
      ['0', false],
    ] as const) {
      const { status, body } = await profileForm(h, { email: EMAIL, newsletter: text })
      expect(status).toBe(200)
      expect(body['identity'].traits).toEqual({ email: EMAIL, newsletter: value })
    }
    const { status, body } = await profileForm(h, { email: EMAIL, newsletter: '10' })
    expect(status).toBe(400)
    expect(messagesOn(body, 'traits.newsletter')).toMatchObject([{ id: 4000026, text: 'expected boolean, but got string' }])
  })
})

describe('empty values count as absent', () => {
  test('an empty form field is not saved', async () => {
    const { status, body } = await profileForm(harness({ traitsSchema: SCHEMA }), { email: EMAIL, alias: '' })
    expect(status).toBe(200)
    expect(body['identity'].traits).toEqual({ email: EMAIL })
  })

  test('an empty dotted field of a JSON body is not saved', async () => {
    const { status, body } = await post(harness({ traitsSchema: SCHEMA }), { method: 'profile', traits: { email: EMAIL }, 'traits.alias': '' })
    expect(status).toBe(200)
    expect(body['identity'].traits).toEqual({ email: EMAIL })
  })
})

describe('protected traits', () => {
  // selfservice/strategy/profile/strategy.go:179-188: only a protected trait needs a privileged session.
  test('a session too old for privileged changes may change traits that are not identifiers, not the email', async () => {
    const h = harness()
    const stale = await post(h, { method: 'profile', traits: { email: 'ada@example.com', name: { first: 'Augusta', last: 'King' } } }, 'json', 'stale-ada')
    expect(stale.status).toBe(200)
    expect(stale.body['identity'].traits).toEqual({ email: 'ada@example.com', name: { first: 'Augusta', last: 'King' } })
    const moved = await post(h, { method: 'profile', traits: { email: EMAIL } }, 'json', 'stale-ada')
    expect(moved.status).toBe(403)
    expect(moved.body['error'].id).toBe('session_refresh_required')
  })
})

describe('CSRF cookie and token', () => {
  // x/nosurfx/nosurf.go:181-224: nosurf issues a new cookie when the one sent does not decode to a token.
  test('a CSRF cookie that does not hold 32 bytes is replaced', async () => {
    const h = harness()
    const response = await h.create(`${SESSION_COOKIE}=ada; ${CSRF_COOKIE}=AAAA`)
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`))).toHaveLength(1)
    expect(response.headers.getSetCookie()[0]).not.toMatch(/^csrf_token_mock=AAAA;/)
  })

  test("a csrf_token that is not a string does not pass the check, even when it holds the flow's token", async () => {
    const h = harness()
    const { flow, cookie } = await h.start()
    const response = await h.update(flow.id, { method: 'password', password: 'correct horse battery staple', csrf_token: [getCsrfToken(flow)] }, cookie)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(((await response.json()) as Json)['state']).not.toBe('success')
  })
})

describe('boolean flags are read as strconv.ParseBool reads them', () => {
  test('every text ParseBool reads as true sets a lookup_secret flag in a form', async () => {
    const h = harness()
    const { flow, cookie } = await h.start()
    for (const text of ['1', 't', 'T', 'TRUE', 'true', 'True']) {
      const response = await h.update(flow.id, { lookup_secret_regenerate: text, csrf_token: getCsrfToken(flow) }, cookie, 'json-form')
      expect(response.status).toBe(200)
      expect(hasLookupCodes((await response.json()) as Json)).toBe(true)
    }
  })

  test('text ParseBool reads as false, or cannot read, sets no flag', async () => {
    const h = harness()
    const { flow, cookie } = await h.start()
    const off = await h.update(flow.id, { lookup_secret_regenerate: 'false', csrf_token: getCsrfToken(flow) }, cookie, 'json-form')
    expect(off.status).toBe(400)
    expect(((await off.json()) as SettingsFlow).ui.messages?.map(({ id }) => id)).toEqual([4010004])
    const unreadable = await h.update(flow.id, { lookup_secret_regenerate: '11', csrf_token: getCsrfToken(flow) }, cookie, 'json-form')
    expect(unreadable.status).toBe(400)
    expect(hasLookupCodes((await unreadable.json()) as Json)).toBe(false)
  })
})

describe('form bodies, as Kratos’ decoder reads repeated names (oryx/decoderx/http.go:445, :495)', () => {
  test('a text field takes its first value, even an empty one; a boolean field its last', () => {
    const body = parseFormBody(
      'method=profile&traits.email=first%40example.com&traits.email=second%40example.com&traits.name.first=&traits.name.first=Ada&lookup_secret_reveal=false&lookup_secret_reveal=true',
    )
    expect(JSON.parse(JSON.stringify(body))).toEqual({ method: 'profile', traits: { email: 'first@example.com' }, lookup_secret_reveal: 'true' })
  })
})

test('a boolean field is true only for Go’s true spellings, as text or JSON; a number is not a boolean', () => {
  expect(['1', 't', 'T', 'TRUE', 'true', 'True', true].map(isTrue)).toEqual(Array(7).fill(true))
  expect(['0', 'false', 'yes', '', 1, null, undefined].map(isTrue)).toEqual(Array(7).fill(false))
})
