import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createKratosClient, KratosArgumentError, type KratosClient } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { rawHeader, startServer, type TestServer } from '../../helpers/http-server.js'

// Every control character (C0 and DEL), and a few neighbours that must pass.
const CONTROLS = [...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)), '\x7f']
const FLOW = makeSettingsFlow()
let kratos: TestServer
let elsewhere: TestServer
let client: KratosClient

beforeAll(async () => {
  // Under /redirect-<status>/ the server redirects to the other origin; elsewhere it answers a flow.
  kratos = await startServer((request, response) => {
    const redirect = /^\/redirect-(\d+)\//.exec(request.url ?? '')
    if (redirect !== null) response.writeHead(Number(redirect[1]), { location: `${elsewhere.url}/steal` }).end()
    else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(FLOW))
  })
  elsewhere = await startServer((_request, response) => response.writeHead(200).end('you should not be here'))
  client = createKratosClient({ baseUrl: kratos.url, retry: 0 })
})
afterAll(async () => Promise.all([kratos.close(), elsewhere.close()]))

const name = (character: string) => `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

describe('control characters are rejected before the network', () => {
  const calls: Array<[string, (client: KratosClient, value: string) => Promise<unknown>]> = [
    ['cookie', (c, v) => c.createBrowserSettingsFlow(undefined, `ory_kratos_session=a${v}b`)],
    ['return_to', (c, v) => c.createBrowserSettingsFlow(`https://app.example.com/${v}`)],
    ['organization', (c, v) => c.createBrowserSettingsFlow(undefined, undefined, { organization: `org${v}` })],
    ['getSettingsFlow id', (c, v) => c.getSettingsFlow(`flow${v}`)],
    ['updateSettingsFlow flow id', (c, v) => c.updateSettingsFlow(`flow${v}`, { method: 'password', password: 'x' })],
    ['updateSettingsFlow cookie', (c, v) => c.updateSettingsFlow(FLOW, { method: 'password', password: 'x' }, `a=${v}`)],
  ]

  test.each(calls)('in the %s, every C0 control and DEL (a tab only where a header allows it)', async (where, call) => {
    const before = kratos.requests.length
    for (const character of CONTROLS) {
      if (character === '\t' && where.includes('cookie')) continue
      await expect(call(client, character), `${where} with ${name(character)}`).rejects.toThrow(KratosArgumentError)
    }
    expect(kratos.requests.length - before).toBe(0)
  })

  test('in the base URL, where the URL parser would silently drop or encode it', () => {
    for (const character of CONTROLS) {
      expect(() => createKratosClient({ baseUrl: `${kratos.url}/au${character}th` }), name(character)).toThrow(KratosArgumentError)
    }
  })

  test('a tab in a cookie is a valid header value and is sent', async () => {
    await client.createBrowserSettingsFlow(undefined, 'a=1;\tb=2')
    expect(rawHeader(kratos.requests.at(-1)!, 'cookie')).toBe('a=1;\tb=2')
  })
})

describe('redirects to another origin', () => {
  test.each([301, 302, 303, 307, 308])('a %i is returned, never followed: the other origin sees no request, so no cookie', async (status) => {
    const redirecting = createKratosClient({ baseUrl: `${kratos.url}/redirect-${status}`, retry: 0 })
    const created = await redirecting.createBrowserSettingsFlow(undefined, 'ory_kratos_session=secret')
    const updated = await redirecting.updateSettingsFlow(FLOW, { method: 'password', password: 'secret' }, 'ory_kratos_session=secret')
    const read = await redirecting.getSettingsFlow(FLOW.id, 'ory_kratos_session=secret')
    // Kratos' only 302 on get and update means "no session, go to the login UI": typed as such, the target kept.
    const idless = status === 302 ? { kind: 'error', status, error: { id: 'session_inactive', redirectBrowserTo: `${elsewhere.url}/steal` } } : undefined
    expect(created).toMatchObject({ kind: 'redirect', status, location: `${elsewhere.url}/steal` })
    for (const result of [updated, read]) expect(result).toMatchObject(idless ?? { kind: 'redirect', status, location: `${elsewhere.url}/steal` })
    expect(elsewhere.requests).toHaveLength(0)
  })
})
