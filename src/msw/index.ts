// Test kit: msw handlers over the mock Kratos of `kratos-settings/mock`, whose fixtures it
// re-exports. msw is an optional peer dependency; only this entry imports it.

export { createKratosHandlers } from './handlers.js'
export { createMockKratos, SESSION_COOKIE, CSRF_COOKIE } from '../mock/mock-kratos.js'
export { makeSettingsFlow, makeKratosError, makeContinueWith, kratosErrorStatus, KRATOS_ERRORS, DEFAULT_FLOW_LIFESPAN_MS } from '../mock/fixtures.js'
export { DEFAULT_TRAITS_SCHEMA } from '../mock/identity-schema.js'
export { MOCK_TOTP_CODE } from '../mock/methods.js'

export type { MockKratosOptions, MockKratosHandler } from '../mock/mock-kratos.js'
export type { SettingsFlowOverrides, KratosErrorExtra, KratosErrorDefaults } from '../mock/fixtures.js'
export type { TraitSchema } from '../mock/identity-schema.js'
