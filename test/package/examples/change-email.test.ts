import { describe, expect, test } from 'vitest'
import { changeEmail } from '../../../examples/node/change-email.js'
import { createKratosClient, isKratosError } from '../../../src/index.js'
import { SESSION_COOKIE } from '../../../src/mock/index.js'
import { createKratosHandlers } from '../../../src/msw/index.js'
import { BASE_URL, server, useMsw } from '../../helpers/msw.js'

useMsw()

const kratos = createKratosClient({ baseUrl: BASE_URL, retry: 0 })

async function openSettings(): Promise<{ flowId: string; cookie: string }> {
  // A Kratos with the show_verification_ui hook, which names the new address to verify.
  server.use(...createKratosHandlers({ baseUrl: BASE_URL, verificationHook: true }))
  const session = `${SESSION_COOKIE}=lifecycle`
  const created = await kratos.createBrowserSettingsFlow(undefined, session)
  if (created.kind !== 'flow') throw new Error(created.kind)
  return { flowId: created.flow.id, cookie: `${session}; ${created.setCookie[0]!.split(';')[0]}` }
}

describe('examples/node/change-email', () => {
  test('returns the validation messages for a bad email, then saves a good one and names the address to verify', async () => {
    const { flowId, cookie } = await openSettings()
    expect(await changeEmail(kratos, flowId, 'ada-at-example.org', cookie)).toEqual({ saved: false, messages: ['Enter a valid email address'] })
    expect(await changeEmail(kratos, flowId, 'ada@example.org', cookie)).toEqual({ saved: true, verify: 'ada@example.org' })
  })

  test('throws Kratos’ error for another session', async () => {
    const { flowId } = await openSettings()
    const error = await changeEmail(kratos, flowId, 'ada@example.org', `${SESSION_COOKIE}=someone-else`).catch((caught: unknown) => caught)
    expect(isKratosError(error, 'security_identity_mismatch')).toBe(true)
  })
})
