import { createKratosHandlers } from 'kratos-settings/msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, test } from 'vitest'

// The server reaches Kratos at KRATOS_URL, browsers at KRATOS_BROWSER_URL.
const server = setupServer(...createKratosHandlers({ baseUrl: 'http://kratos:4433' }))

beforeAll(() => {
  process.env.KRATOS_URL = 'http://kratos:4433'
  process.env.KRATOS_BROWSER_URL = 'https://login.example.com'
  server.listen({ onUnhandledFrame: 'error' })
})
afterAll(() => server.close())

test('sends a browser without a session to Kratos’ login at the browser URL, never at the internal one', async () => {
  const { GET } = await import('./route')
  const response = await GET(new Request('http://app.test/settings/start'))
  expect(response.headers.get('location')).toBe('https://login.example.com/self-service/login/browser?return_to=%2Fsettings')
})
