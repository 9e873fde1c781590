import { CSRF_COOKIE, SESSION_COOKIE } from 'kratos-settings/mock'
import { createKratosHandlers } from 'kratos-settings/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { GET } from './route'

const KRATOS_URL = 'https://auth.example.com'
const server = setupServer()

beforeAll(() => {
  process.env.KRATOS_URL = KRATOS_URL
  server.listen({ onUnhandledFrame: 'error' })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const visit = (cookie?: string) => GET(new Request('http://app.test/settings/start', { headers: { host: 'app.test', ...(cookie === undefined ? {} : { cookie }) } }))

test('forwards the CSRF cookie and sends the browser to the page of the new flow', async () => {
  server.use(...createKratosHandlers({ baseUrl: KRATOS_URL }))
  const response = await visit(`${SESSION_COOKIE}=test-session`)
  expect(response.status).toBe(303)
  expect(response.headers.get('location')).toMatch(/^\/settings\?flow=[0-9a-f-]{36}$/)
  expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(`^${CSRF_COOKIE}=`)])
})

test('sends a browser without a session to Kratos’ login', async () => {
  server.use(...createKratosHandlers({ baseUrl: KRATOS_URL }))
  const response = await visit()
  expect(response.headers.get('location')).toBe(`${KRATOS_URL}/self-service/login/browser?return_to=%2Fsettings`)
})
