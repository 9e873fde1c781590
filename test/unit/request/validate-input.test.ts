import { afterEach, describe, expect, test } from 'vitest'
import { createKratosClient, KratosArgumentError, type KratosClientOptions } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { BASE_URL, onCreateSettingsFlow, testClient, useMsw } from '../../helpers/msw.js'

useMsw()

async function argumentError(call: () => Promise<unknown>): Promise<KratosArgumentError> {
  const error = await call().then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(KratosArgumentError)
  return error as KratosArgumentError
}

describe('createBrowserSettingsFlow rejects bad input before any request', () => {
  const forbidden = { CR: '\r', LF: '\n', NUL: '\0' }

  for (const [name, char] of Object.entries(forbidden)) {
    test(`${name} in the cookie, return_to or organization`, async () => {
      const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
      const client = testClient()
      const cookieError = await argumentError(() => client.createBrowserSettingsFlow(undefined, `a=SECRET${char}b=2`))
      expect(cookieError.message).toContain(name)
      expect(cookieError.message).not.toContain('SECRET')
      await argumentError(() => client.createBrowserSettingsFlow(`https://app.example.com/${char}x`))
      await argumentError(() => client.createBrowserSettingsFlow(undefined, undefined, { organization: `o${char}` }))
      expect(requests).toHaveLength(0)
    })
  }

  test('a cookie with a character above U+00FF, which fetch cannot send', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    await argumentError(() => testClient().createBrowserSettingsFlow(undefined, 'name=✓'))
    expect(requests).toHaveLength(0)
  })

  test('arguments of the wrong type, and an unknown mode', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    const client = testClient()
    await argumentError(() => client.createBrowserSettingsFlow(42 as never))
    await argumentError(() => client.createBrowserSettingsFlow(undefined, { cookie: 'a' } as never))
    await argumentError(() => client.createBrowserSettingsFlow(undefined, undefined, { mode: 'html' as never }))
    expect(requests).toHaveLength(0)
  })

  describe('in a browser', () => {
    afterEach(() => {
      delete (globalThis as { document?: unknown }).document
    })

    test('a cookie argument is rejected with an explanation; without one the call goes out', async () => {
      const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
      ;(globalThis as { document?: unknown }).document = {}
      const error = await argumentError(() => testClient().createBrowserSettingsFlow(undefined, 'a=1'))
      expect(error.message).toContain('browser')
      expect(requests).toHaveLength(0)
      expect((await testClient().createBrowserSettingsFlow()).kind).toBe('flow')
    })
  })
})

describe('createKratosClient rejects invalid options at once', () => {
  const invalid: Array<[string, Partial<KratosClientOptions>, string]> = [
    ['a missing baseUrl', { baseUrl: undefined as never }, 'baseUrl'],
    ['a relative baseUrl', { baseUrl: '/auth' }, 'absolute'],
    ['a non-http baseUrl', { baseUrl: 'ftp://kratos.test' }, 'http'],
    ['a javascript: baseUrl', { baseUrl: 'javascript:alert(1)' }, 'http'],
    ['credentials in baseUrl', { baseUrl: 'http://user:pw@kratos.test' }, 'credentials'],
    ['a query in baseUrl', { baseUrl: 'http://kratos.test/?a=1' }, 'query'],
    ['a zero timeout', { timeout: 0 }, 'timeout'],
    ['a fractional maxBodyBytes', { maxBodyBytes: 1.5 }, 'maxBodyBytes'],
    ['more than 2 retries', { retry: 3 }, 'retry'],
    ['a negative retry limit', { retry: { limit: -1 } }, 'retry'],
    ['a Cookie among the shared headers', { headers: { Cookie: 'a=1' } }, 'Cookie'],
    ['a header with LF', { headers: { 'x-a': 'a\nb' } }, 'LF'],
    ['an unknown credentials mode', { credentials: 'always' as never }, 'credentials'],
    ['a fetch that is not a function', { fetch: 'fetch' as never }, 'fetch'],
  ]
  test.each(invalid)('%s', (_, options, mention) => {
    const create = () => createKratosClient({ baseUrl: BASE_URL, ...options })
    expect(create).toThrow(KratosArgumentError)
    expect(create).toThrow(mention)
  })

  test('accepts http and https base URLs, with and without a path prefix', () => {
    for (const baseUrl of ['http://127.0.0.1:4433', 'https://auth.example.com/', 'https://app.example.com/auth']) {
      expect(() => createKratosClient({ baseUrl })).not.toThrow()
    }
  })
})
