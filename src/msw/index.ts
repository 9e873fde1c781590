// Test kit: msw handlers and fixture factories that behave like Kratos. msw is an optional peer
// dependency; only this entry imports it.

export { createKratosHandlers } from './handlers.js'
export { createMockKratos, SESSION_COOKIE, CSRF_COOKIE } from './mock-kratos.js'
export { makeSettingsFlow, makeKratosError, makeContinueWith, kratosErrorStatus, KRATOS_ERRORS } from './fixtures.js'

export type { MockKratosOptions, MockKratosHandler } from './mock-kratos.js'
export type { SettingsFlowOverrides, KratosErrorExtra, KratosErrorDefaults } from './fixtures.js'
