import { expectTypeOf, test } from 'vitest'
import type { CreateBrowserSettingsFlowOptions, KratosClientOptions, NextStepOptions, UpdateSettingsFlowOptions } from '../../../src/index.js'

// Under exactOptionalPropertyTypes an option that may be absent is often passed as `undefined`
// (`{ returnTo }` with `returnTo?: string`); every optional option takes it.
test('every optional option accepts undefined', () => {
  expectTypeOf<{ returnTo: undefined }>().toExtend<NextStepOptions>()
  expectTypeOf<{ organization: undefined; signal: undefined; mode: undefined }>().toExtend<CreateBrowserSettingsFlowOptions>()
  expectTypeOf<{ signal: undefined; mode: undefined; encoding: undefined }>().toExtend<UpdateSettingsFlowOptions>()
  expectTypeOf<{
    baseUrl: string
    fetch: undefined
    timeout: undefined
    retry: { limit: undefined; delay: undefined; maxRetryAfter: undefined }
    headers: undefined
    credentials: undefined
    maxBodyBytes: undefined
    hooks: { beforeRequest: undefined; beforeRetry: undefined; afterResponse: undefined }
  }>().toExtend<KratosClientOptions>()
  // Still typed: a wrong value is not accepted.
  expectTypeOf<{ returnTo: 42 }>().not.toExtend<NextStepOptions>()
})
