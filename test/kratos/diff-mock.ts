// npm run diff:kratos [version] [rows]: prints every difference between the mock and the recordings.
import { readdirSync, readFileSync } from 'node:fs'
import { compareAnswers } from './compare.js'
import type { KratosVersion } from '../../src/mock/index.js'
import { mockTarget } from './mock-target.js'
import { normalizeExchange, type Recording } from './normalize.js'
import { SCENARIOS } from './scenarios.js'

const version = process.argv[2] ?? 'v26.2.0'
const only = process.argv[3]?.split(',')
const folder = new URL(`recordings/${version}/`, import.meta.url)
for (const file of readdirSync(folder).sort()) {
  const recording = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Recording
  if (only !== undefined && !only.includes(recording.row)) continue
  const scenario = SCENARIOS.find((item) => item.id === recording.row)!
  let browser
  try {
    browser = await scenario.run(mockTarget(scenario.configuration, version as KratosVersion))
  } catch (error) {
    console.log(`${recording.row}: the scenario failed on the mock: ${String(error)}`)
    continue
  }
  const mock = await normalizeExchange(recording.row, recording.kratos, browser.exchanges.at(-1)!)
  const differences = compareAnswers(recording, mock)
  console.log(`${recording.row}: ${differences.length === 0 ? 'same' : ''}`)
  for (const d of differences) console.log(`  ${d.path}\n    kratos ${JSON.stringify(d.kratos)}\n    mock   ${JSON.stringify(d.mock)}`)
}
