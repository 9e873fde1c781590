import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosNetworkError } from '../../../src/index.js'
import { escapeText } from '../../../src/utils/escape-text.js'

// What forges a log line or drives a terminal: line breaks, ANSI escapes (ESC and the one-byte
// CSI), NUL, DEL, Unicode line separators, and bidirectional overrides (Trojan Source).
const FORGERIES = ['\r\n2026-11-21 INFO login ok user=admin', '\u001b[2J\u001b[31mFAKE', '\u009b31m', '\u0000', '\u007f', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f', '\u061c', '\ufeff']
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\u200b\ufeff]/u

describe('escapeText', () => {
  test('writes CR, LF and tab as short escapes and every other unsafe character as \\u', () => {
    expect(escapeText('a\r\nb\tc')).toBe('a\\r\\nb\\tc')
    expect(escapeText('\u001b[31m')).toBe('\\u001b[31m')
    expect(escapeText('\u0000\u007f\u0080\u009f\u2028\u2029\u200e\u200f\u202a\u202e\u2066\u2069\u061c\u200b\ufeff')).toBe(
      '\\u0000\\u007f\\u0080\\u009f\\u2028\\u2029\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069\\u061c\\u200b\\ufeff',
    )
  })

  test('leaves printable text, including non-Latin letters and emoji, as it is', () => {
    const text = 'Kratos: ä ß 日本 😀 \u00a0 \u00ad ~'
    expect(escapeText(text)).toBe(text)
  })

  test('escapes every character of the unsafe ranges and none outside them', () => {
    const wrong: string[] = []
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code)
      if (code >= 0xd800 && code <= 0xdfff) continue // a lone surrogate is not a character
      if ((escapeText(character) !== character) !== UNSAFE.test(character)) wrong.push(`U+${code.toString(16)}`)
    }
    expect(wrong).toEqual([])
  })
})

const client = (answer: () => Response) => createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch: async () => answer() })

describe.each(FORGERIES)('server text carrying %j', (forgery) => {
  const answers: Record<string, () => Response> = {
    'an unknown error id': () => Response.json({ error: { id: `evil${forgery}`, code: 400, message: 'm' } }, { status: 400 }),
    'a known error message': () => Response.json({ error: { id: 'session_inactive', code: 401, message: `m${forgery}` } }, { status: 401 }),
    'an id-less error message': () => Response.json({ error: { code: 404, status: `Not Found${forgery}` } }, { status: 404 }),
    'an HTML preview': () => new Response(`<h1>502${forgery}</h1>`, { status: 502, headers: { 'content-type': 'text/html' } }),
    'a content type': () => new Response('<h1>502</h1>', { status: 502, headers: { 'content-type': `text/html${forgery.replace(/[\0\r\n]/g, '')}; x="${forgery.replace(/[\0\r\n]/g, '')}"` } }),
    'a not-a-flow reason': () => Response.json({ error: { id: 'x', code: 500, reason: forgery, message: forgery } }, { status: 500 }),
  }

  test.each(Object.entries(answers))('in %s stays escaped in error.message and error.stack', async (_where, answer) => {
    let response: Response
    try {
      response = answer()
    } catch {
      return // Headers refuse NUL, CR and LF: that forgery cannot arrive this way.
    }
    for (const result of [await client(() => response.clone()).getSettingsFlow('f1'), await client(() => response.clone()).updateSettingsFlow('f1', { method: 'profile', traits: {} })]) {
      expect(result.kind === 'error' || result.kind === 'unexpected').toBe(true)
      if (result.kind !== 'error' && result.kind !== 'unexpected') continue
      expect(result.error.message).not.toMatch(UNSAFE)
      // The stack adds its own line breaks after the message, and nothing else.
      expect((result.error.stack ?? '').replaceAll('\n', '')).not.toMatch(UNSAFE)
      expect(result.error.stack?.split('\n')[0]).toContain(result.error.message)
    }
  })
})

test('a network failure whose cause message carries control characters is escaped too', async () => {
  const kratos = createKratosClient({
    baseUrl: 'http://kratos.test',
    retry: 0,
    fetch: async () => {
      throw new TypeError('fetch failed', { cause: new Error('x') })
    },
  })
  const error = await kratos.getSettingsFlow('f1').catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(KratosNetworkError)
  expect(new KratosNetworkError('GET', 'http://a', new Error('bad\r\nINFO forged')).message).toBe('Could not reach Kratos (GET http://a): bad\\r\\nINFO forged')
})
