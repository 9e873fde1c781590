import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createKratosClient, KNOWN_ERROR_IDS, type UpdateSettingsFlowResult } from '../../src/index.js'
import { makeKratosError } from '../../src/msw/index.js'
import { openapi, validate } from '../helpers/openapi.js'
import { arbitraryFromSchema } from './schema-arbitrary.js'

// Arbitrary responses through every operation, answered by an injected fetch (no network, so
// ten thousand cases take seconds). fast-check prints the seed and the shrunk case on failure.
const RUNS_PER_OPERATION = 3_400
const REDIRECTS = new Set([301, 302, 303, 307, 308])
const NULL_BODY = new Set([204, 205, 304])

type Body =
  | { readonly kind: 'flow'; readonly value: unknown }
  | { readonly kind: 'known-error'; readonly value: unknown }
  | { readonly kind: 'other'; readonly text: string | Uint8Array<ArrayBuffer> }

const flow = arbitraryFromSchema(openapi, 'settingsFlow')
const body: fc.Arbitrary<Body> = fc.oneof(
  flow.map((value) => ({ kind: 'flow' as const, value })),
  fc.constantFrom(...KNOWN_ERROR_IDS).map((id) => ({ kind: 'known-error' as const, value: makeKratosError(id) })),
  fc.string({ minLength: 1, maxLength: 30 }).map((id) => ({ kind: 'other' as const, text: JSON.stringify({ error: { id: `x_${id}`, code: 400, message: 'm' } }) })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'other' as const, text: JSON.stringify(value) ?? '' })),
  flow.map((value) => ({ kind: 'other' as const, text: JSON.stringify(value).slice(0, -7) })),
  fc.constant({ kind: 'other' as const, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: 'other' as const, text: Uint8Array.from(bytes) })),
  fc.constant({ kind: 'other' as const, text: '' }),
)
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/html', 'application/octet-stream', 'application/problem+json')
// Set-Cookie values as servers send them: printable, no CR/LF (Headers would refuse those).
const setCookie = fc.array(fc.stringMatching(/^[a-z_]{1,10}=[\x21-\x3a\x3c-\x7e]{0,20}(; Path=\/)?(; HttpOnly)?$/), { maxLength: 4 })
const status = fc.integer({ min: 100, max: 599 })

/** A Response as fetch would hand it over. fetch never surfaces a 1xx, and Response refuses one; the status is set over a 200. */
function respond(code: number, payload: Body, type: string | undefined, cookies: string[]): Response {
  const headers = new Headers(type === undefined ? {} : { 'content-type': type })
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  if (REDIRECTS.has(code)) headers.set('location', '/ui/settings?flow=f')
  const text = payload.kind === 'other' ? payload.text : JSON.stringify(payload.value)
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

const operations = {
  createBrowserSettingsFlow: (client: ReturnType<typeof createKratosClient>) => client.createBrowserSettingsFlow(undefined, 'ory_kratos_session=s'),
  getSettingsFlow: (client: ReturnType<typeof createKratosClient>) => client.getSettingsFlow('f1', 'ory_kratos_session=s'),
  updateSettingsFlow: (client: ReturnType<typeof createKratosClient>) =>
    client.updateSettingsFlow('f1', { method: 'password', password: 'p', csrf_token: 't' }, 'ory_kratos_session=s'),
}

describe('the document-driven generator', () => {
  test('generates flows valid against openapi/settings.yaml', () => {
    fc.assert(fc.property(flow, (value) => validate('settingsFlow', value).length === 0), { numRuns: 300 })
  })
})

describe.each(Object.entries(operations))('%s under arbitrary responses', (name, call) => {
  test(`${RUNS_PER_OPERATION} cases: never throws, the kind agrees with the status, setCookie is what was sent`, async () => {
    await fc.assert(
      fc.asyncProperty(status, body, contentType, setCookie, async (code, payload, type, cookies) => {
        const client = createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch: async () => respond(code, payload, type, cookies) })
        const result: UpdateSettingsFlowResult = await call(client)
        expect(allowedKinds(code, payload, name as keyof typeof operations)).toContain(result.kind)
        expect(result.status).toBe(code)
        expect(result.setCookie).toEqual(cookies)
      }),
      { numRuns: RUNS_PER_OPERATION },
    )
    console.info(`fuzz: ${name}, ${RUNS_PER_OPERATION} cases passed`)
  }, 120_000)
})
