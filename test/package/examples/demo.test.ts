import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { serveMockKratos } from '../../helpers/serve-mock-kratos.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url))

// What `npm start` runs, in a child process, with the environment given. Asynchronous, so that
// a server in this process can answer the child.
function demo(env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const { KRATOS_URL: _url, KRATOS_COOKIE: _cookie, ...rest } = process.env
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, 'examples/demo/main.ts'], { cwd: root, env: { ...rest, ...env } }, (error, stdout, stderr) =>
      resolve({ status: error === null ? 0 : Number(error.code), stdout, stderr }),
    )
  })
}

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('npm start', () => {
  test('runs every scenario on the embedded mock Kratos and prints its kind and id', async () => {
    const { status, stdout, stderr } = await demo()
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const kinds = [...stdout.matchAll(/kind: (\w+) · status (\d+)/g)].map(([, kind, code]) => `${kind} ${code}`)
    expect(kinds).toEqual([
      ...['flow 200', 'redirect 303', 'error 401', 'error 403', 'error 400', 'unexpected 403', 'unexpected 502'],
      // The lifecycle: create, read back, an invalid submit, a valid one.
      ...['flow 200', 'flow 200', 'invalid 400', 'flow 200'],
    ])
    for (const id of ['session_inactive', 'session_aal2_required', 'self_service_flow_return_to_forbidden', 'session_quantum_entangled']) {
      expect(stdout).toContain(id)
    }
    expect(stdout).toMatch(/redirectBrowserTo: http:\/\/127\.0\.0\.1:\d+\/kratos\/self-service\/login\/browser\?aal=aal2/)
    expect(stdout).toContain('problem: not_json')
    expect(stdout).toContain('The proxy got 3 requests')
    expect(stdout).toMatch(/a\. Create a flow.*\n.*Set-Cookie: csrf_token_mock/)
    expect(stdout).toContain('message 4000040 (error) on traits.email: Enter a valid email address')
    expect(stdout).toMatch(/state success[^]*continue_with: show_verification_ui \(verify ada@example\.org\)/)
    // One flow through the whole lifecycle: the 400 keeps the flow id.
    expect(new Set([...stdout.split('The whole lifecycle')[1]!.matchAll(/^ {3}flow (\S+),/gm)].map(([, id]) => id)).size).toBe(1)
  })

  test('with KRATOS_URL and KRATOS_COOKIE, asks that Kratos instead', async () => {
    const kratos = await serveMockKratos('/auth')
    close = kratos.close
    const { status, stdout } = await demo({ KRATOS_URL: kratos.baseUrl, KRATOS_COOKIE: 'ory_kratos_session=real' })
    expect(status).toBe(0)
    expect(stdout).toContain(`Kratos at ${kratos.baseUrl}`)
    expect([...stdout.matchAll(/kind: (\w+)/g)].map(([, kind]) => kind)).toEqual(['flow', 'redirect', 'flow', 'flow'])
    expect(stdout).not.toContain('Submit')
  })

  test('a bad KRATOS_URL gets one clear line and a non-zero exit', async () => {
    const { status, stdout, stderr } = await demo({ KRATOS_URL: 'ftp://kratos.internal' })
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual(['Invalid KRATOS_URL or KRATOS_COOKIE: createKratosClient: baseUrl must use http or https, not ftp:'])
  })
})
