import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { recordingsOf, VERSIONS } from '../kratos/recordings.js'
import { renderBehaviourTable } from './render.js'
import { ROWS } from './rows.js'

test('docs/kratos-behaviour.md is rendered from the rows and the recordings (npm run docs:behaviour)', () => {
  expect(readFileSync(new URL('../../../docs/kratos-behaviour.md', import.meta.url), 'utf8')).toBe(renderBehaviourTable())
})

test('each row has its own id', () => {
  expect(new Set(ROWS.map((row) => row.id)).size).toBe(ROWS.length)
})

test('four Kratos versions are recorded, with 60 rows or more each', () => {
  expect(VERSIONS).toEqual(['v26.2.0', 'v25.4.0', 'v1.3.1', 'master'])
  for (const version of VERSIONS) expect(recordingsOf(version).size, version).toBeGreaterThanOrEqual(60)
})

test('the recordings hold no secret and no address of the machine they were made on', () => {
  let checked = 0
  for (const version of VERSIONS) {
    for (const recording of recordingsOf(version).values()) {
      const text = JSON.stringify(recording)
      expect(text, `${version}/${recording.row}`).not.toMatch(/127\.0\.0\.1|localhost:4/)
      // Session tokens, CSRF tokens, TOTP secrets and lookup codes are placeholders; cookies have no value.
      expect(text.match(/ory_st_\w+/g)?.filter((token) => token !== 'ory_st_TOKEN') ?? []).toEqual([])
      expect(recording.response.setCookie.every((cookie) => !('value' in cookie))).toBe(true)
      for (const [, csrfToken, secret] of text.matchAll(/"csrf_token","type":"hidden","value":"([^"]*)"|"secret":"([^"]*)"/g)) {
        expect(['CSRF-TOKEN', '', 'TOTP-SECRET', 'CODE']).toContain(csrfToken ?? secret)
        checked++
      }
    }
  }
  // The patterns found what they look for: a check that matches nothing proves nothing.
  expect(checked).toBeGreaterThan(300)
})
