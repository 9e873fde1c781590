// npm test: every recording of a real Kratos, replayed (a) to the SDK, which must give the row's
// result and next step, and (b) as the same scenario to the mock, which must answer as Kratos did
// but for the row's known differences. CI needs no Kratos.
import { describe, expect, test } from 'vitest'
import { ROWS, expectedFor } from '../behaviour/rows.js'
import { testClient } from '../../helpers/msw.js'
import { callSdk } from './sdk-replay.js'
import { compareAnswers, type Difference } from './compare.js'
import { explainedBy, KNOWN_DIFFERENCES, scenarioFailsOn } from './known-differences.js'
import type { KratosVersion } from '../../../src/mock/index.js'
import { mockTarget } from './mock-target.js'
import { normalizeExchange, type Recording } from './normalize.js'
import { recordingsOf, VERSIONS } from './recordings.js'
import { SCENARIOS } from './scenarios.js'

const unexplained = (row: string, version: string, differences: readonly Difference[]) => differences.filter((difference) => explainedBy(row, version, difference) === undefined)

/** The mock's differences from a recording: its scenario runs once, for the row's test and the check of the list alike. */
const mockDifferences = new Map<Recording, Promise<Difference[]>>()
function differencesOf(version: string, recording: Recording): Promise<Difference[]> {
  let differences = mockDifferences.get(recording)
  if (differences === undefined) {
    const scenario = SCENARIOS.find((item) => item.id === recording.row)!
    differences = scenario
      .run(mockTarget(scenario.configuration, version as KratosVersion))
      .then(async (browser) => compareAnswers(recording, await normalizeExchange(recording.row, recording.kratos, browser.exchanges.at(-1)!)))
    mockDifferences.set(recording, differences)
  }
  return differences
}

const recordings = new Map(VERSIONS.map((version) => [version, [...recordingsOf(version).values()]]))

describe.each(VERSIONS)('Kratos %s', (version) => {
  describe.each(recordings.get(version)!)('$row', (recording) => {
    test("the SDK gives the row's result and next step", async () => {
      const row = ROWS.find((item) => item.id === recording.row)
      expect(row, `row ${recording.row} is in test/contract/behaviour/rows.ts`).toBeDefined()
      const call = callSdk(recording)
      if (call === undefined) return expect(row!.endpoint).toBe('resume')
      const result = await call
      const { result: expected, step } = expectedFor(row!, version)
      expect(result).toMatchObject(expected)
      expect(testClient().nextStep(result, { returnTo: 'http://app.test/settings' })).toMatchObject(step)
    })

    test('the mock answers as Kratos did, but for known differences', async () => {
      if (scenarioFailsOn(recording.row) !== undefined) await expect(differencesOf(version, recording)).rejects.toThrow()
      else expect(unexplained(recording.row, version, await differencesOf(version, recording))).toEqual([])
    })
  })
})

test('every known difference still explains one (none is left over)', async () => {
  const used = new Set<unknown>()
  for (const [version, list] of recordings) {
    for (const recording of list) {
      if (scenarioFailsOn(recording.row) !== undefined) continue
      for (const difference of await differencesOf(version, recording)) used.add(explainedBy(recording.row, version, difference))
    }
  }
  expect(KNOWN_DIFFERENCES.filter((known) => !known.scenarioFails && !used.has(known)).map((known) => known.reason)).toEqual([])
}, 120_000)

test('every row of the table has a scenario, and every scenario a row', () => {
  expect(SCENARIOS.map((scenario) => scenario.id).sort()).toEqual(ROWS.map((row) => row.id).sort())
})
