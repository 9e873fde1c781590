import { connect } from 'node:net'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { getCsrfToken, type SettingsFlow } from '../../../src/index.js'
import { DEFAULT_TRAITS_SCHEMA, SESSION_COOKIE, createMockKratos, makeKratosError, startMockKratos, type MockKratosOptions, type MockKratosServer, type TraitSchema } from '../../../src/mock/index.js'
import { KRATOS_ERRORS } from '../../../src/mock/fixtures.js'
import { CSRF_HINT_SERVER } from '../../../src/mock/fixtures.js'
import { coerceFormTraits, validateTraits } from '../../../src/mock/identity-schema.js'
import { DEFAULT_KRATOS_VERSION, VERSIONS } from '../../../src/mock/versions.js'
import { serve } from '../../../src/mock/serve.js'
import { createKratosHandlers } from '../../../src/msw/index.js'
import { encodeForm } from '../../../src/request/encode-form.js'

// The promise: the mock and its form parser cannot be driven into prototype pollution, nor into
// carrying one test's state into another. Every attack goes through an entry point a test suite
// uses: the fetch handler, the msw handlers, and the mock served over HTTP.

type Options = Omit<MockKratosOptions, 'baseUrl'>
type Json = Record<string, any>

interface Kratos {
  send(path: string, init?: RequestInit): Promise<Response>
}

interface Driver {
  readonly name: string
  start(options?: Options): Promise<Kratos>
}

const msw = setupServer()
const running: MockKratosServer[] = []
beforeAll(() => msw.listen({ onUnhandledFrame: 'bypass' }))
afterEach(async () => {
  msw.resetHandlers()
  await Promise.all(running.splice(0).map((server) => server.close()))
})
afterAll(() => msw.close())

const HANDLER_BASE = 'http://kratos.test'

/** The mock as its fetch handler, without a network. */
const handlerDriver: Driver = {
  name: 'fetch handler',
  async start(options = {}) {
    const kratos = createMockKratos({ ...options, baseUrl: HANDLER_BASE })
    return {
      async send(path, init) {
        const response = await kratos(new Request(`${HANDLER_BASE}/${path}`, init))
        if (response === undefined) throw new Error(`the mock does not serve ${path}`)
        return response
      },
    }
  },
}

let mswHosts = 0

const DRIVERS: Driver[] = [
  handlerDriver,
  {
    name: 'msw handlers',
    async start(options = {}) {
      // A host of its own: msw would answer a second mock's requests from the first one's handlers.
      const base = `http://msw-kratos-${++mswHosts}.test/auth`
      msw.use(...createKratosHandlers({ ...options, baseUrl: base }))
      return { send: (path, init) => fetch(`${base}/${path}`, { ...init, redirect: 'manual' }) }
    },
  },
  {
    name: 'HTTP on 127.0.0.1',
    async start(options = {}) {
      const server = await startMockKratos({ ...options, prefix: '/auth' })
      running.push(server)
      return { send: (path, init) => fetch(`${server.url}/${path}`, { ...init, redirect: 'manual' }) }
    },
  },
]

const FORM = 'application/x-www-form-urlencoded'
const PASSWORD = 'correct horse battery staple'
const NOT_INCLUDED = 'The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).'
const MISMATCH = 'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.'

/** A signed-in browser: a new flow for `token`, the cookies it now holds, and the flow's CSRF token. */
async function startFlow(kratos: Kratos, token = 'ada'): Promise<{ flow: SettingsFlow; cookie: string; csrfToken: string }> {
  const response = await kratos.send('self-service/settings/browser', { headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=${token}` } })
  expect(response.status).toBe(200)
  const flow = (await response.json()) as SettingsFlow
  const csrfCookie = response.headers.getSetCookie()[0]!.split(';')[0]!
  return { flow, cookie: `${SESSION_COOKIE}=${token}; ${csrfCookie}`, csrfToken: getCsrfToken(flow)! }
}

const updateInit = (body: string, cookie: string, type: string): RequestInit => ({
  method: 'POST',
  headers: { accept: 'application/json', 'content-type': type, cookie },
  body,
})

function update(kratos: Kratos, flowId: string, body: string, cookie: string, type = FORM): Promise<Response> {
  return kratos.send(`self-service/settings?flow=${flowId}`, updateInit(body, cookie, type))
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort()
const PROTOTYPE_SYMBOLS = Object.getOwnPropertySymbols(Object.prototype)

/** Object.prototype as it was when the file loaded: no new own property, nothing a fresh object inherits. */
function expectCleanPrototype(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES)
  expect(Object.getOwnPropertySymbols(Object.prototype)).toEqual(PROTOTYPE_SYMBOLS)
  const probe: Json = {}
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype)
  expect(probe['x']).toBeUndefined()
  expect(probe['csrf_token']).toBeUndefined()
  expect(probe['email']).toBeUndefined()
}

// A failed test must not poison the ones after it.
afterEach(() => {
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!PROTOTYPE_NAMES.includes(name)) delete (Object.prototype as Json)[name]
  }
})

async function expectCsrfViolation(response: Response, rejectReason?: string, hint?: string): Promise<Json> {
  expect(response.status).toBe(403)
  const body = (await response.json()) as Json
  expect(body['error']).toMatchObject({ id: 'security_csrf_violation', code: 403 })
  if (rejectReason !== undefined) expect(body['error'].details.reject_reason).toBe(rejectReason)
  if (hint !== undefined) expect(body['error'].details.hint).toBe(hint)
  return body
}

/** A later update, in a new flow of another user, with a forged token, a token for another cookie, or none: Kratos' CSRF error every time. */
async function expectForgedTokensRejected(kratos: Kratos): Promise<void> {
  const { flow, cookie } = await startFlow(kratos, 'later-user')
  const other = await startFlow(kratos, 'other-user')
  const password = `method=password&password=${encodeURIComponent(PASSWORD)}`
  await expectCsrfViolation(await update(kratos, flow.id, `${password}&csrf_token=forged`, cookie), MISMATCH)
  await expectCsrfViolation(await update(kratos, flow.id, `${password}&csrf_token=${encodeURIComponent(other.csrfToken)}`, cookie), MISMATCH)
  await expectCsrfViolation(await update(kratos, flow.id, password, cookie), undefined, NOT_INCLUDED)
  await expectCsrfViolation(await update(kratos, flow.id, JSON.stringify({ method: 'password', password, csrf_token: 'forged' }), cookie, 'application/json'), MISMATCH)
}

interface Attack {
  readonly name: string
  readonly type: string
  /** The body, given the flow's real CSRF token. */
  readonly body: (csrfToken: string) => string
  /** Kratos' answer: a CSRF error (the forged field dropped), the traits it saved, or the inputs it marked. */
  readonly expect: { csrf: 'not included' | 'mismatch' } | { traits: unknown } | { invalid: Record<string, number[]> }
}

const form = (fields: string, csrfToken?: string) => (csrfToken === undefined ? fields : `${fields}&csrf_token=${encodeURIComponent(csrfToken)}`)
const passwordForm = `method=password&password=${encodeURIComponent(PASSWORD)}`
const passwordJson = `"method":"password","password":"${PASSWORD}"`
const profileJson = (csrfToken: string, rest: string) => `{"method":"profile","csrf_token":"${csrfToken}",${rest}}`

const ATTACKS: Attack[] = [
  { name: 'form __proto__.csrf_token=forged', type: FORM, body: () => `__proto__.csrf_token=forged&${passwordForm}`, expect: { csrf: 'not included' } },
  { name: 'form constructor.prototype.csrf_token=forged', type: FORM, body: () => `constructor.prototype.csrf_token=forged&${passwordForm}`, expect: { csrf: 'not included' } },
  { name: 'form prototype.csrf_token=forged', type: FORM, body: () => `prototype.csrf_token=forged&${passwordForm}`, expect: { csrf: 'not included' } },
  { name: 'form __proto__=forged', type: FORM, body: () => `__proto__=forged&${passwordForm}`, expect: { csrf: 'not included' } },
  {
    name: 'form transient_payload with a __proto__ key',
    type: FORM,
    body: () => `transient_payload=${encodeURIComponent('{"__proto__":{"csrf_token":"forged"}}')}&${passwordForm}`,
    expect: { csrf: 'not included' },
  },
  {
    name: 'form traits.__proto__.x=1',
    type: FORM,
    body: (csrf) => form('method=profile&traits.email=eve%40example.org&traits.__proto__.x=1', csrf),
    expect: { traits: { email: 'eve@example.org' } },
  },
  {
    name: 'form traits.constructor.prototype.x=1',
    type: FORM,
    body: (csrf) => form('method=profile&traits.email=eve%40example.org&traits.constructor.prototype.x=1&traits.name.prototype.x=1', csrf),
    expect: { traits: { email: 'eve@example.org' } },
  },
  {
    name: 'form traits with empty path segments',
    type: FORM,
    body: (csrf) => form('method=profile&traits.email=eve%40example.org&traits.=1&traits..x=1&.traits=1', csrf),
    expect: { traits: { email: 'eve@example.org' } },
  },
  {
    name: 'form traits.__proto__.email standing in for a missing email',
    type: FORM,
    body: (csrf) => form('method=profile&traits.__proto__.email=mallory%40evil.example&traits.name.first=Eve', csrf),
    expect: { invalid: { 'traits.email': [4000002] } },
  },
  {
    name: 'encodeForm of JSON-parsed traits with an own __proto__ key',
    type: FORM,
    body: (csrf) => encodeForm({ method: 'profile', csrf_token: csrf, traits: JSON.parse('{"email":"eve@example.org","__proto__":{"csrf_token":"forged","x":"1"}}') }),
    expect: { traits: { email: 'eve@example.org' } },
  },
  {
    name: 'encodeForm of a JSON-parsed body with an own __proto__ key',
    type: FORM,
    body: () => encodeForm(JSON.parse(`{"__proto__":{"csrf_token":"forged"},${passwordJson}}`)),
    expect: { csrf: 'not included' },
  },
  { name: 'JSON {"__proto__":{"csrf_token":"forged"}}', type: 'application/json', body: () => `{"__proto__":{"csrf_token":"forged"},${passwordJson}}`, expect: { csrf: 'mismatch' } },
  {
    name: 'JSON {"constructor":{"prototype":{"csrf_token":"forged"}}}',
    type: 'application/json',
    body: () => `{"constructor":{"prototype":{"csrf_token":"forged"}},${passwordJson}}`,
    expect: { csrf: 'mismatch' },
  },
  {
    name: 'JSON with dotted __proto__ and constructor names',
    type: 'application/json',
    body: () => `{"__proto__.csrf_token":"forged","constructor.prototype.csrf_token":"forged","traits.__proto__.x":"1",${passwordJson}}`,
    expect: { csrf: 'mismatch' },
  },
  {
    name: 'JSON transient_payload with a __proto__ key',
    type: 'application/json',
    body: () => `{"transient_payload":{"__proto__":{"csrf_token":"forged"}},${passwordJson}}`,
    expect: { csrf: 'mismatch' },
  },
  // Kratos keeps traits its schema does not forbid; such a key is saved as data, like any other.
  {
    name: 'JSON traits with an own __proto__ key',
    type: 'application/json',
    body: (csrf) => profileJson(csrf, '"traits":{"email":"eve@example.org","__proto__":{"x":"1","csrf_token":"forged"}}'),
    expect: { traits: JSON.parse('{"email":"eve@example.org","__proto__":{"x":"1","csrf_token":"forged"}}') },
  },
  {
    name: 'JSON traits with an own constructor key',
    type: 'application/json',
    body: (csrf) => profileJson(csrf, '"traits":{"email":"eve@example.org","constructor":{"prototype":{"x":"1"}},"toString":"x"}'),
    expect: { traits: { email: 'eve@example.org', constructor: { prototype: { x: '1' } }, toString: 'x' } },
  },
  {
    name: 'JSON traits whose __proto__ key stands in for a missing email',
    type: 'application/json',
    body: (csrf) => profileJson(csrf, '"traits":{"__proto__":{"email":"mallory@evil.example"}}'),
    expect: { invalid: { 'traits.email': [4000002] } },
  },
  {
    name: 'JSON traits with a __proto__ key beside a dotted trait',
    type: 'application/json',
    body: (csrf) => profileJson(csrf, '"traits":{"email":"eve@example.org"},"traits.__proto__.x":"1","traits.constructor.prototype.x":"1"'),
    expect: { traits: { email: 'eve@example.org' } },
  },
]

describe.each(DRIVERS)('$name', (driver) => {
  describe('attacks on the body parser', () => {
    test.each(ATTACKS)('$name: Kratos’ answer, Object.prototype untouched, forged tokens still rejected', async (attack) => {
      const kratos = await driver.start()
      const { flow, cookie, csrfToken } = await startFlow(kratos)
      const response = await update(kratos, flow.id, attack.body(csrfToken), cookie, attack.type)
      expectCleanPrototype()
      if ('csrf' in attack.expect) {
        if (attack.expect.csrf === 'not included') await expectCsrfViolation(response, undefined, NOT_INCLUDED)
        else await expectCsrfViolation(response, MISMATCH)
      } else if ('traits' in attack.expect) {
        expect(response.status).toBe(200)
        const saved = (await response.json()) as Json
        expect(saved['state']).toBe('success')
        // As text: exact keys and order, and no comparison of `constructor` members.
        expect(JSON.stringify(saved['identity'].traits)).toBe(JSON.stringify(attack.expect.traits))
        // The next flow shows the saved traits.
        const next = await startFlow(kratos)
        expect(JSON.stringify(next.flow.identity.traits)).toBe(JSON.stringify(attack.expect.traits))
      } else {
        expect(response.status).toBe(400)
        const invalid = (await response.json()) as SettingsFlow
        const marked = Object.fromEntries(
          invalid.ui.nodes.filter((node) => node.messages.length > 0).map((node) => [node.attributes.node_type === 'input' ? node.attributes.name : '', node.messages.map(({ id }) => id)]),
        )
        expect(marked).toEqual(attack.expect.invalid)
      }
      expectCleanPrototype()
      await expectForgedTokensRejected(kratos)
      expectCleanPrototype()
    })
  })

  describe('flow ids, error ids and session tokens named like Object.prototype members', () => {
    const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']

    test.each(NAMES)('a flow or error id %s is unknown', async (name) => {
      const kratos = await driver.start()
      const { cookie } = await startFlow(kratos)
      const get = await kratos.send(`self-service/settings/flows?id=${name}`, { headers: { accept: 'application/json', cookie } })
      expect(get.status).toBe(404)
      expect(await get.json()).toEqual({ error: { code: 404, status: 'Not Found', message: 'Unable to locate the resource' } })
      const post = await update(kratos, name, form(passwordForm), cookie)
      expect(post.status).toBe(400)
      expect(((await post.json()) as Json)['error'].reason).toBe('The flow query parameter is missing or malformed.')
      const error = await kratos.send(`self-service/errors?id=${name}`)
      expect(error.status).toBe(404)
      expect(await error.json()).toEqual({ error: { code: 404, status: 'Not Found', message: 'Unable to locate the resource' } })
      expectCleanPrototype()
    })

    test('session tokens __proto__, constructor, toString, hasOwnProperty are sessions of their own identities', async () => {
      const kratos = await driver.start()
      const tokens = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']
      const started = await Promise.all(tokens.map((token) => startFlow(kratos, token)))
      const identities = started.map(({ flow }) => flow.identity.id)
      expect(new Set(identities).size).toBe(tokens.length)
      // A token names its identity, whose email is <name>@example.com: the names stay plain strings.
      for (const [index, { flow }] of started.entries()) expect(flow.identity.traits).toEqual({ email: `${tokens[index]!}@example.com`, name: { first: 'Ada', last: 'Lovelace' } })
      const [proto, ctor] = started as [(typeof started)[0], (typeof started)[0]]
      const own = await kratos.send(`self-service/settings/flows?id=${proto.flow.id}`, { headers: { accept: 'application/json', cookie: proto.cookie } })
      expect(own.status).toBe(200)
      const foreign = await kratos.send(`self-service/settings/flows?id=${proto.flow.id}`, { headers: { accept: 'application/json', cookie: ctor.cookie } })
      expect(foreign.status).toBe(403)
      expect(((await foreign.json()) as Json)['error'].id).toBe('security_identity_mismatch')
      // `stale-<name>` is the same identity, signed in long ago.
      const stale = await startFlow(kratos, 'stale-constructor')
      expect(stale.flow.identity.id).toBe(ctor.flow.identity.id)
      await expectCsrfViolation(await update(kratos, proto.flow.id, form(passwordForm, 'forged'), proto.cookie), MISMATCH)
      const saved = await update(kratos, proto.flow.id, form(passwordForm, proto.csrfToken), proto.cookie)
      expect(saved.status).toBe(200)
      expectCleanPrototype()
    })
  })

  describe('state', () => {
    test('two mocks share no flow, session, identity or stored error', async () => {
      const one = await driver.start({ uiUrl: 'http://app.test/ui' })
      const two = await driver.start({ uiUrl: 'http://app.test/ui' })
      const first = await startFlow(one)
      const saved = await update(one, first.flow.id, form('method=profile&traits.email=eve%40example.org', first.csrfToken), first.cookie)
      expect(saved.status).toBe(200)

      const get = await two.send(`self-service/settings/flows?id=${first.flow.id}`, { headers: { accept: 'application/json', cookie: first.cookie } })
      expect(get.status).toBe(404)
      const post = await update(two, first.flow.id, form(passwordForm, first.csrfToken), first.cookie)
      expect(post.status).toBe(404)
      const second = await startFlow(two)
      expect(second.flow.identity.id).not.toBe(first.flow.identity.id)
      expect(second.flow.identity.traits).toEqual({ email: 'ada@example.com', name: { first: 'Ada', last: 'Lovelace' } })
      // The CSRF cookie of one is honoured by the other only as what it is: 32 bytes, with a token masked from them.
      await expectCsrfViolation(await update(two, second.flow.id, form(passwordForm, first.csrfToken), second.cookie), MISMATCH)

      // An error one sent a browser to is unknown to the other.
      const browser = await one.send(`self-service/settings/browser?return_to=${encodeURIComponent('https://evil.example/')}`, { headers: { cookie: first.cookie } })
      expect(browser.status).toBe(303)
      const id = new URL(browser.headers.get('location')!).searchParams.get('id')!
      expect((await one.send(`self-service/errors?id=${id}`)).status).toBe(200)
      expect((await two.send(`self-service/errors?id=${id}`)).status).toBe(404)
    })
  })
})

/**
 * Sets `fields` on Object.prototype (as a polluted dependency elsewhere in the process would), and
 * `accessors` as getters and setters, while `run` runs.
 */
async function whilePolluted<T>(fields: Json, run: () => Promise<T>, accessors: Record<string, PropertyDescriptor> = {}): Promise<T> {
  const descriptors = { ...Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value, writable: true }])), ...accessors }
  for (const [key, descriptor] of Object.entries(descriptors)) Object.defineProperty(Object.prototype, key, { ...descriptor, configurable: true, enumerable: false })
  try {
    return await run()
  } finally {
    for (const key of Object.keys(descriptors)) delete (Object.prototype as Json)[key]
  }
}

// Defence in depth: even with Object.prototype already polluted, nothing the request did not send
// is read from it. Requests are built before polluting (the Request constructor reads inherited fields).
describe('with Object.prototype polluted by something else in the process', () => {
  const kratosOf = (options: Options = {}) => createMockKratos({ ...options, baseUrl: HANDLER_BASE })
  const handlerKratos = (kratos: ReturnType<typeof kratosOf>): Kratos => ({ send: async (path, init) => (await kratos(new Request(`${HANDLER_BASE}/${path}`, init)))! })
  const request = (flowId: string, body: string, cookie: string, type = FORM) => new Request(`${HANDLER_BASE}/self-service/settings?flow=${flowId}`, updateInit(body, cookie, type))

  test.each([
    ['form', FORM, passwordForm],
    ['JSON', 'application/json', `{${passwordJson}}`],
  ])('a %s body without csrf_token does not pass the CSRF check with an inherited valid token', async (_, type, body) => {
    const kratos = kratosOf()
    const { flow, cookie, csrfToken } = await startFlow(handlerKratos(kratos))
    const attack = request(flow.id, body, cookie, type)
    const response = (await whilePolluted({ csrf_token: csrfToken }, () => kratos(attack)))!
    await expectCsrfViolation(response, type === FORM ? undefined : MISMATCH, type === FORM ? NOT_INCLUDED : CSRF_HINT_SERVER)
  })

  test.each([
    ['an empty form', FORM, 'x=1'],
    ['an empty JSON object', 'application/json', '{}'],
    ['a JSON array', 'application/json', '[]'],
    ['JSON null', 'application/json', 'null'],
  ])('%s does not become an inherited password change', async (_, type, body) => {
    const kratos = kratosOf()
    const { flow, cookie, csrfToken } = await startFlow(handlerKratos(kratos))
    const attack = request(flow.id, body, cookie, type)
    const response = (await whilePolluted({ csrf_token: csrfToken, method: 'password', password: PASSWORD }, () => kratos(attack)))!
    expect(response.status).toBe(400)
    expect(((await response.json()) as SettingsFlow).ui.messages!.map(({ id }) => id)).toEqual([4010004])
  })

  test('a trait the schema does not list is not checked against an inherited schema', async () => {
    const kratos = kratosOf()
    const client = handlerKratos(kratos)
    const json = await startFlow(client)
    const jsonAttack = request(json.flow.id, profileJson(json.csrfToken, '"traits":{"email":"eve@example.org","nickname":"Eve"}'), json.cookie, 'application/json')
    const jsonResponse = (await whilePolluted({ nickname: { type: 'integer' } }, () => kratos(jsonAttack)))!
    expect(jsonResponse.status).toBe(200)
    expect(((await jsonResponse.json()) as SettingsFlow).identity.traits).toEqual({ email: 'eve@example.org', nickname: 'Eve' })

    // A form's text is not converted by an inherited schema either.
    const text = await startFlow(client)
    const formAttack = request(text.flow.id, form('method=profile&traits.email=eve%40example.org&traits.nickname=42', text.csrfToken), text.cookie)
    const formResponse = (await whilePolluted({ nickname: { type: 'integer' } }, () => kratos(formAttack)))!
    expect(formResponse.status).toBe(200)
    expect(((await formResponse.json()) as SettingsFlow).identity.traits).toEqual({ email: 'eve@example.org', nickname: '42' })
  })

  test('a dotted form name is not written into an inherited object', async () => {
    const kratos = kratosOf()
    const { flow, cookie, csrfToken } = await startFlow(handlerKratos(kratos))
    const shared: Json = {}
    const attack = request(flow.id, form('method=profile&traits.email=eve%40example.org&traits.nickname.first=Eve', csrfToken), cookie)
    const response = (await whilePolluted({ nickname: shared }, () => kratos(attack)))!
    expect(response.status).toBe(200)
    expect(((await response.json()) as SettingsFlow).identity.traits).toEqual({ email: 'eve@example.org', nickname: { first: 'Eve' } })
    expect(shared).toEqual({})
  })

  test('a dotted name in a JSON body becomes a field of the parsed traits, not of an inherited object or setter', async () => {
    const kratos = kratosOf()
    const { flow, cookie, csrfToken } = await startFlow(handlerKratos(kratos))
    const shared: Json = {}
    const set: unknown[] = []
    const fields = '"traits":{"email":"eve@example.org"},"traits.nickname.first":"Eve","traits.alias.first":"E","traits.handle":"eve"'
    const attack = request(flow.id, profileJson(csrfToken, fields), cookie, 'application/json')
    const inherited = { get: () => undefined, set: (value: unknown) => void set.push(value) }
    const response = (await whilePolluted({ nickname: shared }, () => kratos(attack), { alias: inherited, handle: inherited }))!
    expect(response.status).toBe(200)
    expect(((await response.json()) as SettingsFlow).identity.traits).toEqual({ email: 'eve@example.org', nickname: { first: 'Eve' }, alias: { first: 'E' }, handle: 'eve' })
    expect(shared).toEqual({})
    expect(set).toEqual([])
  })

  // A schema where the email is protected (a login identifier) but not required.
  const OPTIONAL_EMAIL: TraitSchema = {
    type: 'object',
    properties: { email: { type: 'string', format: 'email', 'ory.sh/kratos': { credentials: { password: { identifier: true } } } }, nickname: { type: 'string' } },
  }

  test('removing a protected trait needs a recent login, even when an inherited value equals the old one', async () => {
    const kratos = kratosOf({ traitsSchema: OPTIONAL_EMAIL })
    const { flow, cookie, csrfToken } = await startFlow(handlerKratos(kratos), 'stale-ada')
    const attack = request(flow.id, profileJson(csrfToken, '"traits":{"nickname":"Ada"}'), cookie, 'application/json')
    const response = (await whilePolluted({ email: 'ada@example.com' }, () => kratos(attack)))!
    expect(response.status).toBe(403)
    expect(((await response.json()) as Json)['error'].id).toBe('session_refresh_required')
  })

  test('the verification of a new address and the values shown follow own traits only', async () => {
    const kratos = kratosOf({ traitsSchema: OPTIONAL_EMAIL, verificationHook: true })
    const client = handlerKratos(kratos)
    const first = await startFlow(client, 'bob')
    const remove = request(first.flow.id, profileJson(first.csrfToken, '"traits":{"nickname":"Bob"}'), first.cookie, 'application/json')
    const removed = (await whilePolluted({ email: 'mallory@evil.example' }, () => kratos(remove)))!
    expect(removed.status).toBe(200)
    const removedBody = (await removed.json()) as Json
    expect(removedBody['identity'].traits).toEqual({ nickname: 'Bob' })
    expect(removedBody['continue_with'].map(({ action }: Json) => action)).toEqual(['redirect_browser_to'])

    // The identity has no email now: a new flow shows none, whatever Object.prototype holds.
    const create = new Request(`${HANDLER_BASE}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie: first.cookie } })
    const created = (await whilePolluted({ email: 'mallory@evil.example' }, () => kratos(create)))!
    const flow = (await created.json()) as SettingsFlow
    const emailInput = flow.ui.nodes.find((node) => node.attributes.node_type === 'input' && node.attributes.name === 'traits.email')!
    expect(emailInput.attributes).not.toHaveProperty('value')

    // Adding an address is a change, and Kratos asks to verify it.
    const add = request(flow.id, profileJson(getCsrfToken(flow)!, '"traits":{"email":"mallory@evil.example","nickname":"Bob"}'), first.cookie, 'application/json')
    const added = (await whilePolluted({ email: 'mallory@evil.example' }, () => kratos(add)))!
    expect(added.status).toBe(200)
    const addedBody = (await added.json()) as Json
    expect(addedBody['continue_with'][0]).toMatchObject({ action: 'show_verification_ui', flow: { verifiable_address: 'mallory@evil.example' } })
  })

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('makeKratosError(%s) is an id Kratos does not know', async (id) => {
    const body = await whilePolluted({ reason: 'inherited', details: { inherited: true }, extra: { inherited: true } }, async () => makeKratosError(id))
    expect(body).toEqual({ error: { id, code: 400, status: 'Bad Request', message: `An error with id ${id} occurred.` } })
  })
})

describe('options and shared constants', () => {
  test('changing the options a mock was created with changes nothing in it', async () => {
    const traitsSchema: TraitSchema = structuredClone(DEFAULT_TRAITS_SCHEMA)
    const options: MockKratosOptions = { baseUrl: HANDLER_BASE, oidcProviders: ['github'], traitsSchema }
    const first = createMockKratos(options)
    options.oidcProviders!.push('gitlab')
    traitsSchema.required!.push('nickname')
    options.disabledMethods = ['profile']
    const second = createMockKratos(options)
    const kratos: Kratos = { send: async (path, init) => (await first(new Request(`${HANDLER_BASE}/${path}`, init)))! }

    const { flow, cookie, csrfToken } = await startFlow(kratos)
    const link = await update(kratos, flow.id, 'link=gitlab', cookie)
    expect(link.status).toBe(400)
    expect(((await link.json()) as SettingsFlow).ui.messages?.[0]?.text).toBe('can not link unknown or already existing OpenID Connect connection')
    const saved = await update(kratos, flow.id, form('method=profile&traits.email=eve%40example.org', csrfToken), cookie)
    expect(saved.status).toBe(200)

    // The second mock took the options as they were when it was created.
    const other = await second(new Request(`${HANDLER_BASE}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie } }))
    expect(((await other!.json()) as SettingsFlow).ui.nodes.some((node) => node.group === 'profile')).toBe(false)
  })

  test('one mock’s options do not leak into another created from the same object', async () => {
    const options: MockKratosOptions = { baseUrl: HANDLER_BASE, oidcProviders: ['github'] }
    const first = createMockKratos(options)
    const second = createMockKratos({ ...options, oidcProviders: ['gitlab'], disabledMethods: ['profile'] })
    const kratos: Kratos = { send: async (path, init) => (await first(new Request(`${HANDLER_BASE}/${path}`, init)))! }
    const { flow, cookie } = await startFlow(kratos)
    expect((await update(kratos, flow.id, 'link=github', cookie)).status).toBe(422)
    expect((await update(kratos, flow.id, 'link=gitlab', cookie)).status).toBe(400)
    const other = await second(new Request(`${HANDLER_BASE}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie } }))
    expect(((await other!.json()) as SettingsFlow).ui.nodes.some((node) => node.group === 'profile')).toBe(false)
  })

  test('DEFAULT_TRAITS_SCHEMA, which every mock shares, cannot be changed', async () => {
    expect(() => (DEFAULT_TRAITS_SCHEMA.required as string[]).push('name')).toThrow(TypeError)
    expect(() => {
      DEFAULT_TRAITS_SCHEMA.properties!['email']!.format = 'uri'
    }).toThrow(TypeError)
    expect(() => {
      DEFAULT_TRAITS_SCHEMA.properties!['name']!.properties!['first']!.maxLength = 1
    }).toThrow(TypeError)
    expect(() => {
      ;(DEFAULT_TRAITS_SCHEMA as Json)['ory.sh/kratos'] = {}
    }).toThrow(TypeError)
    // A mock created afterwards still checks the default schema.
    const kratos = await handlerDriver.start()
    const { flow, cookie, csrfToken } = await startFlow(kratos)
    const saved = await update(kratos, flow.id, form('method=profile&traits.email=eve%40example.org&traits.name.first=Evelyn', csrfToken), cookie)
    expect(saved.status).toBe(200)
  })

  test('changing an error body from makeKratosError changes no later body, and KRATOS_ERRORS cannot be changed', async () => {
    const first = makeKratosError('security_csrf_violation')
    first.error.details!['hint'] = 'changed by a test'
    expect(makeKratosError('security_csrf_violation').error.details).toEqual(KRATOS_ERRORS.security_csrf_violation.details)
    expect(KRATOS_ERRORS.security_csrf_violation.details!['hint']).toBe(CSRF_HINT_SERVER)
    expect(() => {
      KRATOS_ERRORS.session_aal2_required.details!['redirect_browser_to'] = 'https://evil.example/'
    }).toThrow(TypeError)
    expect(() => {
      ;(KRATOS_ERRORS.session_inactive.extra as Json)['CredentialsMissing'] = true
    }).toThrow(TypeError)
    expect(() => {
      ;(KRATOS_ERRORS as Json)['session_inactive'] = {}
    }).toThrow(TypeError)
    const kratos = await handlerDriver.start()
    const { flow, cookie } = await startFlow(kratos)
    const response = await update(kratos, flow.id, form('method=password&password=a-new-password', 'forged'), cookie)
    expect(((await response.json()) as Json)['error'].details.hint).toBe(CSRF_HINT_SERVER)
  })

  // The mock has no reset: its state lives in the handler, so a new handler is a clean Kratos.
  test('msw handlers created for the next test know nothing of the previous one’s', async () => {
    const base = 'http://msw-kratos.test'
    const kratos: Kratos = { send: (path, init) => fetch(`${base}/${path}`, { ...init, redirect: 'manual' }) }
    msw.use(...createKratosHandlers({ baseUrl: base }))
    const { flow, cookie } = await startFlow(kratos)
    msw.resetHandlers()
    msw.use(...createKratosHandlers({ baseUrl: base }))
    const get = await kratos.send(`self-service/settings/flows?id=${flow.id}`, { headers: { accept: 'application/json', cookie } })
    expect(get.status).toBe(404)
  })
})

describe('the schema helpers, given traits with own __proto__ and constructor keys', () => {
  const traits = () => JSON.parse('{"email":"eve@example.org","__proto__":{"email":"mallory@evil.example","x":"1"},"constructor":{"prototype":{"x":"1"}}}') as Json

  test('coerceFormTraits keeps them as fields and never sets a prototype', () => {
    const coerced = coerceFormTraits(DEFAULT_TRAITS_SCHEMA, traits()) as Json
    expect(Object.getPrototypeOf(coerced)).toBe(Object.prototype)
    expect(Object.keys(coerced)).toEqual(['email', '__proto__', 'constructor'])
    expect(Object.getOwnPropertyDescriptor(coerced, '__proto__')?.value).toEqual({ email: 'mallory@evil.example', x: '1' })
    expect(coerced['x']).toBeUndefined()
    expectCleanPrototype()
  })

  test('coerceFormTraits converts only the traits its schema lists', () => {
    const schema: TraitSchema = { type: 'object', properties: { age: { type: 'integer' }, name: { type: 'object', properties: { admin: { type: 'boolean' } } } } }
    const coerced = coerceFormTraits(schema, { age: '42', constructor: '1', toString: 'true', name: { admin: 'true', valueOf: '1' } })
    expect(coerced).toEqual({ age: 42, constructor: '1', toString: 'true', name: { admin: true, valueOf: '1' } })
  })

  test('validateTraits checks the listed traits and finds a missing one, whatever the extra keys say', () => {
    expect(validateTraits(DEFAULT_TRAITS_SCHEMA, traits(), VERSIONS[DEFAULT_KRATOS_VERSION])).toEqual([])
    const missing = JSON.parse('{"__proto__":{"email":"mallory@evil.example"},"constructor":"x"}') as Json
    expect(validateTraits(DEFAULT_TRAITS_SCHEMA, missing, VERSIONS[DEFAULT_KRATOS_VERSION]).map(({ name }) => name)).toEqual(['traits.email'])
  })
})

describe('serving over HTTP', () => {
  /** Sends `head` as a raw HTTP/1.0 request (no chunked answer) to `origin`; returns the status and body. */
  function raw(origin: string, head: string): Promise<{ status: number; body: string }> {
    const { hostname, port } = new URL(origin)
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end(`${head}\r\nConnection: close\r\n\r\n`))
      let data = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => (data += chunk))
      socket.on('error', reject)
      socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) }))
    })
  }

  test('a request target //host/path is a path on the mock, not another host', async () => {
    const server = await startMockKratos()
    running.push(server)
    const headers = `Host: ${new URL(server.url).host}\r\nAccept: application/json\r\nCookie: ${SESSION_COOKIE}=ada`
    const answer = await raw(server.url, `GET //evil.example/self-service/settings/browser HTTP/1.0\r\n${headers}`)
    expect(answer.status).toBe(404)
    // An absolute-form target is read for its path and query only.
    const absolute = await raw(server.url, `GET http://evil.example/self-service/settings/browser?return_to=%2Fback HTTP/1.0\r\n${headers}`)
    expect(absolute.status).toBe(200)
    const flow = JSON.parse(absolute.body) as SettingsFlow
    expect(flow.request_url).toBe(`${server.url}/self-service/settings/browser?return_to=%2Fback`)
  })

  test('a response header named __proto__ reaches the client', async () => {
    const server = await serve(
      () =>
        new Response('ok', {
          headers: [
            ['__proto__', 'kept'],
            ['x-other', 'also'],
          ],
        }),
    )
    try {
      const response = await fetch(server.origin)
      expect(response.headers.get('__proto__')).toBe('kept')
      expect(response.headers.get('x-other')).toBe('also')
      expectCleanPrototype()
    } finally {
      await server.close()
    }
  })
})

describe('a long run keeps the state bounded', () => {
  test('the newest 1,000 flows are kept: the first of 1,001 is gone, as Kratos answers a flow it cleaned up', async () => {
    const { createMockKratos, SESSION_COOKIE: cookieName } = await import('../../../src/mock/index.js')
    const kratos = createMockKratos({ baseUrl: 'http://kratos.test' })
    const create = async () =>
      (await (await kratos(new Request('http://kratos.test/self-service/settings/browser', { headers: { accept: 'application/json', cookie: `${cookieName}=ada` } })))!.json()) as { id: string }
    const first = await create()
    for (let index = 0; index < 999; index++) await create()
    const get = (id: string) => kratos(new Request(`http://kratos.test/self-service/settings/flows?id=${id}`, { headers: { accept: 'application/json', cookie: `${cookieName}=ada` } }))
    expect((await get(first.id))!.status).toBe(200)
    const last = await create()
    expect((await get(first.id))!.status).toBe(404)
    expect((await get(last.id))!.status).toBe(200)
  })
})
