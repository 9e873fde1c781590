// One contender in a fresh process, for what needs a process of its own:
//   cold <name> <baseUrl>            time from process start to the first result, in ms
//   memory <name> <baseUrl> <calls>  peak resident memory over <calls> calls, 64 at a time
import { contenders } from './contenders.ts'
import { timeConcurrent } from './stats.ts'

const [mode, name = '', baseUrl = '', calls = '10000'] = process.argv.slice(2)
const contender = contenders[name]
if (contender === undefined) throw new Error(`unknown contender ${name}`)

if (mode === 'cold') {
  await (
    await contender(baseUrl)
  )()
  // performance.now() counts from the start of this process.
  process.stdout.write(JSON.stringify({ ms: performance.now() }))
} else {
  const call = await contender(baseUrl)
  await call()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  await timeConcurrent(call, Number(calls), 64)
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  process.stdout.write(JSON.stringify({ baseline, peak }))
}
