import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createKratosClient, type UpdateSettingsFlowResult } from '../../src/index.js'
import { makeKratosError } from '../../src/mock/index.js'
import { openapi, validate } from '../helpers/openapi.js'
import { arbitraryFromSchema } from './schema-arbitrary.js'
import { leakedSecrets } from '../helpers/leaks.js'
import { KNOWN_ERROR_IDS } from '../helpers/known-error-ids.js'

// Arbitrary responses through every operation, answered by an injected fetch (no network, so
// ten thousand cases take seconds). fast-check prints the seed and the shrunk case on failure.
// Mutation testing runs this for every mutant it covers: fewer cases there.
const RUNS_PER_OPERATION = process.env['KRATOS_SETTINGS_MUTATION'] === '1' ? 300 : 3_400
const REDIRECTS = new Set([301, 302, 303, 307, 308])
const NULL_BODY = new Set([204, 205, 304])

type Body = { readonly kind: 'flow'; readonly value: unknown } | { readonly kind: 'known-error'; readonly value: unknown } | { readonly kind: 'other'; readonly text: string | Uint8Array<ArrayBuffer> }

// Every case plants a secret: the value of the request's session cookie, which bodies and
// Set-Cookie headers echo in their own ways. `SECRET` in a generated body stands for it.
const SECRET = '@@SECRET@@'
// Shaped like Kratos' cookie values (base64 with + / and = padding), so that echoes must encode it.
const secret = fc.stringMatching(/^[A-Za-z0-9+/_-]{16,40}={0,2}$/)
// The encodings an echo uses; `@@SECRET:<name>@@` in a generated body stands for the secret so encoded.
const ENCODINGS: Record<string, (value: string) => string> = {
  percent: (value) => encodeURIComponent(value),
  'percent-lower': (value) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  html: (value) => value.replace(/[+/=]/g, (character) => `&#${character.charCodeAt(0)};`),
  'html-hex': (value) => value.replace(/[+/=]/g, (character) => `&#x${character.charCodeAt(0).toString(16)};`),
  'form-decoded': (value) => value.replaceAll('+', ' '),
  'json-slash': (value) => value.replaceAll('/', '\\/'),
}
const encodedSecret = fc.constantFrom(...Object.keys(ENCODINGS)).map((name) => `@@SECRET:${name}@@`)
/** `text` with each secret placeholder replaced by the planted secret, as it is or encoded. */
const plant = (text: string, planted: string) => text.replaceAll(SECRET, planted).replace(/@@SECRET:([a-z-]+)@@/g, (_placeholder, name: string) => ENCODINGS[name]!(planted))
/** Every form in which the planted secret must not be found in an error. */
const forms = (planted: string) => [planted, ...Object.values(ENCODINGS).map((encode) => encode(planted))]
// Strings as a hostile upstream writes them: control characters, escapes, hostile keys.
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '\r\nINFO forged', '\u001b[2J', '\u009b31m', '\u202e', SECRET, `Cookie: ory_kratos_session=${SECRET}`),
)
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileText, fc.integer(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(hostileText, tie('value'), { maxKeys: 3 })),
})).value
const nested = (depth: number, inner: string) => '['.repeat(depth) + inner + ']'.repeat(depth)

const flow = arbitraryFromSchema(openapi, 'settingsFlow')
const body: fc.Arbitrary<Body> = fc.oneof(
  flow.map((value) => ({ kind: 'flow' as const, value })),
  fc.tuple(fc.constantFrom(...KNOWN_ERROR_IDS), hostileText).map(([id, reason]) => {
    const value = makeKratosError(id) as { error: Record<string, unknown> }
    value.error['reason'] = reason
    value.error['details'] = { echo: SECRET }
    return { kind: 'known-error' as const, value }
  }),
  fc.tuple(fc.string({ minLength: 1, maxLength: 30 }), hostileText).map(([id, message]) => ({ kind: 'other' as const, text: JSON.stringify({ error: { id: `x_${id}`, code: 400, message } }) })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'other' as const, text: JSON.stringify(value) ?? '' })),
  hostileJson.map((value) => ({ kind: 'other' as const, text: JSON.stringify({ error: value, note: value }) })),
  fc.integer({ min: 60, max: 3_000 }).map((depth) => ({ kind: 'other' as const, text: nested(depth, `"${SECRET}"`) })),
  flow.map((value) => ({ kind: 'other' as const, text: JSON.stringify(value).slice(0, -7) })),
  hostileText.map((text) => ({ kind: 'other' as const, text: `<html><body><h1>502 Bad Gateway</h1><pre>${text}\nCookie: ory_kratos_session=${SECRET}</pre></body></html>` })),
  hostileText.map((text) => ({ kind: 'other' as const, text: `<form><input type="hidden" name="csrf_token" value="${SECRET}">${text}</form>` })),
  fc.tuple(encodedSecret, hostileText).map(([encoded, text]) => ({ kind: 'other' as const, text: `<p>${text} your cookie: ${encoded}</p>` })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: 'other' as const, text: Uint8Array.from(bytes) })),
  fc.constant({ kind: 'other' as const, text: '' }),
)
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/html', 'application/octet-stream', 'application/problem+json')
// Set-Cookie values as servers send them: printable, no CR/LF (Headers would refuse those); some carry the secret.
const setCookie = fc.array(fc.oneof(fc.stringMatching(/^[a-z_]{1,10}=[\x21-\x3a\x3c-\x7e]{0,20}(; Path=\/)?(; HttpOnly)?$/), fc.constant(`ory_kratos_session=${SECRET}; Path=/`)), { maxLength: 4 })
const status = fc.integer({ min: 100, max: 599 })

/** A Response as fetch would hand it over. fetch never surfaces a 1xx, and Response refuses one; the status is set over a 200. */
function respond(code: number, payload: Body, type: string | undefined, cookies: string[], planted: string): Response {
  const headers = new Headers(type === undefined ? {} : { 'content-type': type })
  for (const cookie of cookies) headers.append('set-cookie', plant(cookie, planted))
  if (REDIRECTS.has(code)) headers.set('location', '/ui/settings?flow=f')
  const raw = payload.kind === 'other' ? payload.text : JSON.stringify(payload.value)
  const text = typeof raw === 'string' ? plant(raw, planted) : raw
  const response = new Response(NULL_BODY.has(code) ? null : text, { status: code < 200 ? 200 : code, headers })
  if (code < 200) Object.defineProperty(response, 'status', { value: code })
  return response
}

/** The kinds a response may become, from what was sent (docs/kratos-behaviour.md for the id-less answers of get and update). */
function allowedKinds(code: number, payload: Body, operation: keyof typeof operations): UpdateSettingsFlowResult['kind'][] {
  const create = operation === 'createBrowserSettingsFlow'
  if (code === 302 && !create) return ['error']
  if (REDIRECTS.has(code)) return ['redirect']
  if (code === 200) return payload.kind === 'flow' ? ['flow'] : ['unexpected']
  if (code === 400 && operation === 'updateSettingsFlow' && payload.kind === 'flow') return ['invalid']
  const idless = payload.kind === 'other' || (payload.kind === 'known-error' && !('id' in (payload.value as { error: object }).error))
  // An id-less herodot error is typed on get and update when its status names the condition.
  if (idless && !create && (code === 401 || code === 404 || (code === 410 && operation === 'getSettingsFlow'))) return ['error', 'unexpected']
  if (code >= 400 && payload.kind === 'known-error' && !idless) return ['error']
  return ['unexpected']
}

type Client = ReturnType<typeof createKratosClient>
const operations = {
  createBrowserSettingsFlow: (client: Client, cookie: string) => client.createBrowserSettingsFlow(undefined, cookie),
  getSettingsFlow: (client: Client, cookie: string) => client.getSettingsFlow('f1', cookie),
  updateSettingsFlow: (client: Client, cookie: string) => client.updateSettingsFlow('f1', { method: 'password', password: 'p', csrf_token: 't' }, cookie),
}
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\u200b\ufeff]/u

describe('the document-driven generator', () => {
  test('generates flows valid against openapi/settings.yaml', () => {
    fc.assert(
      fc.property(flow, (value) => validate('settingsFlow', value).length === 0),
      { numRuns: 300 },
    )
  })
})

describe.each(Object.entries(operations))('%s under arbitrary responses', (name, call) => {
  test(`${RUNS_PER_OPERATION} cases: never throws, the kind agrees with the status, setCookie is what was sent, no planted secret and no control character in an error`, async () => {
    await fc.assert(
      fc.asyncProperty(status, body, contentType, setCookie, secret, async (code, payload, type, cookies, planted) => {
        const client = createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch: async () => respond(code, payload, type, cookies, planted) })
        const result: UpdateSettingsFlowResult = await call(client, `theme=dark; ory_kratos_session=${planted}`)
        expect(allowedKinds(code, payload, name as keyof typeof operations)).toContain(result.kind)
        expect(result.status).toBe(code)
        expect(result.setCookie).toEqual(cookies.map((cookie) => plant(cookie, planted)))
        if (result.kind === 'error' || result.kind === 'unexpected') {
          expect(leakedSecrets(result.error, forms(planted))).toEqual([])
          expect(result.error.message).not.toMatch(UNSAFE)
        }
      }),
      { numRuns: RUNS_PER_OPERATION },
    )
    console.info(`fuzz: ${name}, ${RUNS_PER_OPERATION} cases passed`)
  }, 120_000)
})
