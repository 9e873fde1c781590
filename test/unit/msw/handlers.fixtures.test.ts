import { getResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { SESSION_COOKIE } from '../../../src/mock/index.js'
import { createKratosHandlers } from '../../../src/msw/index.js'

describe('createKratosHandlers', () => {
  const session = { accept: 'application/json', cookie: `${SESSION_COOKIE}=ada` }

  test('a base URL with a trailing slash serves the endpoints under it', async () => {
    const handlers = createKratosHandlers({ baseUrl: 'http://kratos.test/auth/' })
    const response = await getResponse(handlers, new Request('http://kratos.test/auth/self-service/settings/browser', { headers: session }))
    expect(response?.status).toBe(200)
  })

  test('a request msw routes to the handlers but the mock does not serve is a 404', async () => {
    const handlers = createKratosHandlers({ baseUrl: 'http://kratos.test' })
    const response = await getResponse(handlers, new Request('http://kratos.test/self-service/settings/browser/', { headers: session }))
    expect(response?.status).toBe(404)
  })
})
