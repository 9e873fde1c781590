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
})
