// The bundle's entry, built by runtimes.test.ts once per way of reporting: the package as `import`
// and as `require` find it (its ESM and CommonJS builds), and the cases, with the harness's config inlined.
import * as sdk from 'kratos-settings'
import { runCases, type RuntimeConfig, type RuntimeReport } from './cases.js'

/** The servers and names the harness set up (esbuild's `define`). */
declare const RUNTIME_CONFIG: RuntimeConfig
/** How the report gets out: printed by a process, answered by a worker, or kept in a global for a page or a VM to read. */
declare const REPORT_TO: 'stdout' | 'response' | 'global'

function run(): Promise<RuntimeReport> {
  // The CommonJS build: a second copy of every class, as an app gets when its code and a dependency resolve the package differently.
  const copy = require('kratos-settings') as typeof sdk
  return runCases(RUNTIME_CONFIG, sdk, copy)
}

if (REPORT_TO === 'stdout') void run().then((report) => console.log(JSON.stringify(report)))
if (REPORT_TO === 'global') (globalThis as { runtimeReport?: Promise<string> }).runtimeReport = run().then((report) => JSON.stringify(report))

/** workerd's module worker: a request runs the cases, and the report is the answer. Only there: Bun serves any default export with a fetch method. */
export default REPORT_TO === 'response' ? { fetch: async () => Response.json(await run()) } : undefined
