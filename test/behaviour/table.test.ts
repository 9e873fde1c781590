import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { recordingsOf, VERSIONS } from '../kratos/recordings.js'
import { renderBehaviourTable } from './render.js'
import { ROWS } from './rows.js'

test('docs/kratos-behaviour.md is rendered from the rows and the recordings (npm run docs:behaviour)', () => {
  expect(readFileSync(new URL('../../docs/kratos-behaviour.md', import.meta.url), 'utf8')).toBe(renderBehaviourTable())
})

test('each row has its own id', () => {
  expect(new Set(ROWS.map((row) => row.id)).size).toBe(ROWS.length)
})

test('four Kratos versions are recorded, with 60 rows or more each', () => {
  expect(VERSIONS).toEqual(['v26.2.0', 'v25.4.0', 'v1.3.1', 'master'])
  for (const version of VERSIONS) expect(recordingsOf(version).size, version).toBeGreaterThanOrEqual(60)
})
