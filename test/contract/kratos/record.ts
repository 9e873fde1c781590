// npm run record:kratos: runs every scenario against a running Kratos with our configuration and
// writes test/contract/kratos/recordings/<version>/<row>.json. See test/contract/kratos/README.md.
//   KRATOS_URL, KRATOS_ADMIN_URL: Kratos with kratos.yml
//   KRATOS_VARIANT_URL, KRATOS_VARIANT_ADMIN_URL (optional): kratos.yml + variant.yml
//     (+ verification-hook.yml from v25.4.0 on)
//   KRATOS_PENDING_URL, KRATOS_PENDING_ADMIN_URL (optional, master only): kratos.yml + pending-change.yml
//   KRATOS_COMMIT (optional): the commit Kratos was built from, kept in each recording
//   ROWS=C1,U7 (optional): only these rows
import { mkdirSync, writeFileSync } from 'node:fs'
import { startHelper } from './helper-server.js'
import { configurationFiles, liveTargets } from './live-targets.js'
import { normalizeExchange } from './normalize.js'
import { SCENARIOS } from './scenarios.js'

const live = await liveTargets()
if (live === undefined) {
  console.error('KRATOS_URL and KRATOS_ADMIN_URL name a Kratos running test/contract/kratos/config/kratos.yml')
  process.exit(2)
}
const { version, targets } = live
const commit = process.env['KRATOS_COMMIT']
const only = process.env['ROWS']?.split(',')
const folder = new URL(`recordings/${version}/`, import.meta.url)
mkdirSync(folder, { recursive: true })
const stop = await startHelper()
let written = 0
const failures: string[] = []
try {
  for (const scenario of SCENARIOS) {
    if (only !== undefined && !only.includes(scenario.id)) continue
    if (scenario.skip?.versions.includes(version) === true) continue
    const configuration = scenario.configuration ?? 'kratos'
    const target = targets[configuration]
    if (target === undefined) {
      console.log(`${scenario.id}: skipped (no Kratos with the ${configuration} configuration)`)
      continue
    }
    try {
      const browser = await scenario.run(target)
      const kratos = { version, ...(commit === undefined ? {} : { commit }), configuration: configurationFiles(configuration, version) }
      const recording = await normalizeExchange(scenario.id, kratos, browser.exchanges.at(-1)!)
      writeFileSync(new URL(`${scenario.id}.json`, folder), `${JSON.stringify(recording, null, 2)}\n`)
      written++
      const { status, location } = recording.response
      console.log(`${scenario.id}: ${status}${location === undefined ? '' : ` -> ${location}`}`)
    } catch (error) {
      failures.push(scenario.id)
      console.log(`${scenario.id}: failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
} finally {
  await stop()
}
console.log(`${written} recordings written for ${version}${failures.length === 0 ? '' : `; failed: ${failures.join(', ')}`}`)
process.exitCode = failures.length === 0 ? 0 : 1
