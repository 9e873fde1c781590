import { describe, expect, test } from 'vitest'
import { directoryUrl, settingsEndpoints } from '../../../src/kratos/endpoints.js'

describe('settingsEndpoints', () => {
  test("Kratos' endpoints at the root of its URL", () => {
    expect(settingsEndpoints('https://auth.example.com')).toEqual({
      create: 'https://auth.example.com/self-service/settings/browser',
      get: 'https://auth.example.com/self-service/settings/flows',
      update: 'https://auth.example.com/self-service/settings',
      login: 'https://auth.example.com/self-service/login/browser',
      errors: 'https://auth.example.com/self-service/errors',
    })
  })

  test('under a path prefix, with or without its trailing slash', () => {
    for (const base of ['https://app.example.com/auth', 'https://app.example.com/auth/']) {
      expect(settingsEndpoints(base).update).toBe('https://app.example.com/auth/self-service/settings')
    }
  })

  test('directoryUrl adds the slash once, and takes a URL as well as a string', () => {
    expect(directoryUrl('https://a.example/x').href).toBe('https://a.example/x/')
    expect(directoryUrl(new URL('https://a.example/x/')).href).toBe('https://a.example/x/')
  })
})
