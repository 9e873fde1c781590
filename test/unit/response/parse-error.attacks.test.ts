import { describe, expect, test } from 'vitest'
import { makeKratosError } from '../../../src/mock/index.js'
import { kratosAnswering } from '../../helpers/fake-kratos.js'
import { leakedSecrets } from '../../helpers/leaks.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'
const COOKIE_VALUE = 'MTc2MzY4ODAwMHxSZXF1ZXN0Q29va2llVmFsdWUxMjM0'
const SET_COOKIE_VALUE = 'TmV3U2Vzc2lvbkNvb2tpZVZhbHVlRnJvbVVwc3RyZWFtMQ'
const TOKEN = 'ory_st_U2Vzc2lvblRva2VuRWNob2VkSW5VcmwxMjM0NTY'

// A hostile upstream echoes the exchange's secrets into the payload of a known error, which the
// SDK copies onto the error as fields: JSON.stringify(error) must show no more than error.body.
describe("a known error's payload fields are as safe as its body", () => {
  const hostile = `https://kratos.example/self-service/login/browser?session_token=${TOKEN}&echo=${COOKIE_VALUE}&again=${SET_COOKIE_VALUE}`
  const answers: Record<string, () => Response> = {
    'redirectBrowserTo (session_aal2_required)': () =>
      Response.json(makeKratosError('session_aal2_required', { redirect_browser_to: hostile }), { status: 403, headers: { 'set-cookie': `ory_kratos_session=${SET_COOKIE_VALUE}; Path=/` } }),
    'redirectTo and returnTo (an expired flow)': () =>
      Response.json(
        { error: { code: 410, status: 'Gone', message: 'expired', details: { redirect_to: hostile, return_to: `https://app.example/${TOKEN}` } } },
        { status: 410, headers: { 'set-cookie': `ory_kratos_session=${SET_COOKIE_VALUE}; Path=/` } },
      ),
  }

  test.each(Object.entries(answers))('%s', async (_name, answer) => {
    const { kratos } = kratosAnswering(answer)
    const result = await kratos.getSettingsFlow(FLOW_ID, `ory_kratos_session=${COOKIE_VALUE}`)
    if (result.kind !== 'error') throw new Error(result.kind)
    expect(leakedSecrets(result.error, [COOKIE_VALUE, SET_COOKIE_VALUE, TOKEN])).toEqual([])
  })

  test("an OAuth URL's state and PKCE challenge survive: the browser needs them", async () => {
    const oauth = 'https://github.com/login/oauth/authorize?state=Zk9xR2d1V3lTUzN0YkRmT0hXZ3hMZk1JN2Q5&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
    const { kratos } = kratosAnswering(() => Response.json(makeKratosError('browser_location_change_required', { redirect_browser_to: oauth }), { status: 422 }))
    const result = await kratos.updateSettingsFlow(FLOW_ID, { method: 'oidc', link: 'github' }, `ory_kratos_session=${COOKIE_VALUE}`)
    expect(result.kind === 'error' && result.error.id === 'browser_location_change_required' && result.error.redirectBrowserTo).toBe(oauth)
  })
})
