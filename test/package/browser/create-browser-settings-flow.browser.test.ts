import { afterEach, describe, expect, inject, test } from 'vitest'
import { createKratosClient, getCsrfToken, KratosArgumentError, type SettingsFlow, type SettingsFlowResult } from '../../../src/index.js'
import { loadSettingsFlow } from '../../../examples/browser/load-settings-flow.js'
import { SESSION_COOKIE } from '../../../src/mock/mock-kratos.js'

// Runs in real Chromium. The page and the mock Kratos are on different ports of 127.0.0.1:
// cross-origin but same-site, as an app and its Kratos on two subdomains are.
const baseUrl = inject('kratosUrl')

const flowOf = (result: SettingsFlowResult): SettingsFlow => {
  if (result.kind !== 'flow') throw new Error(`expected a flow, got ${result.kind} ${result.status}`)
  return result.flow
}

describe('createBrowserSettingsFlow in a browser', () => {
  afterEach(() => {
    document.cookie = `${SESSION_COOKIE}=; Path=/; Max-Age=0`
  })

  test('runs in a real browser page, cross-origin to Kratos', () => {
    expect(navigator.userAgent).toMatch(/Chrome\//)
    expect(new URL(baseUrl).origin).not.toBe(location.origin)
  })

  test('sends cookies with credentials: include, and the CSRF cookie Kratos set comes back on the next call', async () => {
    document.cookie = `${SESSION_COOKIE}=browser-session; Path=/`
    const kratos = createKratosClient({ baseUrl, retry: 0 })
    const first = flowOf(await kratos.createBrowserSettingsFlow())
    const second = flowOf(await kratos.createBrowserSettingsFlow())
    // The CSRF cookie is HttpOnly: the page cannot read it, but Kratos received it and kept its token.
    expect(document.cookie).not.toContain('csrf_token')
    // Each flow's token masks the cookie's secret anew (as nosurf does): unmasked, both are the same.
    const secret = (token: string | undefined) => {
      const bytes = Uint8Array.from(atob(token ?? ''), (character) => character.charCodeAt(0))
      return bytes
        .slice(0, 32)
        .map((byte, i) => byte ^ bytes[32 + i]!)
        .join()
    }
    expect(getCsrfToken(second)).not.toBe(getCsrfToken(first))
    expect(secret(getCsrfToken(second))).toBe(secret(getCsrfToken(first)))
    expect(second.id).not.toBe(first.id)
  })

  test('without credentials the session cookie stays home, and Kratos answers session_inactive', async () => {
    document.cookie = `${SESSION_COOKIE}=browser-session; Path=/`
    const result = await createKratosClient({ baseUrl, retry: 0, credentials: 'omit' }).createBrowserSettingsFlow()
    expect(result).toMatchObject({ kind: 'error', status: 401, error: { id: 'session_inactive' } })
  })

  test('a redirect is opaque to a browser: kind redirect, status 0, location null', async () => {
    document.cookie = `${SESSION_COOKIE}=browser-session; Path=/`
    const result = await createKratosClient({ baseUrl, retry: 0 }).createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
    expect(result).toEqual({ kind: 'redirect', status: 0, location: null, setCookie: [] })
  })

  test('rejects a cookie argument with a clear error, before any request', async () => {
    let requests = 0
    const kratos = createKratosClient({ baseUrl, retry: 0, fetch: (input, init) => (requests++, fetch(input, init)) })
    const call = kratos.createBrowserSettingsFlow(undefined, `${SESSION_COOKIE}=x`)
    await expect(call).rejects.toThrow(KratosArgumentError)
    await expect(call).rejects.toThrow(/cookie.*browser/i)
    expect(requests).toBe(0)
  })
})

describe('examples/browser/load-settings-flow', () => {
  afterEach(() => {
    document.cookie = `${SESSION_COOKIE}=; Path=/; Max-Age=0`
  })

  test('returns the flow for a signed-in user', async () => {
    document.cookie = `${SESSION_COOKIE}=browser-session; Path=/`
    const flow = await loadSettingsFlow(createKratosClient({ baseUrl }), () => expect.unreachable())
    expect(flow?.ui.action).toMatch(`${baseUrl}/self-service/settings?flow=`)
  })

  test('sends a signed-out browser to the login, and an AAL1 session to the second factor', async () => {
    const targets: string[] = []
    await loadSettingsFlow(createKratosClient({ baseUrl }), (url) => targets.push(url))
    document.cookie = `${SESSION_COOKIE}=aal1; Path=/`
    await loadSettingsFlow(createKratosClient({ baseUrl }), (url) => targets.push(url))
    expect(targets).toEqual([`${baseUrl}/self-service/login/browser`, `${baseUrl}/self-service/login/browser?aal=aal2`])
  })
})
