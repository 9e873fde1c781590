// `npm run bench`: kratos-settings against raw fetch, ky and the peers, in one run.
// `npm run bench -- --quick`: a few hundred calls, to prove the bench works (CI).
import { execFileSync, fork } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { bundleSizes } from './bundles.ts'
import { contenders, type Call } from './contenders.ts'
import { median, quantile, timeConcurrent, timeSequential } from './stats.ts'

const quick = process.argv.includes('--quick')
const ROUNDS = quick ? 2 : 10
const CALLS_PER_ROUND = quick ? 50 : 300
const CONCURRENCY = 64
const MEMORY_CALLS = quick ? 300 : 10_000
const COLD_RUNS = quick ? 1 : 11
const child = fileURLToPath(new URL('./child.ts', import.meta.url))

const server = fork(fileURLToPath(new URL('./flow-server.ts', import.meta.url)), { stdio: 'ignore' })
const { port, bytes } = await new Promise<{ port: number; bytes: number }>((resolve) => server.once('message', resolve as never))
const baseUrl = `http://127.0.0.1:${port}`

/** Interleaved rounds: every contender runs once per round, in a rotating order, after a warm-up. */
async function interleaved(entries: Record<string, (baseUrl: string) => Promise<Call>>, measure: (call: Call) => Promise<number[]>) {
  const calls = Object.fromEntries(await Promise.all(Object.entries(entries).map(async ([name, make]) => [name, await make(baseUrl)] as const)))
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(calls).map((name) => [name, []]))
  const names = Object.keys(calls)
  for (const name of names) await timeSequential(calls[name]!, quick ? 20 : 300)
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) samples[name]!.push(...(await measure(calls[name]!)))
  }
  return samples
}

const runChild = (args: string[]) => JSON.parse(execFileSync(process.execPath, [child, ...args], { encoding: 'utf8' })) as Record<string, number>
const ms = (us: number) => `${Math.round(us)} µs`
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}x`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`

console.log(`kratos-settings bench${quick ? ' (quick)' : ''}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}`)
console.log(`flow ${bytes} bytes; ${ROUNDS} rounds × ${CALLS_PER_ROUND} calls per contender, interleaved; ${CONCURRENCY} in flight for the concurrent run\n`)

const sequential = await interleaved(contenders, (call) => timeSequential(call, CALLS_PER_ROUND))
const concurrent = await interleaved(contenders, (call) => timeConcurrent(call, CALLS_PER_ROUND, CONCURRENCY))

const memory: Record<string, { baseline: number; peak: number }> = {}
for (const name of Object.keys(contenders)) memory[name] = runChild(['memory', name, baseUrl, String(MEMORY_CALLS)]) as { baseline: number; peak: number }
// Cold starts take turns, so that a busy moment on the machine costs every contender alike.
const coldRuns: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]))
for (let run = 0; run < COLD_RUNS; run++) for (const name of Object.keys(contenders)) coldRuns[name]!.push(runChild(['cold', name, baseUrl])['ms']!)
const cold = Object.fromEntries(Object.entries(coldRuns).map(([name, runs]) => [name, median(runs)]))
const bundles = await bundleSizes()
server.disconnect()

const floor = median(sequential['raw fetch']!)
const floorConcurrent = median(concurrent['raw fetch']!)
console.log(
  '| contender | sequential median (p90) | × raw fetch | 64 concurrent median | × raw fetch | peak RSS over ' +
    `${MEMORY_CALLS} calls | cold start to first result | browser bundle, gzip (minified) |`,
)
console.log('|---|---|---|---|---|---|---|---|')
for (const name of Object.keys(contenders)) {
  const bundle = bundles[name === 'ky, same options' ? 'ky' : name]
  console.log(
    `| ${name} | ${ms(median(sequential[name]!))} (${ms(quantile(sequential[name]!, 0.9))}) | ${ratio(median(sequential[name]!), floor)} | ` +
      `${ms(median(concurrent[name]!))} | ${ratio(median(concurrent[name]!), floorConcurrent)} | ${mb(memory[name]!.peak)} | ${Math.round(cold[name]!)} ms | ` +
      `${bundle === undefined ? '–' : `${kb(bundle.gzip)} (${kb(bundle.minified)})`} |`,
  )
}

const ours = median(sequential['kratos-settings']!)
const ky = median(sequential['ky, same options']!)
const ourBundle = bundles['kratos-settings']!
const kyConcurrent = median(concurrent['ky, same options']!)
const oursConcurrent = median(concurrent['kratos-settings']!)
const targets: Array<[string, boolean, string]> = [
  ['per-call median at most 1.10x ky configured as the SDK configures it', ours <= ky * 1.1, `${ratio(ours, ky)} of ky`],
  ['64 in flight: median at most 1.10x that ky', oursConcurrent <= kyConcurrent * 1.1, `${ratio(oursConcurrent, kyConcurrent)} of ky`],
  ['core browser bundle, ky included, <= 20 KB gzip', ourBundle.gzip <= 20 * 1024, kb(ourBundle.gzip)],
  ['cold start at most raw fetch + 15 ms', cold['kratos-settings']! <= cold['raw fetch']! + 15, `${Math.round(cold['kratos-settings']!)} ms vs ${Math.round(cold['raw fetch']!)} ms`],
  ['faster than @ory/client-fetch', ours < median(sequential['@ory/client-fetch']!), `${ms(ours)} vs ${ms(median(sequential['@ory/client-fetch']!))}`],
]
console.log('\nTargets:\n')
for (const [target, met, figure] of targets) console.log(`- ${met ? 'met' : 'NOT MET'}: ${target} (${figure})`)
if (quick) console.log('\n(quick run: too few calls for the timings to mean anything; it proves the bench works)')
