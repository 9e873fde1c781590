import fc from 'fast-check'
import { http } from 'msw'
import { describe, expect, test } from 'vitest'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { BASE_URL, onCreateSettingsFlow, server, testClient, useMsw } from '../../helpers/msw.js'

useMsw()

const redirect = (location: string | null, cookies: string[] = []) => {
  const headers = new Headers()
  if (location !== null) headers.set('location', location)
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(null, { status: 303, headers })
}

describe('createBrowserSettingsFlow', () => {
  test('returns a 200 flow as kind "flow" with its status and every Set-Cookie', async () => {
    const flow = makeSettingsFlow()
    const headers = new Headers()
    headers.append('set-cookie', 'csrf_token_abc=t1; Path=/; HttpOnly; SameSite=Lax')
    headers.append('set-cookie', 'other=2; Path=/')
    onCreateSettingsFlow(() => Response.json(flow, { headers }))

    const result = await testClient().createBrowserSettingsFlow()

    expect(result).toEqual({
      kind: 'flow',
      status: 200,
      flow,
      setCookie: ['csrf_token_abc=t1; Path=/; HttpOnly; SameSite=Lax', 'other=2; Path=/'],
    })
  })

  test('returns a 303 as kind "redirect", resolving a relative Location against the request URL', async () => {
    const cookies = ['csrf_token_abc=t1; Path=/; HttpOnly', 'ory_kratos_continuity=x; Path=/; HttpOnly']
    onCreateSettingsFlow(() => redirect('/ui/settings?flow=f1', cookies), `${BASE_URL}/auth`)

    const result = await testClient({ baseUrl: `${BASE_URL}/auth` }).createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })

    expect(result).toEqual({ kind: 'redirect', status: 303, location: `${BASE_URL}/ui/settings?flow=f1`, setCookie: cookies })
  })

  test('keeps an absolute Location as it is', async () => {
    onCreateSettingsFlow(() => redirect('https://app.example.com/settings?flow=f1'))
    const result = await testClient().createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
    expect(result).toMatchObject({ kind: 'redirect', location: 'https://app.example.com/settings?flow=f1' })
  })

  test('returns location null for a Location that is not a URL', async () => {
    onCreateSettingsFlow(() => redirect('http://[not-a-host'))
    const result = await testClient().createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
    expect(result).toMatchObject({ kind: 'redirect', location: null })
  })

  test('returns location null for a 303 without Location', async () => {
    onCreateSettingsFlow(() => redirect(null, ['a=1']))
    const result = await testClient().createBrowserSettingsFlow()
    expect(result).toEqual({ kind: 'redirect', status: 303, location: null, setCookie: ['a=1'] })
  })

  test('a browser\'s opaque redirect becomes kind "redirect" with location null and status 0', async () => {
    // What Chromium hands back for redirect: 'manual'; Node cannot build one, so it is imitated.
    const opaque = () => Object.defineProperties(new Response(null), { type: { value: 'opaqueredirect' }, status: { value: 0 } })
    const result = await testClient({ fetch: async () => opaque() }).createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
    expect(result).toEqual({ kind: 'redirect', status: 0, location: null, setCookie: [] })
  })

  test('never follows a redirect: the target is never requested', async () => {
    let followed = 0
    server.use(
      http.get(`${BASE_URL}/ui/settings`, () => {
        followed++
        return new Response('ui')
      }),
    )
    onCreateSettingsFlow(() => redirect(`${BASE_URL}/ui/settings?flow=f1`))
    await testClient().createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
    expect(followed).toBe(0)
  })

  test('mode "json" (the default) sends Accept: application/json; mode "redirect" sends Accept: text/html', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    await testClient().createBrowserSettingsFlow()
    await testClient().createBrowserSettingsFlow(undefined, undefined, { mode: 'json' })
    await testClient().createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
    expect(requests.map((request) => request.headers.get('accept'))).toEqual(['application/json', 'application/json', 'text/html'])
  })

  test('joins the path to a base URL with a path prefix, with or without a trailing slash', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()), `${BASE_URL}/auth`)
    await testClient({ baseUrl: `${BASE_URL}/auth` }).createBrowserSettingsFlow()
    await testClient({ baseUrl: `${BASE_URL}/auth/` }).createBrowserSettingsFlow()
    expect(requests.map((request) => request.url)).toEqual([`${BASE_URL}/auth/self-service/settings/browser`, `${BASE_URL}/auth/self-service/settings/browser`])
  })

  test('sends no query and no Cookie header when neither is given', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    await testClient().createBrowserSettingsFlow()
    await testClient().createBrowserSettingsFlow('', '')
    for (const request of requests) {
      expect(request.url).toBe(`${BASE_URL}/self-service/settings/browser`)
      expect(request.headers.get('cookie')).toBeNull()
    }
  })

  test('sends the cookie as the Cookie header', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    await testClient().createBrowserSettingsFlow(undefined, 'ory_kratos_session=abc; csrf_token_x=y')
    expect(requests[0]?.headers.get('cookie')).toBe('ory_kratos_session=abc; csrf_token_x=y')
  })

  test('encodes return_to and organization so that Kratos reads back exactly what was given', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    const client = testClient()
    const text = fc.string({ unit: 'grapheme', minLength: 1 }).filter((value) => !/[\r\n\0]/.test(value))
    await fc.assert(
      fc.asyncProperty(text, text, async (returnTo, organization) => {
        requests.length = 0
        await client.createBrowserSettingsFlow(returnTo, undefined, { organization })
        const query = new URL(requests[0]!.url).searchParams
        expect([...query.keys()]).toEqual(['return_to', 'organization'])
        expect(query.get('return_to')).toBe(returnTo)
        expect(query.get('organization')).toBe(organization)
      }),
      { numRuns: 100 },
    )
    requests.length = 0
    await client.createBrowserSettingsFlow('https://app.example.com/after?x=1&y=ä #frag')
    expect(new URL(requests[0]!.url).search).toBe('?return_to=https%3A%2F%2Fapp.example.com%2Fafter%3Fx%3D1%26y%3D%C3%A4+%23frag')
  })

  test('sends only organization when return_to is not given', async () => {
    const requests = onCreateSettingsFlow(() => Response.json(makeSettingsFlow()))
    await testClient().createBrowserSettingsFlow(undefined, undefined, { organization: 'org-1' })
    expect(new URL(requests[0]!.url).search).toBe('?organization=org-1')
  })

  test('sends credentials "include" by default, or the configured mode, and the configured headers', async () => {
    const requests: Request[] = []
    const fetch = async (request: RequestInfo | URL) => {
      requests.push(request as Request)
      return Response.json(makeSettingsFlow())
    }
    await testClient({ fetch, headers: { 'x-request-id': 'r-1' } }).createBrowserSettingsFlow()
    await testClient({ fetch, credentials: 'same-origin' }).createBrowserSettingsFlow()
    expect(requests.map((request) => request.credentials)).toEqual(['include', 'same-origin'])
    expect(requests[0]?.headers.get('x-request-id')).toBe('r-1')
  })

  test('uses an injected fetch and runs the hooks around it', async () => {
    const seen: string[] = []
    const client = testClient({
      fetch: async () => Response.json(makeSettingsFlow()),
      hooks: {
        beforeRequest: [({ request }) => void seen.push(`before ${request.method}`)],
        afterResponse: [({ response }) => void seen.push(`after ${response.status}`)],
      },
    })
    const result = await client.createBrowserSettingsFlow()
    expect(result.kind).toBe('flow')
    expect(seen).toEqual(['before GET', 'after 200'])
  })
})
