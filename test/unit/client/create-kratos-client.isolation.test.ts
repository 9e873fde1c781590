import type { IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createKratosClient, type KratosClient } from '../../../src/index.js'
import { forwardSetCookie, getCookieHeader } from '../../../src/cookies/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { startServer, type TestServer } from '../../helpers/http-server.js'

// One shared client, many users at once: every result must be its own caller's.
const USERS = 1000
const userOf = (cookie: string | undefined) => /ory_kratos_session=(user-\d+)/.exec(cookie ?? '')?.[1] ?? 'nobody'

let kratos: TestServer
let app: TestServer
let client: KratosClient

beforeAll(async () => {
  // Answers with a flow derived from the cookie it received, and a CSRF cookie for that user.
  kratos = await startServer((request: IncomingMessage, response) => {
    const user = userOf(request.headers.cookie)
    const flow = makeSettingsFlow({ id: `flow-of-${user}` })
    flow.identity.traits = { email: `${user}@example.com` }
    response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': [`csrf_token=${user}; Path=/; HttpOnly`] })
    response.end(JSON.stringify(flow))
  })
  client = createKratosClient({ baseUrl: kratos.url, retry: 0 })
  // A server app in front of Kratos: the browser's cookie in, Kratos' Set-Cookie out, via kratos-settings/cookies.
  app = await startServer((request, response) => {
    client.createBrowserSettingsFlow(undefined, getCookieHeader(request)).then(
      (result) => {
        forwardSetCookie(result.setCookie, response)
        response.writeHead(200, { 'content-type': 'text/plain' }).end(result.kind === 'flow' ? result.flow.id : result.kind)
      },
      () => response.writeHead(500).end(),
    )
  })
}, 30_000)
afterAll(async () => Promise.all([kratos.close(), app.close()]))

const users = Array.from({ length: USERS }, (_, index) => `user-${index}`)

describe(`${USERS} concurrent users through one client`, () => {
  test('each gets the flow derived from its own cookie, and only its own Set-Cookie', async () => {
    const before = kratos.requests.length
    const results = await Promise.all(users.map((user) => client.createBrowserSettingsFlow(undefined, `ory_kratos_session=${user}; theme=dark`)))
    results.forEach((result, index) => {
      expect(result.kind === 'flow' && result.flow.id).toBe(`flow-of-${users[index]}`)
      expect(result.setCookie).toEqual([`csrf_token=${users[index]}; Path=/; HttpOnly`])
    })
    const received = kratos.requests
      .slice(before)
      .map((request) => userOf(request.headers.cookie))
      .sort()
    expect(received).toEqual([...users].sort())
    console.info(`isolation: ${USERS} concurrent calls, ${received.length} requests, 0 crossed`)
  })

  test('the same through a server app using getCookieHeader and forwardSetCookie', async () => {
    const responses = await Promise.all(
      users.map(async (user) => {
        const response = await fetch(app.url, { headers: { cookie: `ory_kratos_session=${user}` } })
        return { user, body: await response.text(), setCookie: response.headers.getSetCookie() }
      }),
    )
    for (const { user, body, setCookie } of responses) {
      expect(body).toBe(`flow-of-${user}`)
      expect(setCookie).toEqual([`csrf_token=${user}; Path=/; HttpOnly`])
    }
  })
})
