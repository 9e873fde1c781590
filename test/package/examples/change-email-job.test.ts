import { expect, test } from 'vitest'
import { changeEmailJob } from '../../../examples/node/change-email-job.js'
import { createKratosClient, unwrapFlow } from '../../../src/index.js'
import { SESSION_COOKIE } from '../../../src/mock/index.js'
import { createKratosHandlers } from '../../../src/msw/index.js'
import { BASE_URL, server, useMsw } from '../../helpers/msw.js'

useMsw()

const kratos = createKratosClient({ baseUrl: BASE_URL, retry: 0 })

test('examples/node/change-email-job carries the CSRF cookie from create to update, and the email changes', async () => {
  server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
  const result = await changeEmailJob(kratos, `${SESSION_COOKIE}=job-user`, 'job-user@example.org')
  expect(result).toMatchObject({ kind: 'flow', flow: { state: 'success', identity: { traits: { email: 'job-user@example.org' } } } })
})

test('without the CSRF cookie Kratos set, the same update is a security_csrf_violation', async () => {
  server.use(...createKratosHandlers({ baseUrl: BASE_URL }))
  const session = `${SESSION_COOKIE}=job-user`
  const flow = unwrapFlow(await kratos.createBrowserSettingsFlow(undefined, session))
  const result = await kratos.updateSettingsFlow(flow, { method: 'profile', traits: { ...flow.identity.traits, email: 'job-user@example.org' } }, session)
  expect(result).toMatchObject({ kind: 'error', status: 403, error: { id: 'security_csrf_violation' } })
})
