import { describe, expect, test } from 'vitest'
import { KNOWN_ERROR_IDS, type SettingsFlow } from '../../src/index.js'
import { CSRF_COOKIE, SESSION_COOKIE, createKratosHandlers, kratosErrorStatus } from '../../src/msw/index.js'
import { server, testClient, useMsw } from '../helpers/msw.js'

useMsw()

const BASE_URL = 'http://kratos.test/auth'
const session = `${SESSION_COOKIE}=token`
const client = () => testClient({ baseUrl: BASE_URL })
const csrfTokenOf = (flow: SettingsFlow) =>
  flow.ui.nodes.flatMap(({ attributes }) => (attributes.node_type === 'input' && attributes.name === 'csrf_token' ? [attributes.value] : []))[0]

describe('createKratosHandlers', () => {
  test('answers with a flow and a CSRF cookie whose value is the flow’s CSRF token, under a path prefix', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const result = await client().createBrowserSettingsFlow('http://kratos.test/welcome', session)
    expect(result.kind).toBe('flow')
    if (result.kind !== 'flow') return
    expect(result.flow.return_to).toBe('http://kratos.test/welcome')
    expect(result.flow.ui.action).toBe(`${BASE_URL}/self-service/settings?flow=${result.flow.id}`)
    expect(result.setCookie).toHaveLength(1)
    const [pair] = result.setCookie[0]!.split(';')
    expect(pair).toBe(`${CSRF_COOKIE}=${csrfTokenOf(result.flow)}`)
    expect(result.setCookie[0]).toMatch(/; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/)
  })

  test('keeps the CSRF cookie the browser already holds, as Kratos does', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const result = await client().createBrowserSettingsFlow(undefined, `${session}; ${CSRF_COOKIE}=kept+token=`)
    expect(result.setCookie).toEqual([])
    expect(result.kind === 'flow' && csrfTokenOf(result.flow)).toBe('kept+token=')
  })

  test('answers a browser navigation with a 303 to the settings UI', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL, uiUrl: 'http://app.test/ui' }))
    const result = await client().createBrowserSettingsFlow(undefined, session, { mode: 'redirect' })
    expect(result).toMatchObject({ kind: 'redirect', status: 303, location: expect.stringMatching(/^http:\/\/app\.test\/ui\/settings\?flow=/) })
    expect(result.setCookie).toHaveLength(1)
  })

  test('answers 401 session_inactive without a session cookie, or a 303 to login in browser mode', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const json = await client().createBrowserSettingsFlow()
    expect(json).toMatchObject({ kind: 'error', status: 401, error: { id: 'session_inactive' } })
    const browser = await client().createBrowserSettingsFlow(undefined, 'other=1', { mode: 'redirect' })
    expect(browser).toMatchObject({ kind: 'redirect', status: 303, location: `${BASE_URL}/self-service/login/browser` })
  })

  test('answers session_aal2_required for an AAL1 session, pointing at the second-factor login', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
    const result = await client().createBrowserSettingsFlow(undefined, `${SESSION_COOKIE}=aal1`)
    expect(result.kind === 'error' && result.error.id === 'session_aal2_required' && result.error.redirectBrowserTo).toBe(
      `${BASE_URL}/self-service/login/browser?aal=aal2`,
    )
  })

  test('answers self_service_flow_return_to_forbidden for a return_to off the allow list', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL, allowedReturnToOrigins: ['https://app.example.com'] }))
    const result = await client().createBrowserSettingsFlow('https://evil.example.net/', session)
    expect(result).toMatchObject({ kind: 'error', status: 400, error: { id: 'self_service_flow_return_to_forbidden' } })
  })

  test.each(KNOWN_ERROR_IDS)('answers %s on demand, as a typed error with its status', async (id) => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL, error: id }))
    const result = await client().createBrowserSettingsFlow(undefined, session)
    expect(result).toMatchObject({ kind: 'error', status: kratosErrorStatus(id), error: { id } })
  })

  test('answers an id Kratos does not know, which the client reports as unexpected', async () => {
    server.use(...createKratosHandlers({ baseUrl: BASE_URL, error: 'some_future_error' }))
    const result = await client().createBrowserSettingsFlow(undefined, session)
    expect(result).toMatchObject({ kind: 'unexpected', error: { id: 'some_future_error', problem: 'unknown_error_id' } })
  })
})
