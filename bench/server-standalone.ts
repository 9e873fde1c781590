import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { writeFileSync } from 'node:fs'
const server = fork(fileURLToPath(new URL('./flow-server.ts', import.meta.url)), { stdio: 'ignore', execArgv: [] })
const { port } = await new Promise<{ port: number }>((resolve) => server.once('message', resolve as never))
writeFileSync('/tmp/flow-port', String(port))
setInterval(() => {}, 1e6)
