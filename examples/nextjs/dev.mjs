// `npm run dev`: the mock Kratos and this app, started and stopped together. Both are on
// localhost, so the session cookie the mock's sign-in page sets reaches the app too.
import { spawn } from 'node:child_process'

const APP = 'http://localhost:3000'
const KRATOS = 'http://localhost:4433'
const env = { KRATOS_URL: 'http://127.0.0.1:4433', KRATOS_BROWSER_URL: KRATOS, ...process.env }
const mockArgs = ['--port', '4433', '--public-url', KRATOS, '--ui-url', APP, '--identity-schema', 'identity.schema.json', '--verification-hook']
const children = [spawn('kratos-settings-mock', mockArgs, { stdio: 'inherit', env }), spawn('next', ['dev', '-p', '3000'], { stdio: 'inherit', env })]
console.log(`Open ${APP}/settings`)

const stop = () => children.forEach((child) => child.kill('SIGTERM'))
for (const child of children) child.once('exit', (code) => (stop(), (process.exitCode ||= code ?? 0)))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
