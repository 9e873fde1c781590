import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSettingsHandler } from '../../../examples/node/settings-handler.js'
import { createKratosClient } from '../../../src/index.js'
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../src/mock/index.js'
import { startServer, type TestServer } from '../../helpers/http-server.js'
import { serveMockKratos, type ServedKratos } from '../../helpers/serve-mock-kratos.js'

// The Node example on a real server, calling the mock Kratos over HTTP on another loopback port.
let kratos: ServedKratos
let app: TestServer
let proxied: TestServer
const LOGIN = 'http://app.test/login'

beforeAll(async () => {
  kratos = await serveMockKratos('/auth')
  const client = createKratosClient({ baseUrl: kratos.baseUrl, retry: 0 })
  app = await startServer(createSettingsHandler(client, LOGIN))
  proxied = await startServer(createSettingsHandler(client, LOGIN, { path: '/app' }))
})
afterAll(async () => Promise.all([app.close(), proxied.close(), kratos.close()]))

const get = (server: TestServer, cookie?: string) => fetch(`${server.url}/settings`, { redirect: 'manual', headers: cookie === undefined ? {} : { cookie } })

describe('examples/node/settings-handler', () => {
  test('answers the flow and forwards the CSRF cookie to the browser', async () => {
    const response = await get(app, `${SESSION_COOKIE}=node`)
    expect(response.status).toBe(200)
    expect((await response.json()).ui.action).toMatch(`${kratos.origin}/auth/self-service/settings?flow=`)
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(new RegExp(`^${CSRF_COOKIE}=.+=; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax$`))])
  })

  test('rewrites the cookie for a proxied setup when asked', async () => {
    const response = await get(proxied, `${SESSION_COOKIE}=node`)
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/; Path=\/app;/)])
  })

  test('sends a browser without a session to the login page, and an AAL1 session to the second factor', async () => {
    expect((await get(app)).headers.get('location')).toBe(LOGIN)
    expect((await get(app, `${SESSION_COOKIE}=aal1`)).headers.get('location')).toBe(`${kratos.origin}/auth/self-service/login/browser?aal=aal2`)
  })
})
