import { describe, expect, test } from 'vitest'
import { type SettingsFlow } from '../../../src/index.js'
import { SESSION_COOKIE, startMockKratos } from '../../../src/mock/index.js'

describe('startMockKratos', () => {
  test('a prefix with a trailing slash gives a base URL without one, under which the mock answers', async () => {
    const kratos = await startMockKratos({ prefix: '/auth/' })
    try {
      expect(kratos.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth$/)
      const response = await fetch(`${kratos.url}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=ada` } })
      const flow = (await response.json()) as SettingsFlow
      expect(flow.ui.action).toBe(`${kratos.url}/self-service/settings?flow=${flow.id}`)
    } finally {
      await kratos.close()
    }
  })

  test('a publicUrl puts every URL the mock builds on it, while it answers where it listens, bodies included', async () => {
    const kratos = await startMockKratos({ publicUrl: 'https://auth.example.com/kratos/', prefix: '/internal' })
    try {
      expect(kratos.publicUrl).toBe('https://auth.example.com/kratos')
      const cookie = `${SESSION_COOKIE}=ada`
      const created = await fetch(`${kratos.url}/self-service/settings/browser`, { headers: { accept: 'application/json', cookie } })
      const flow = (await created.json()) as SettingsFlow
      expect(flow.ui.action).toBe(`https://auth.example.com/kratos/self-service/settings?flow=${flow.id}`)
      const csrfCookie = created.headers.getSetCookie()[0]!.split(';')[0]!
      const csrf = flow.ui.nodes.find((node) => 'name' in node.attributes && node.attributes.name === 'csrf_token')!.attributes
      const saved = await fetch(`${kratos.url}/self-service/settings?flow=${flow.id}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', cookie: `${cookie}; ${csrfCookie}` },
        body: JSON.stringify({ method: 'profile', csrf_token: (csrf as { value: string }).value, traits: { email: 'ada@example.com', name: { first: 'Ada' } } }),
      })
      expect(((await saved.json()) as SettingsFlow).state).toBe('success')
      const login = await fetch(`${kratos.url}/self-service/login/browser`, { redirect: 'manual' })
      expect(login.headers.get('location')).toMatch(/^https:\/\/auth\.example\.com\/kratos\/mock\/login\?flow=/)
      expect((await fetch(`${new URL(kratos.url).origin}/elsewhere`)).status).toBe(404)
    } finally {
      await kratos.close()
    }
  })

  test('options the mock refuses close the server it opened: its port is free again', async () => {
    const { freePort } = await import('../../helpers/http-server.js')
    const port = await freePort()
    await expect(startMockKratos({ port, corsOrigins: ['not an origin'] })).rejects.toThrow(TypeError)
    const again = await startMockKratos({ port })
    await again.close()
    expect(new URL(again.url).port).toBe(String(port))
  })
})

test('answers its own addresses and its public URL, and no other Host', async () => {
  const { request } = await import('node:http')
  const kratos = await startMockKratos({ publicUrl: 'http://auth.localhost:4470' })
  const status = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const { port } = new URL(kratos.url)
      const sent = request(
        { host: '127.0.0.1', port, path: '/self-service/settings/browser', headers: { host, accept: 'application/json' }, agent: false },
        (answer) => (answer.resume(), resolve(answer.statusCode!)),
      )
      sent.on('error', reject)
      sent.end()
    })
  try {
    const { port } = new URL(kratos.url)
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'auth.localhost:4470']) expect(await status(host), host).toBe(401)
    for (const host of ['rebound.example', `rebound.example:${port}`, `auth.localhost:${port}`]) expect(await status(host), host).toBe(421)
  } finally {
    await kratos.close()
  }
})
