import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosArgumentError, type NextStep, type UpdateSettingsFlowResult } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { navigableUrl, returnToValue } from '../../../src/utils/navigable-url.js'

// Every spelling of a scheme that runs script or reads local data, as a hostile upstream or a
// hostile return_to would send it.
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:http://127.0.0.1/uuid',
  'ftp://127.0.0.1/',
  'mailto:a@b.c',
  'about:blank',
]
const BASE = 'http://kratos.test'

describe('navigableUrl, the one gate', () => {
  test.each(HOSTILE)('refuses %j with or without a base', (url) => {
    expect(navigableUrl(url)).toBeUndefined()
    expect(navigableUrl(url, `${BASE}/self-service/settings`)).toBeUndefined()
  })

  test('takes absolute http(s) URLs, normalised, and resolves relative ones only against a base', () => {
    expect(navigableUrl('HTTPS://App.Example/a?b=1')).toBe('https://app.example/a?b=1')
    expect(navigableUrl('http://127.0.0.1:4455/x')).toBe('http://127.0.0.1:4455/x')
    expect(navigableUrl('/ui/login')).toBeUndefined()
    expect(navigableUrl('/ui/login', `${BASE}/self-service/settings`)).toBe(`${BASE}/ui/login`)
    expect(navigableUrl('//evil.example/x', BASE)).toBe('http://evil.example/x')
    for (const value of [undefined, null, 1, {}, ['http://a.b'], '']) expect(navigableUrl(value)).toBeUndefined()
  })
})

/** Every URL a result or a next step hands the app, by where it sits. */
function urlsOf(result: UpdateSettingsFlowResult, step: NextStep): Record<string, unknown> {
  const error = result.kind === 'error' ? (result.error as { redirectBrowserTo?: unknown; redirectTo?: unknown }) : {}
  return {
    location: result.kind === 'redirect' ? result.location : undefined,
    redirectBrowserTo: error.redirectBrowserTo,
    redirectTo: error.redirectTo,
    stepUrl: step.type === 'redirect' ? step.url : undefined,
    successRedirect: step.type === 'success' ? step.redirectTo : undefined,
    verificationUrl: step.type === 'verify' ? step.url : undefined,
  }
}

function expectOnlyHttp(result: UpdateSettingsFlowResult, step: NextStep): void {
  for (const [where, url] of Object.entries(urlsOf(result, step))) {
    if (url === undefined || url === null) continue
    expect(typeof url, where).toBe('string')
    expect(url as string, where).toMatch(/^https?:\/\//)
  }
}

const client = (answer: () => Response) => createKratosClient({ baseUrl: BASE, retry: 0, fetch: async () => answer() })

const hostileAnswers = (url: string): Record<string, () => Response> => {
  const json = (status: number, body: unknown) => () => Response.json(body, { status })
  const success = makeSettingsFlow({ state: 'success', continue_with: [{ action: 'redirect_browser_to', redirect_browser_to: url }] })
  const answers: Record<string, () => Response> = {
    'aal2 redirect_browser_to': json(403, { error: { id: 'session_aal2_required', code: 403, message: 'm' }, redirect_browser_to: url }),
    'aal2 details.redirect_browser_to': json(403, { error: { id: 'session_aal2_required', code: 403, message: 'm', details: { redirect_browser_to: url } } }),
    'refresh redirect_browser_to': json(403, { error: { id: 'session_refresh_required', code: 403, message: 'm' }, redirect_browser_to: url }),
    'location change redirect_browser_to': json(422, { error: { id: 'browser_location_change_required', code: 422, message: 'm' }, redirect_browser_to: url }),
    'expired details.redirect_to': json(410, { error: { code: 410, status: 'Gone', message: 'm', details: { redirect_to: url, return_to: url } } }),
    'continue_with redirect_browser_to': json(200, success),
    'continue_with show_verification_ui url': json(200, makeSettingsFlow({ continue_with: [{ action: 'show_verification_ui', flow: { id: 'v1', verifiable_address: 'a@example.com', url } }] })),
  }
  // Headers refuse NUL, CR and LF; every other spelling can arrive in Location.
  if (!/[\0\r\n]/.test(url)) {
    for (const status of [301, 302, 303, 307, 308]) answers[`${status} Location`] = () => new Response(null, { status, headers: { location: url } })
  }
  return answers
}

describe.each(HOSTILE)('a hostile URL %j', (url) => {
  test('never comes back as a URL from any operation, result field or next step', async () => {
    for (const [where, answer] of Object.entries(hostileAnswers(url))) {
      for (const kratos of [client(answer)]) {
        const results = [
          await kratos.createBrowserSettingsFlow(undefined, 'a=1'),
          await kratos.getSettingsFlow('f1', 'a=1'),
          await kratos.updateSettingsFlow('f1', { method: 'password', password: 'p' }, 'a=1'),
        ]
        for (const result of results) {
          const step = kratos.nextStep(result)
          expect(JSON.stringify(urlsOf(result, step)), where).not.toMatch(/script|data:|file:|blob:|ftp:|mailto:|about:/i)
          expectOnlyHttp(result, step)
        }
      }
    }
  })

  test('as nextStep returnTo, is refused before it reaches a login or restart URL', async () => {
    const kratos = client(() => Response.json({ error: { code: 401, status: 'Unauthorized', message: 'No valid session credentials found in the request.' } }, { status: 401 }))
    const inactive = await kratos.getSettingsFlow('f1', 'a=1')
    expect(() => kratos.nextStep(inactive, { returnTo: url })).toThrow(KratosArgumentError)
  })
})

test('a navigable URL in each place does come back, so the gate is not simply closed', async () => {
  const url = 'https://app.example/settings'
  for (const [where, answer] of Object.entries(hostileAnswers(url))) {
    const kratos = client(answer)
    const results = [
      await kratos.createBrowserSettingsFlow(undefined, 'a=1'),
      await kratos.getSettingsFlow('f1', 'a=1'),
      await kratos.updateSettingsFlow('f1', { method: 'password', password: 'p' }, 'a=1'),
    ]
    const urls = results.flatMap((result) => Object.values(urlsOf(result, kratos.nextStep(result))))
    expect(urls, where).toContain(url)
  }
})

describe('returnToValue', () => {
  test('takes an absolute http(s) URL or a path with one leading slash, and nothing else', () => {
    expect(returnToValue('https://app.example/settings')).toBe('https://app.example/settings')
    expect(returnToValue('/settings?a=1')).toBe('/settings?a=1')
    for (const value of ['//evil.example/', 'settings', 'javascript:alert(1)', '', 42, undefined]) expect(returnToValue(value), String(value)).toBeUndefined()
  })
})
