import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { createMockKratos } from '../../src/msw/index.js'
import { serve } from '../../examples/demo/serve.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url))

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
    expect(kinds).toEqual(['flow 200', 'redirect 303', 'error 401', 'error 403', 'error 400', 'unexpected 403', 'unexpected 502'])
    for (const id of ['session_inactive', 'session_aal2_required', 'self_service_flow_return_to_forbidden', 'session_quantum_entangled']) {
      expect(stdout).toContain(id)
    }
    expect(stdout).toMatch(/redirectBrowserTo: http:\/\/127\.0\.0\.1:\d+\/kratos\/self-service\/login\/browser\?aal=aal2/)
    expect(stdout).toContain('problem: not_json')
    expect(stdout).toContain('The proxy got 3 requests')
  })

  test('with KRATOS_URL and KRATOS_COOKIE, asks that Kratos instead', async () => {
    const kratos = await serve(createMockKratos({ baseUrl: 'http://127.0.0.1/auth' }))
    close = kratos.close
    // The mock matches on path only, so any loopback origin works for its base URL.
    const { status, stdout } = await demo({ KRATOS_URL: `${kratos.origin}/auth`, KRATOS_COOKIE: 'ory_kratos_session=real' })
    expect(status).toBe(0)
    expect(stdout).toContain(`Kratos at ${kratos.origin}/auth`)
    expect([...stdout.matchAll(/kind: (\w+)/g)].map(([, kind]) => kind)).toEqual(['flow', 'redirect'])
  })

  test('a bad KRATOS_URL gets one clear line and a non-zero exit', async () => {
    const { status, stdout, stderr } = await demo({ KRATOS_URL: 'ftp://kratos.internal' })
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual(['Invalid KRATOS_URL or KRATOS_COOKIE: createKratosClient: baseUrl must use http or https, not ftp:'])
  })
})
