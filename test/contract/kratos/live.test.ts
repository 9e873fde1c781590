// npm run test:kratos: every scenario against a live Kratos running our configuration
// (test/contract/kratos/README.md). Its answers must match the recordings of its version, and the SDK must
// read them as the rows say. Skipped without KRATOS_URL: CI has no Kratos.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectedFor, ROWS } from '../behaviour/rows.js'
import { testClient } from '../../helpers/msw.js'
import { compareAnswers } from './compare.js'
import { startHelper } from './helper-server.js'
import { configurationFiles, liveTargets } from './live-targets.js'
import { normalizeExchange } from './normalize.js'
import { recordingsOf } from './recordings.js'
import { SCENARIOS } from './scenarios.js'
import { callSdk } from './sdk-replay.js'

const live = process.env['KRATOS_URL'] === undefined ? undefined : await liveTargets()

describe.skipIf(live === undefined)('a live Kratos', () => {
  let stop: (() => Promise<void>) | undefined
  beforeAll(async () => void (stop = await startHelper()))
  afterAll(async () => stop?.())

  const { version, targets } = live ?? { version: '', targets: {} }
  const recordings = live === undefined ? new Map() : recordingsOf(version)
  const runnable = SCENARIOS.filter((scenario) => scenario.skip?.versions.includes(version) !== true)

  test.each(runnable.map((scenario) => [scenario.id, scenario] as const))(
    '%s answers as recorded, and the SDK reads it as the row says',
    async (id, scenario) => {
      const configuration = scenario.configuration ?? 'kratos'
      const target = targets[configuration]
      if (target === undefined) return expect.fail(`no Kratos with the ${configuration} configuration: set its URLs (test/contract/kratos/README.md)`)
      const browser = await scenario.run(target)
      const answer = await normalizeExchange(id, { version, configuration: configurationFiles(configuration, version) }, browser.exchanges.at(-1)!)
      const recorded = recordings.get(id)
      expect(recorded, `a recording of ${id} for ${version} (npm run record:kratos)`).toBeDefined()
      expect(compareAnswers(recorded!, answer)).toEqual([])
      const call = callSdk(answer)
      if (call === undefined) return
      const result = await call
      const expected = expectedFor(
        ROWS.find((row) => row.id === id)!,
        version,
      )
      expect(result).toMatchObject(expected.result)
      expect(testClient().nextStep(result, { returnTo: 'http://app.test/settings' })).toMatchObject(expected.step)
    },
    60_000,
  )
})
