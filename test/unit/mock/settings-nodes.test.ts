import { describe, expect, test } from 'vitest'
import { SESSION_COOKIE, UI, getCsrfToken, harness, type Harness } from '../../contract/behaviour/harness.js'

type Json = Record<string, any>

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

async function started(h: Harness, token = 'ada') {
  const s = await h.start(token)
  return { ...s, csrf: getCsrfToken(s.flow)! }
}

const nodes = (flow: Json): Json[] => flow['ui'].nodes

describe("Kratos' configuration", () => {
  // flow/request.go:109-120: a method is the body's `method`, or the method its fields belong to.
  test.each([[{ method: 'oidc', link: 'github' }], [{ link: 'github' }], [{ lookup_secret_regenerate: true }]])(
    'a turned-off method answers %o with a 404 that says so (recorded: U54)',
    async (body) => {
      const h = harness({ disabledMethods: ['oidc', 'lookup_secret'] })
      const s = await started(h)
      expect(nodes((await h.get(s.flow.id, s.cookie).then((response) => response.json())) as Json).some((node) => ['oidc', 'lookup_secret'].includes(node.group))).toBe(false)
      const response = await h.update(s.flow.id, { ...body, csrf_token: s.csrf }, s.cookie)
      expect(response.status).toBe(404)
      expect(((await response.json()) as Json)['error'].reason).toBe('This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.')
    },
  )

  test('verifyNewAddress holds an email change, unsaved: JSON gets the flow and the verification to do, a browser goes to it (recorded: U56)', async () => {
    const h = harness({ verifyNewAddress: true })
    const s = await started(h)
    const pending = await h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, traits: { email: 'new@example.com' } }, s.cookie)
    expect(pending.status).toBe(200)
    const flow = (await pending.json()) as Json
    expect(flow['state']).toBe('show_form')
    expect(flow['continue_with']).toEqual([
      {
        action: 'show_verification_ui',
        flow: { id: expect.stringMatching(new RegExp(`^${UUID}$`)), verifiable_address: 'new@example.com', url: expect.stringMatching(new RegExp(`^${UI}/verification\\?flow=${UUID}$`)) },
      },
    ])
    const { flow: readBack } = await h.start()
    expect(readBack.identity.traits).toMatchObject({ email: 'ada@example.com' })
    const browser = await h.update(s.flow.id, { method: 'profile', csrf_token: s.csrf, 'traits.email': 'new@example.com' }, s.cookie, 'form')
    expect(browser.status).toBe(303)
    expect(browser.headers.get('location')).toMatch(new RegExp(`^${UI}/verification\\?flow=${UUID}$`))
  })
})

test("a redirect answering a GET carries Go's HTML body, its link escaped as html.EscapeString does (recorded: C2, C7)", async () => {
  const response = await harness().create(`${SESSION_COOKIE}=aal1-ada`, `?return_to=${encodeURIComponent('http://app.test/done')}`, 'text/html')
  const location = response.headers.get('location')!
  expect(location).toContain('&return_to=')
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(await response.text()).toBe(`<a href="${location.replaceAll('&', '&amp;')}">See Other</a>.\n\n`)
})
