import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { onKratos, testClient, useMsw } from '../helpers/msw.js'
import { harness } from './harness.js'
import { renderBehaviourTable } from './render.js'
import { ROWS, type Row } from './rows.js'

useMsw()

const FLOW = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const PATHS = { create: ['get', 'self-service/settings/browser'], get: ['get', 'self-service/settings/flows'], update: ['post', 'self-service/settings'] } as const

function call(row: Row) {
  const kratos = testClient()
  const browser = row.client.startsWith('browser')
  const cookie = 'ory_kratos_session=s; csrf_token_x=c'
  if (row.endpoint === 'create') return kratos.createBrowserSettingsFlow(undefined, cookie, { mode: browser ? 'redirect' : 'json' })
  if (row.endpoint === 'get') return kratos.getSettingsFlow(FLOW, cookie)
  const encoding = row.client.endsWith('form body') ? 'form' : 'json'
  return kratos.updateSettingsFlow(FLOW, { method: 'password', password: 'p', csrf_token: 't' }, cookie, { mode: browser ? 'redirect' : 'json', encoding })
}

describe.each(ROWS)('$id $endpoint ($client): $condition', (row) => {
  test("Kratos' answer becomes the row's result and next step", async () => {
    const [method, path] = PATHS[row.endpoint]
    onKratos(method, path, row.answer)
    const result = await call(row)
    expect(result).toMatchObject(row.result)
    expect(testClient().nextStep(result, { returnTo: 'https://app.example.com/settings' })).toMatchObject(row.step)
  })

  test('the mock answers the same request as Kratos does', async () => {
    const response = await row.mock(harness())
    const { status, location, errorId, body } = row.mockAnswer
    expect(response.status).toBe(status)
    if (location !== undefined) expect(response.headers.get('location')).toMatch(location)
    if (errorId !== undefined || body !== undefined) {
      const json = (await response.json()) as { error?: { id?: string } }
      if (errorId !== undefined) expect(json.error?.id).toBe(errorId ?? undefined)
      if (body !== undefined) expect(json).toMatchObject(body)
    }
  })
})

test('docs/kratos-behaviour.md is rendered from the rows (npm run docs:behaviour)', () => {
  expect(readFileSync(new URL('../../docs/kratos-behaviour.md', import.meta.url), 'utf8')).toBe(renderBehaviourTable())
})

test('the table has a row per condition the issue names, at least 40 with both clients', () => {
  expect(ROWS.length).toBeGreaterThanOrEqual(40)
  expect(new Set(ROWS.map((row) => row.id)).size).toBe(ROWS.length)
})
