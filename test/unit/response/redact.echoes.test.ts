import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createKratosClient, type UpdateSettingsFlowResult } from '../../../src/index.js'
import { leakedSecrets } from '../../helpers/leaks.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const errorOf = (result: UpdateSettingsFlowResult) => (result.kind === 'error' || result.kind === 'unexpected' ? result.error : undefined)

/** A client whose upstream answers with `answer(request body, request)`. */
const echoing = (answer: (body: string, request: Request) => Response, options: Parameters<typeof createKratosClient>[0] extends infer O ? Partial<O> : never = {}) =>
  createKratosClient({
    baseUrl: 'http://kratos.test',
    retry: 0,
    ...options,
    fetch: async (input, init) => {
      const request = new Request(input, init)
      return answer(await request.clone().text(), request)
    },
  })

describe('the new password is a secret: an upstream that echoes the request body shows it nowhere', () => {
  const password = 'Correct Horse+Battery/Staple=Ünïcödé 42!'
  test.each(['json', 'form'] as const)('encoding %s, echoed as JSON details and as a text page', async (encoding) => {
    for (const answer of [
      (body: string) =>
        Response.json({ error: { code: 400, status: 'Bad Request', message: 'm', details: { echo: body, parsed: encoding === 'json' ? JSON.parse(body) : undefined } } }, { status: 400 }),
      (body: string) => new Response(`<html><body>Bad request: ${body}</body></html>`, { status: 502, headers: { 'content-type': 'text/html' } }),
    ]) {
      const kratos = echoing(answer)
      const result = await kratos.updateSettingsFlow(FLOW_ID, { method: 'password', password, csrf_token: 'csrf-token-value-1234' }, 'ory_kratos_session=session-cookie-value', { encoding })
      const error = errorOf(result)
      expect(error).toBeDefined()
      const encodings = [password, encodeURIComponent(password), new URLSearchParams({ p: password }).toString().slice(2), JSON.stringify(password).slice(1, -1)]
      expect(leakedSecrets(error, encodings)).toEqual([])
    }
  })
})

describe('no count or order of cookies pushes a credential out of redaction', () => {
  test.each([127, 128, 500])('%i padding cookies before the session, and a Bearer token', async (padding) => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LWJlYXJlci10b2tlbg.sig-of-the-token'
    const session = 'c2Vzc2lvbi1jb29raWUtYWZ0ZXItdGhlLXBhZGRpbmc'
    const cookie = [...Array.from({ length: padding }, (_, index) => `pad${index}=padding-value-${String(index).padStart(4, '0')}`), `ory_kratos_session=${session}`].join('; ')
    const kratos = echoing((_body, request) => new Response(`<pre>${[...request.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>`, { status: 502 }), {
      headers: { authorization: `Bearer ${token}` },
    })
    const error = errorOf(await kratos.getSettingsFlow(FLOW_ID, cookie))
    expect(leakedSecrets(error, [token, session])).toEqual([])
  })
})

describe("Kratos' real CSRF cookie is redacted in every encoding an echo uses", () => {
  const name = `csrf_token_${randomBytes(32).toString('hex')}`
  const encodings: Record<string, (value: string) => string> = {
    'as sent': (value) => value,
    'percent-encoded, upper case': (value) => encodeURIComponent(value),
    'percent-encoded, lower case': (value) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    'HTML decimal references': (value) => value.replace(/[+/=]/g, (character) => `&#${character.charCodeAt(0)};`),
    'HTML hex references': (value) => value.replace(/[+/=]/g, (character) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`),
    'form-decoded (+ as a space)': (value) => value.replaceAll('+', ' '),
    "JSON's \\/": (value) => value.replaceAll('/', '\\/'),
    'a mixture': (value) => value.replace('+', '%2b').replace('/', '&#47;').replace('=', '\\u003d'),
  }

  test.each(Object.entries(encodings))('%s: 300 random values, none recoverable from the error', async (_encoding, encode) => {
    const values = Array.from({ length: 300 }, () => randomBytes(32).toString('base64'))
    let leaked = 0
    for (const value of values) {
      const kratos = echoing(() => new Response(`<p>Your cookie was ${name}: ${encode(value)} and again ${encode(value)}</p>`, { status: 502 }))
      const error = errorOf(await kratos.getSettingsFlow(FLOW_ID, `${name}=${value}`))
      if (leakedSecrets(error, [encode(value), value]).length > 0) leaked++
    }
    expect(leaked).toBe(0)
  })

  test('the name is redacted as a name=value secret too, at its full length', async () => {
    const kratos = echoing(() => new Response(`${name}=zz-not-a-cookie-we-sent-but-named-as-one`, { status: 502 }))
    expect(leakedSecrets(errorOf(await kratos.getSettingsFlow(FLOW_ID)), ['zz-not-a-cookie-we-sent-but-named-as-one'])).toEqual([])
  })
})
