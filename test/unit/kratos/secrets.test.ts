import { expect, test } from 'vitest'
import { KRATOS_COOKIE_NAMES, matchesCookieName } from '../../../src/kratos/secrets.js'

test("Kratos' cookie names: exact names match only themselves, a prefix what it begins", () => {
  for (const name of ['ory_kratos_session', 'ory_kratos_continuity', 'csrf_token_806060ca', 'csrf_token']) expect(matchesCookieName(name, KRATOS_COOKIE_NAMES), name).toBe(true)
  for (const name of ['ory_kratos_session_2', 'ory_kratos', 'csrf', 'c', '__Host-csrf_token_x']) expect(matchesCookieName(name, KRATOS_COOKIE_NAMES), name).toBe(false)
})

test("an update body's secret fields are fields of the settings methods' bodies", async () => {
  const { SETTINGS_FORM_FIELDS } = await import('../../../src/kratos/form.js')
  const { SECRET_BODY_FIELDS } = await import('../../../src/kratos/secrets.js')
  const fields = new Set(Object.values(SETTINGS_FORM_FIELDS).flatMap((list) => Object.keys(list)))
  for (const field of SECRET_BODY_FIELDS) expect(fields.has(field) || field === 'csrf_token', field).toBe(true)
})
