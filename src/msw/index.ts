// Test kit: msw handlers over the mock Kratos of `kratos-settings/mock` (fixtures live there).
// msw is an optional peer dependency; only this entry imports it.

export { createKratosHandlers } from './handlers.js'
