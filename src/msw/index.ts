// Test kit: msw handlers over the mock Kratos of `kratos-settings/mock` (fixtures live there).
// msw is an optional peer dependency; only this entry imports it.

export { createKratosHandlers } from './handlers.js'
export type { MockKratosOptions, SettingsMethod } from '../mock/mock-kratos.js'
export type { TraitSchema } from '../mock/identity-schema.js'
export type { KratosVersion } from '../mock/versions.js'
