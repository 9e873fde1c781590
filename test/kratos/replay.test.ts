// npm test: every recording of a real Kratos, replayed (a) to the SDK, which must give the row's
// result and next step, and (b) as the same scenario to the mock, which must answer as Kratos did
// but for the row's known differences. CI needs no Kratos.
import { describe, expect, test } from 'vitest'
import { ROWS, expectedFor } from '../behaviour/rows.js'
import { onKratos, testClient, useMsw } from '../helpers/msw.js'
import { compareAnswers, type Difference } from './compare.js'
import { explainedBy, KNOWN_DIFFERENCES, scenarioFailsOn } from './known-differences.js'
import type { KratosVersion } from '../../src/mock/index.js'
import { mockTarget } from './mock-target.js'
import { normalizeExchange, type Recording } from './normalize.js'
import { recordedResponse, recordingsOf, VERSIONS } from './recordings.js'
import { SCENARIOS } from './scenarios.js'

useMsw()

/** The SDK call that sends the recorded request; undefined for a request no SDK operation sends (a browser's navigation). */
function callSdk(recording: Recording) {
  const url = new URL(recording.request.url)
  const accept = recording.request.headers['accept'] ?? ''
  const mode = accept.includes('application/json') ? 'json' : 'redirect'
  const cookie = recording.request.cookies.length === 0 ? undefined : recording.request.cookies.map((name) => `${name}=value`).join('; ')
  const kratos = testClient()
  const path = url.pathname.slice(1)
  const answer = () => recordedResponse(recording)
  if (path === 'self-service/settings/browser') {
    onKratos('get', path, answer)
    const organization = url.searchParams.get('organization') ?? undefined
    return kratos.createBrowserSettingsFlow(url.searchParams.get('return_to') ?? undefined, cookie, { mode, ...(organization === undefined ? {} : { organization }) })
  }
  if (path === 'self-service/settings/flows') {
    onKratos('get', path, answer)
    return kratos.getSettingsFlow(url.searchParams.get('id') ?? '', cookie)
  }
  if (path === 'self-service/settings' && recording.request.method === 'POST') {
    onKratos('post', path, answer)
    const form = recording.request.headers['content-type']?.includes('json') !== true
    const sent = recording.request.body
    // A repeated form field: the first value is the one Kratos reads.
    const body = Array.isArray(sent) ? Object.fromEntries([...(sent as [string, string][])].reverse()) : (sent as Record<string, unknown>)
    return kratos.updateSettingsFlow(url.searchParams.get('flow') ?? '', body as never, cookie, { mode: form && mode === 'redirect' ? 'redirect' : 'json', encoding: form ? 'form' : 'json' })
  }
  return undefined
}

const unexplained = (row: string, version: string, differences: readonly Difference[]) => differences.filter((difference) => explainedBy(row, version, difference) === undefined)

describe.each(VERSIONS)('Kratos %s', (version) => {
  const recordings = [...recordingsOf(version).values()]

  describe.each(recordings)('$row', (recording) => {
    test("the SDK gives the row's result and next step", async () => {
      const row = ROWS.find((item) => item.id === recording.row)
      expect(row, `row ${recording.row} is in test/behaviour/rows.ts`).toBeDefined()
      const call = callSdk(recording)
      if (call === undefined) return expect(row!.endpoint).toBe('resume')
      const result = await call
      const { result: expected, step } = expectedFor(row!, version)
      expect(result).toMatchObject(expected)
      expect(testClient().nextStep(result, { returnTo: 'http://app.test/settings' })).toMatchObject(step)
    })

    test('the mock answers as Kratos did, but for known differences', async () => {
      const scenario = SCENARIOS.find((item) => item.id === recording.row)!
      if (scenarioFailsOn(recording.row) !== undefined) return await expect(scenario.run(mockTarget(scenario.configuration, version as KratosVersion))).rejects.toThrow()
      const browser = await scenario.run(mockTarget(scenario.configuration, version as KratosVersion))
      const mock = await normalizeExchange(recording.row, recording.kratos, browser.exchanges.at(-1)!)
      expect(unexplained(recording.row, version, compareAnswers(recording, mock))).toEqual([])
    })
  })
})

test('every known difference still explains one (none is left over)', async () => {
  const used = new Set<unknown>()
  for (const version of VERSIONS) {
    for (const recording of recordingsOf(version).values()) {
      const scenario = SCENARIOS.find((item) => item.id === recording.row)!
      if (scenarioFailsOn(recording.row) !== undefined) continue
      const browser = await scenario.run(mockTarget(scenario.configuration, version as KratosVersion))
      const mock = await normalizeExchange(recording.row, recording.kratos, browser.exchanges.at(-1)!)
      for (const difference of compareAnswers(recording, mock)) used.add(explainedBy(recording.row, version, difference))
    }
  }
  expect(KNOWN_DIFFERENCES.filter((known) => !known.scenarioFails && !used.has(known)).map((known) => known.reason)).toEqual([])
}, 120_000)

test('every row of the table has a scenario, and every scenario a row', () => {
  expect(SCENARIOS.map((scenario) => scenario.id).sort()).toEqual(ROWS.map((row) => row.id).sort())
})
