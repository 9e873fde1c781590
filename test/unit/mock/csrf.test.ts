import { describe, expect, test } from 'vitest'
import { getCsrfToken } from '../../../src/index.js'
import { SESSION_COOKIE } from '../../../src/mock/index.js'
import { BASE, harness, type Harness } from '../../contract/behaviour/harness.js'

type Json = Record<string, any>

const PASSWORD = 'correct horse battery staple'
const JSON_HEADERS = { accept: 'application/json' }

function post(h: Harness, flowId: string, body: string, headers: Record<string, string>) {
  return h.send(new Request(`${BASE}/self-service/settings?flow=${flowId}`, { method: 'POST', headers, body }))
}

describe('CSRF violations (x/nosurfx/nosurf.go:226-261)', () => {
  const AJAX_HINT =
    "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded."
  const SERVER_HINT =
    "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly."

  test.each([
    ['cors', AJAX_HINT],
    ['same-origin', AJAX_HINT],
    ['navigate', SERVER_HINT],
  ])('Sec-Fetch-Mode %s gets its hint, the docs link and the mismatch reason', async (mode, hint) => {
    const h = harness()
    const s = await h.start()
    const body = new URLSearchParams({ method: 'password', password: PASSWORD, csrf_token: 'forged' }).toString()
    const response = await post(h, s.flow.id, body, { ...JSON_HEADERS, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-mode': mode, cookie: s.cookie })
    expect(response.status).toBe(403)
    expect(((await response.json()) as Json)['error'].details).toEqual({
      docs: 'https://www.ory.sh/kratos/docs/debug/csrf',
      hint,
      reject_reason: 'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.',
    })
  })

  // x/nosurfx/nosurf.go:248-249: a form without csrf_token has sent a token when the X-CSRF-Token header holds one.
  test.each([
    [{}, { hint: 'The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).' }],
    [{ 'x-csrf-token': '' }, { hint: 'The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).' }],
    [
      { 'x-csrf-token': 'forged' },
      { hint: SERVER_HINT, reject_reason: 'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.' },
    ],
  ])('a form without csrf_token and the header %o: %o', async (header, details) => {
    const h = harness()
    const s = await h.start()
    const body = new URLSearchParams({ method: 'password', password: PASSWORD }).toString()
    const response = await post(h, s.flow.id, body, { ...JSON_HEADERS, 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie, ...header })
    expect(response.status).toBe(403)
    expect(((await response.json()) as Json)['error'].details).toEqual({ docs: 'https://www.ory.sh/kratos/docs/debug/csrf', ...details })
  })

  test.each([
    ['master', 'https://www.ory.com/docs/troubleshooting/csrf', { reject_reason: 'The HTTP Cookie Header was set but did not include the anti-CSRF cookie.' }],
    [
      'v25.4.0',
      'https://www.ory.sh/kratos/docs/debug/csrf',
      { hint: 'The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).' },
    ],
  ] as const)('Kratos %s links %s and gives its details (recorded: U20)', async (kratosVersion, docs, details) => {
    const h = harness({ kratosVersion })
    const s = await h.start()
    const response = await h.update(s.flow.id, { method: 'password', password: PASSWORD, csrf_token: getCsrfToken(s.flow) }, `${SESSION_COOKIE}=ada`)
    expect(response.status).toBe(403)
    expect(((await response.json()) as Json)['error'].details).toMatchObject({ docs, ...details })
  })
})
