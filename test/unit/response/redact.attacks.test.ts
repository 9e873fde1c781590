import { describe, expect, test } from 'vitest'
import { createKratosClient, type UpdateSettingsFlowResult } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { exchangeSecrets, REDACTED, redactJson, redactString, redactText } from '../../../src/response/redact.js'
import { leakedSecrets } from '../../helpers/leaks.js'

// Secrets an attacker would hunt for in logs. Some have no token shape at all: only the
// request's own cookie values can find them.
const SESSION = 'plain-lowercase-session-value-4711'
const CSRF_COOKIE = 'csrf-cookie-value-that-looks-like-nothing'
const CSRF_TOKEN = 'lowercase-csrf-token-in-the-flow-node'
const SESSION_TOKEN = 'ory_st_3xZqYvT8kLmN2pQrStUvWxYz01234567'
const SET_COOKIE = 'fresh-session-from-set-cookie-0815'
const BEARER = 'bearer-credential-from-client-options'
const SENT_CSRF = 'csrf-token-the-caller-sent-in-the-body'
// What the exchange itself reveals; the CSRF token of a flow is found by where it sits.
const EXCHANGED = [SESSION, CSRF_COOKIE, SESSION_TOKEN, SET_COOKIE, BEARER]
const SECRETS = [...EXCHANGED, CSRF_TOKEN, SENT_CSRF]
const COOKIE = `ory_kratos_session=${SESSION}; csrf_token_806060ca5bf70dff3caa0e5c860002aade9d470a5a4dce73bcfa7ba10778f481=${CSRF_COOKIE}`

const flowWithToken = () => {
  const flow = makeSettingsFlow()
  for (const node of flow.ui.nodes) if (node.attributes.node_type === 'input' && node.attributes.name === 'csrf_token') node.attributes.value = CSRF_TOKEN
  return flow
}

// Bodies as a hostile or broken upstream sends them; each carries secrets somewhere.
const BODIES: Record<string, { status: number; type: string; body: string }> = {
  'a 201 carrying a flow': { status: 201, type: 'application/json', body: JSON.stringify(flowWithToken()) },
  'a truncated flow': { status: 200, type: 'application/json', body: JSON.stringify(flowWithToken()).slice(0, -20) },
  'an HTML form with csrf_token (name first)': {
    status: 200,
    type: 'text/html',
    body: `<form method="post"><input type="hidden" name="csrf_token" value="${CSRF_TOKEN}"></form>`,
  },
  'an HTML form with csrf_token (value first, single quotes)': {
    status: 400,
    type: 'text/html',
    body: `<form><input value='${CSRF_TOKEN}' type=hidden name=csrf_token></form>`,
  },
  'a 502 page echoing the Cookie header': {
    status: 502,
    type: 'text/html',
    body: `<html><body><h1>502 Bad Gateway</h1><pre>GET /self-service/settings\nCookie: ${COOKIE}\n</pre></body></html>`,
  },
  'a 502 page echoing the cookie percent-encoded': { status: 502, type: 'text/plain', body: `upstream failed for ${encodeURIComponent(COOKIE)}` },
  'a JSON error whose reason quotes a session token and the cookie': {
    status: 500,
    type: 'application/json',
    body: JSON.stringify({ error: { id: 'some_unknown_id', code: 500, message: `token ${SESSION_TOKEN}`, reason: `cookie was ${SESSION}`, details: { seen: CSRF_COOKIE } } }),
  },
  'a known error quoting secrets in its message and details': {
    status: 403,
    type: 'application/json',
    body: JSON.stringify({ error: { id: 'security_csrf_violation', code: 403, message: `expected ${SESSION_TOKEN}`, details: { cookie: COOKIE, got: SET_COOKIE } } }),
  },
  'a 200 that is not a flow, with a session token': {
    status: 200,
    type: 'application/json',
    body: JSON.stringify({ session_token: SESSION_TOKEN, session: { cookie: SESSION }, note: `Authorization: Bearer ${BEARER}` }),
  },
  'a body echoing the Set-Cookie value and the credential of an option header': {
    status: 500,
    type: 'text/plain',
    body: `set ${SET_COOKIE}; auth ${BEARER}`,
  },
  'a 202 echoing everything the exchange carried': { status: 202, type: 'text/plain', body: EXCHANGED.join(' ') },
}

const client = (answer: { status: number; type: string; body: string }) =>
  createKratosClient({
    baseUrl: 'http://kratos.test',
    retry: 0,
    headers: { authorization: `Bearer ${BEARER}` },
    fetch: async () =>
      new Response(answer.body, {
        status: answer.status,
        headers: [
          ['content-type', answer.type],
          ['set-cookie', `ory_kratos_session=${SET_COOKIE}; Path=/; HttpOnly`],
        ],
      }),
  })

const calls = {
  createBrowserSettingsFlow: (answer: (typeof BODIES)[string]) => client(answer).createBrowserSettingsFlow(undefined, COOKIE),
  getSettingsFlow: (answer: (typeof BODIES)[string]) => client(answer).getSettingsFlow('f1', COOKIE),
  updateSettingsFlow: (answer: (typeof BODIES)[string]) => client(answer).updateSettingsFlow('f1', { method: 'password', password: 'p', csrf_token: SENT_CSRF }, COOKIE),
}

test('updateSettingsFlow: the CSRF token the caller sent never comes back in an error', async () => {
  const result = await calls.updateSettingsFlow({ status: 500, type: 'text/plain', body: `you sent ${SENT_CSRF}` })
  expect(result.kind).toBe('unexpected')
  if (result.kind === 'unexpected') expect(leakedSecrets(result.error, [SENT_CSRF])).toEqual([])
})

describe.each(Object.entries(calls))('%s: no secret in an error result', (_name, call) => {
  test.each(Object.entries(BODIES))('%s', async (_case, answer) => {
    const result: UpdateSettingsFlowResult = await call(answer)
    expect(result.kind === 'error' || result.kind === 'unexpected').toBe(true)
    if (result.kind !== 'error' && result.kind !== 'unexpected') return
    expect(leakedSecrets(result.error, SECRETS), String(result.error.body)).toEqual([])
    // The body is kept (redacted), not dropped: an operator can still read what came back.
    expect(result.error.body).not.toBeUndefined()
    expect(JSON.stringify(result.error.body)).toContain(REDACTED)
  })
})

describe('what redaction keeps', () => {
  test('the URLs the browser is sent to are read as sent: an OAuth URL keeps its state and PKCE challenge', async () => {
    const url = 'https://accounts.example/o/oauth2/v2/auth?client_id=1.apps&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=ZGVhZGJlZWYtMTIzNDU2Nzg5MGFiY2RlZg'
    const answer = { status: 422, type: 'application/json', body: JSON.stringify({ error: { id: 'browser_location_change_required', code: 422, message: 'm' }, redirect_browser_to: url }) }
    const result = await calls.updateSettingsFlow(answer)
    expect(result.kind).toBe('error')
    if (result.kind === 'error' && result.error.id === 'browser_location_change_required') expect(result.error.redirectBrowserTo).toBe(url)
  })

  test.each([
    ['a path with capitals', 'return_to=https://app.example.com/Account/SecuritySettings/TwoFactor'],
    ['a Go type name', 'Go struct field UpdateSettingsFlowWithPasswordMethod.password'],
  ])('%s', (_what, text) => {
    expect(redactString(text, [])).toBe(text)
  })

  test('a request cookie stays secret however many Set-Cookie headers a hostile upstream adds', () => {
    const many = Array.from({ length: 550 }, (_, index) => `c${index}=v${String(index).padStart(8, '0')}`)
    const kratosCookie = 'bmV3LXNlc3Npb24tYWZ0ZXItdGhlLXBhZGRpbmc'
    const secrets = exchangeSecrets(`ory_kratos_session=${SESSION}`, [...many, `ory_kratos_session=${kratosCookie}; Path=/`], [])
    expect(secrets).toContain(SESSION)
    // Kratos' own cookie, after 550 others, is taken; of the others, the first 64.
    expect(secrets).toContain(kratosCookie)
    expect(secrets).toHaveLength(1 + 1 + 64)
    expect(redactString(`echo ${SESSION} and ${kratosCookie} and v00000063`, secrets)).toBe(`echo ${REDACTED} and ${REDACTED} and ${REDACTED}`)
  })

  test('no secrets: the text as it is, even the word "undefined"', () => {
    expect(redactString('undefined', [])).toBe('undefined')
  })

  test('secrets with regex characters are matched literally', () => {
    expect(redactString('a+b.c*d?(e)[f]{g}|h^i$j\\k/l-m and aXb', ['a+b.c*d?(e)[f]{g}|h^i$j\\k/l-m'])).toBe(`${REDACTED} and aXb`)
  })
})

describe('exchangeSecrets', () => {
  test('takes every request cookie value, each Set-Cookie value and the extras, longest first (encodings are matched by redactString)', () => {
    const secrets = exchangeSecrets('a=first-secret-value; b="quoted-secret-value"; c=short', ['d=set-cookie-secret; Path=/', 'e=tiny'], ['extra secret/value'])
    expect(exchangeSecrets('x="quoted-secret-value"', [], [])).toEqual(['quoted-secret-value'])
    expect(secrets).toEqual(['quoted-secret-value', 'first-secret-value', 'extra secret/value', 'set-cookie-secret'])
  })

  test('skips values shorter than 8 characters, keeps 8', () => {
    expect(exchangeSecrets('a=1234567; b=12345678', [], [])).toEqual(['12345678'])
    expect(exchangeSecrets(undefined, [], ['1234567', '"123456"', '"1234567"'])).toEqual([])
  })

  test('takes a pair without "=" whole, trims spaces, and an empty header as nothing', () => {
    expect(exchangeSecrets('justavaluewithoutname', [], [])).toEqual(['justavaluewithoutname'])
    expect(exchangeSecrets('a= spaced-secret-value ;b=x', ['c= set-cookie-spaced ; Path=/'], [])).toEqual(['spaced-secret-value', 'set-cookie-spaced'])
    expect(exchangeSecrets(undefined, [], [])).toEqual([])
    expect(exchangeSecrets('', [''], [])).toEqual([])
  })

  test('unquotes only a value quoted at both ends', () => {
    expect(exchangeSecrets('a="unterminated-value; b=trailing-value"', [], [])).toEqual(['"unterminated-value', 'trailing-value"'])
  })
})

describe('redactString', () => {
  test('replaces each given secret everywhere, the longer one first', () => {
    expect(redactString('x secret-one-long y secret-one z secret-one-long', ['secret-one-long', 'secret-one'])).toBe(`x ${REDACTED} y ${REDACTED} z ${REDACTED}`)
  })

  test.each([
    ['an Ory session token', `token ${SESSION_TOKEN} used`, `token ${REDACTED} used`],
    ['an Ory API key', 'key ory_pat_abcdefgh12 here', `key ${REDACTED} here`],
    ['a base64 token', 'csrf k0+Ww9yMbqOfOKDxRhSm8PQq0PUXvIFqHuLQ9Dd0GZs= end', `csrf ${REDACTED} end`],
    ['a base64url run', 'MTc2MzY0NTQwMHxEdi1CQkFFQ180SUFBUkFCRUFBQVJf', REDACTED],
    ['csrf_token=value', 'csrf_token=abc; other=1', `csrf_token=${REDACTED}; other=1`],
    ['a named csrf cookie', 'csrf_token_806060=abc', `csrf_token_806060=${REDACTED}`],
    ['a __Host- session cookie', '__Host-ory_kratos_session=abc', `__Host-ory_kratos_session=${REDACTED}`],
    ['a JSON session_token pair', '"session_token": "abc"', `"session_token": "${REDACTED}"`],
    ['an ory_session_ cookie', 'ory_session_foo=abc', `ory_session_foo=${REDACTED}`],
    ['a Cookie line', 'Cookie: a=b; c=d\nnext', `Cookie: ${REDACTED}\nnext`],
    ['a Set-Cookie line', 'Set-Cookie: a=b; Path=/', `Set-Cookie: ${REDACTED}`],
  ])('finds %s', (_what, text, expected) => {
    expect(redactString(text, [])).toBe(expected)
  })

  test.each([
    ['a UUID', '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'],
    ['a percent-encoded URL with a UUID', 'return_to=https%3A%2F%2Fa.b%2Fsettings%3Fflow%3D7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'],
    ['a long word with two capitals', 'AbcdefghijklmnopqrstuvwxyzAbcdefghijkl'],
    ['a long word with two small letters', 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJab'],
    ['a short mixed run', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv'.slice(0, 31)],
    ['Kratos reason text', 'Please retry the flow and optionally clear your cookies.'],
  ])('keeps %s', (_what, text) => {
    expect(redactString(text, [])).toBe(text)
  })
})

describe('redactText', () => {
  test('replaces the value of a csrf_token input in HTML, and leaves other inputs', () => {
    const html = '<input name="email" value="a@b.c"><INPUT name="csrf_token" value="abc">'
    expect(redactText(html, [])).toBe(`<input name="email" value="a@b.c"><INPUT name="csrf_token" value="${REDACTED}">`)
  })

  test('replaces the value of a truncated JSON node named csrf_token, and leaves other nodes', () => {
    const text = '{"nodes":[{"attributes":{"name":"traits.email","value":"a@b.c"}},{"attributes":{"name":"csrf_token","type":"hidden","value":"ab\\"c","requi'
    expect(redactText(text, [])).toBe(`{"nodes":[{"attributes":{"name":"traits.email","value":"a@b.c"}},{"attributes":{"name":"csrf_token","type":"hidden","value":"${REDACTED}","requi`)
  })

  test('does not look past the node: a value in the next object is kept', () => {
    const text = '{"name":"csrf_token"},{"value":"kept"'
    expect(redactText(text, [])).toBe(text)
  })
})

describe('redactJson', () => {
  test('scrubs strings and keys, keeps a "__proto__" key as an own field', () => {
    const body = JSON.parse(`{"__proto__":{"reason":"${SESSION}"},"${SESSION}":1,"list":["${SESSION}",2,null,true]}`) as unknown
    const copy = redactJson(body, [SESSION]) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.hasOwn(copy, '__proto__')).toBe(true)
    expect(JSON.stringify(copy)).toBe(`{"__proto__":{"reason":"${REDACTED}"},"${REDACTED}":1,"list":["${REDACTED}",2,null,true]}`)
  })

  test('the copy is plain: own, writable, enumerable, configurable fields', () => {
    const copy = redactJson({ a: 1 }, []) as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(copy, 'a')).toEqual({ value: 1, writable: true, enumerable: true, configurable: true })
  })

  test('redacts every secret key whatever its case, and only the value of a csrf_token input', () => {
    const body = {
      Authorization: 'a',
      SESSION_TOKEN: 'b',
      nodes: [
        { name: 'csrf_token', value: 'c', type: 'hidden' },
        { name: 'email', value: 'd' },
      ],
    }
    expect(redactJson(body, [])).toEqual({
      Authorization: REDACTED,
      SESSION_TOKEN: REDACTED,
      nodes: [
        { name: 'csrf_token', value: REDACTED, type: 'hidden' },
        { name: 'email', value: 'd' },
      ],
    })
  })
})

describe('exchangeSecrets and redactExchangeSecrets, the edges', () => {
  test("Kratos' cookies first do not use up the 64 places of the others", async () => {
    const { exchangeSecrets: secretsOf } = await import('../../../src/response/redact.js')
    const others = Array.from({ length: 64 }, (_, index) => `o${index}=other-value-${String(index).padStart(4, '0')}`)
    const secrets = secretsOf(undefined, ['ory_kratos_session=kratos-session-value', ...others], [])
    expect(secrets).toContain('other-value-0063')
    expect(secrets).toHaveLength(65)
  })

  test('without secrets, text stays as it is (the word "undefined" too); a named secret keeps its name', async () => {
    const { redactExchangeSecrets } = await import('../../../src/response/redact.js')
    expect(redactExchangeSecrets('undefined', [])).toBe('undefined')
    expect(redactExchangeSecrets('https://x.example/?session_token=plain-value-123&state=keep', [])).toBe(`https://x.example/?session_token=${REDACTED}&state=keep`)
  })
})

test("every cookie name kratos/secrets.ts calls Kratos' is taken after 64 others, as forwardSetCookie forwards it", async () => {
  const { KRATOS_COOKIE_NAMES } = await import('../../../src/kratos/secrets.js')
  const { exchangeSecrets: secretsOf } = await import('../../../src/response/redact.js')
  const others = Array.from({ length: 64 }, (_, index) => `o${index}=other-value-${String(index).padStart(4, '0')}`)
  for (const name of KRATOS_COOKIE_NAMES.map((pattern) => pattern.replace('*', '_806060ca'))) {
    expect(secretsOf(undefined, [...others, `${name}=the-kratos-cookie-value`], []), name).toContain('the-kratos-cookie-value')
  }
})
