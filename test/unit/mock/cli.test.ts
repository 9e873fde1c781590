import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const cli = fileURLToPath(new URL('../../../dist/mock-cli.js', import.meta.url))

/** Runs the command until it prints its URL (or exits); returns what it printed and a way to stop it. */
async function run(...args: string[]) {
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string | undefined>((resolve) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\n')[0]!.trim()))
    child.once('exit', () => resolve(undefined))
  })
  return {
    url,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
    },
  }
}

test('--kratos-version names a version the mock imitates, and refuses any other', async () => {
  const refused = await run('--kratos-version', 'v0.1')
  expect(refused.url).toBeUndefined()
  expect(refused.stderr()).toContain('--kratos-version must be one of master, v26.2.0, v25.4.0, v1.3.1, not "v0.1"')

  // v1.3.1's session_inactive has no CredentialsMissing field (recorded: C3).
  for (const [version, fields] of [
    ['v1.3.1', ['error']],
    ['v26.2.0', ['error', 'CredentialsMissing']],
  ] as const) {
    const mock = await run('--kratos-version', version)
    try {
      const response = await fetch(`${mock.url!}/self-service/settings/browser`, { headers: { accept: 'application/json' } })
      expect(Object.keys((await response.json()) as object)).toEqual(fields)
    } finally {
      await mock.stop()
    }
  }
})

test('--verification-hook makes an email change ask for verification (recorded: U34)', async () => {
  for (const [flag, actions] of [
    [[], ['redirect_browser_to']],
    [['--verification-hook'], ['show_verification_ui', 'redirect_browser_to']],
  ] as const) {
    const mock = await run(...flag)
    try {
      const cookie = 'ory_kratos_session=grace'
      const created = await fetch(`${mock.url!}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie } })
      const csrfCookie = created.headers.getSetCookie()[0]!.split(';')[0]!
      const flow = (await created.json()) as { id: string; ui: { nodes: Array<{ attributes: { name?: string; value?: unknown } }> } }
      const csrf = flow.ui.nodes.find((node) => node.attributes.name === 'csrf_token')!.attributes.value
      const body = JSON.stringify({ method: 'profile', csrf_token: csrf, traits: { email: 'grace.hopper@example.com' } })
      const saved = await fetch(`${mock.url!}/self-service/settings?flow=${flow.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', cookie: `${cookie}; ${csrfCookie}` },
        body,
      })
      expect(((await saved.json()) as { continue_with: Array<{ action: string }> }).continue_with.map(({ action }) => action)).toEqual(actions)
    } finally {
      await mock.stop()
    }
  }
})

test('--help lists every flag the command takes', async () => {
  const { execFileSync } = await import('node:child_process')
  const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' })
  const source = (await import('node:fs')).readFileSync(fileURLToPath(new URL('../../../src/mock/cli.ts', import.meta.url)), 'utf8')
  const flags = [...source.matchAll(/^ {6}'?([a-z-]+)'?: \{ type:/gm)].map(([, flag]) => flag!)
  expect(flags.length).toBeGreaterThan(10)
  for (const flag of flags) expect(help, flag).toContain(`--${flag}`)
})

test('prints how to sign in, and --cors-origin lets that page read credentialed answers', async () => {
  const child = spawn(process.execPath, [cli, '--port', '0', '--cors-origin', 'http://localhost:5173'], { stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    let out = ''
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), out.includes('Sign in') && resolve())))
    const [url = '', hint = ''] = out.split('\n')
    expect(hint).toBe(`Sign in: open ${url}/self-service/login/browser (any name), or send the cookie ory_kratos_session=<name>.`)
    const answer = await fetch(`${url}/self-service/settings/browser`, { headers: { accept: 'application/json', origin: 'http://localhost:5173' } })
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
})

test('--identity-schema takes the traits of a Kratos identity schema, and refuses a file without them', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const folder = mkdtempSync(join(tmpdir(), 'schema-'))
  const good = join(folder, 'good.json')
  writeFileSync(good, JSON.stringify({ properties: { traits: { type: 'object', properties: { email: { type: 'string', format: 'email' }, newsletter: { type: 'boolean', title: 'Newsletter' } } } } }))
  const bad = join(folder, 'bad.json')
  writeFileSync(bad, JSON.stringify({ properties: {} }))
  const refused = await run('--identity-schema', bad)
  expect(refused.url).toBeUndefined()
  expect(refused.stderr()).toContain(`--identity-schema ${bad} has no properties.traits`)
  const mock = await run('--identity-schema', good)
  try {
    const flow = (await (await fetch(`${mock.url!}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie: 'ory_kratos_session=ada' } })).json()) as {
      ui: { nodes: Array<{ attributes: { name?: string; type?: string } }> }
    }
    expect(flow.ui.nodes.find((node) => node.attributes.name === 'traits.newsletter')?.attributes.type).toBe('checkbox')
  } finally {
    await mock.stop()
  }
})
