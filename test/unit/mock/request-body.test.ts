import { describe, expect, test } from 'vitest'
import type { SettingsFlow } from '../../../src/index.js'
import { isNodeType } from '../../../src/utils/ui-nodes.js'
import { getCsrfToken, harness } from '../../contract/behaviour/harness.js'
import { isTrue, parseFormBody } from '../../../src/mock/request-body.js'

type Json = Record<string, any>

const hasLookupCodes = (flow: Json) => (flow as SettingsFlow).ui.nodes.some((node) => isNodeType(node, 'text') && node.attributes.id === 'lookup_secret_codes')

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

  test('a field the identity schema makes a boolean takes its last value too: a checkbox after its hidden "false"', () => {
    const body = parseFormBody('traits.newsletter=false&traits.newsletter=true&traits.nick=a&traits.nick=b', (name) => name === 'traits.newsletter')
    expect(JSON.parse(JSON.stringify(body))).toEqual({ traits: { newsletter: 'true', nick: 'a' } })
  })
})

test('a boolean field is true only for Go’s true spellings, as text or JSON; a number is not a boolean', () => {
  expect(['1', 't', 'T', 'TRUE', 'true', 'True', true].map(isTrue)).toEqual(Array(7).fill(true))
  expect(['0', 'false', 'yes', '', 1, null, undefined].map(isTrue)).toEqual(Array(7).fill(false))
})
