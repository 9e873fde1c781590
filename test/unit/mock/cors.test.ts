import { describe, expect, test } from 'vitest'
import { corsFor } from '../../../src/mock/cors.js'

const PAGE = 'http://localhost:5173'

describe('corsFor', () => {
  test('takes origins only, with or without a trailing slash', () => {
    expect(() => corsFor([PAGE, 'https://app.example.com/'])).not.toThrow()
    for (const origin of ['*', 'localhost:5173', 'http://localhost:5173/app', 'ftp://x.example', 'http://a.example?x=1']) {
      expect(() => corsFor([origin]), origin).toThrow(TypeError)
    }
  })

  test('leaves a request that is not a preflight to the mock, and a response for another origin as it is', () => {
    const cors = corsFor([PAGE])
    expect(cors.preflight(new Request('http://kratos.test/x', { method: 'OPTIONS' }))).toBeUndefined()
    expect(cors.preflight(new Request('http://kratos.test/x', { headers: { 'access-control-request-method': 'GET' } }))).toBeUndefined()
    const response = new Response('x')
    expect(cors.apply(new Request('http://kratos.test/x', { headers: { origin: 'http://other.example' } }), response)).toBe(response)
  })

  test('keeps status, body and the headers already set when it adds its own', async () => {
    const cors = corsFor([PAGE])
    const original = new Response('body', {
      status: 410,
      headers: [
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['vary', 'Accept'],
      ],
    })
    const response = cors.apply(new Request('http://kratos.test/x', { headers: { origin: PAGE } }), original)
    expect(response.status).toBe(410)
    expect(await response.text()).toBe('body')
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(response.headers.get('vary')).toBe('Accept, Origin')
    expect(response.headers.get('access-control-expose-headers')).toBe('Content-Type, Set-Cookie')
  })

  test('a preflight for a method Kratos does not allow gets no CORS header', () => {
    const preflight = corsFor([PAGE]).preflight(new Request('http://kratos.test/x', { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': 'TRACE' } }))!
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})
