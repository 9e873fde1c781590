// Test kit without msw: a Kratos imitation as a fetch handler, served over HTTP, and fixtures.
// Depends on nothing beyond node: builtins and the core.

export { createMockKratos, SESSION_COOKIE, CSRF_COOKIE } from './mock-kratos.js'
export { startMockKratos } from './start-mock-kratos.js'
export { makeSettingsFlow, makeKratosError, makeContinueWith, kratosErrorStatus } from './fixtures.js'
export { DEFAULT_TRAITS_SCHEMA } from './identity-schema.js'
export { MOCK_TOTP_CODE } from './methods.js'

export type { MockKratosOptions, MockKratosHandler, SettingsMethod } from './mock-kratos.js'
export type { KratosVersion } from './versions.js'
export type { StartMockKratosOptions, MockKratosServer } from './start-mock-kratos.js'
export type { TraitSchema } from './identity-schema.js'
export type { KratosErrorBody, SettingsFlow, ContinueWith, ContinueWithOf, KratosComponents } from '../types.js'
export type { KnownErrorId, KnownErrorPayloads, NoPayload } from '../kratos/errors.js'
