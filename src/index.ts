// Isomorphic entry: Node >= 22, browsers, edge runtimes. Nothing here may import Node-only code.

export { createKratosClient } from './client/create-kratos-client.js'
export { unwrapFlow } from './result/unwrap-flow.js'
export { KratosError } from './errors/kratos-error.js'
export { UnexpectedResponseError, UNEXPECTED_RESPONSE_ID } from './errors/unexpected-response-error.js'
export { KratosNetworkError } from './errors/network-error.js'
export { KratosTimeoutError } from './errors/timeout-error.js'
export { KratosArgumentError } from './errors/argument-error.js'
export { KNOWN_ERROR_IDS } from './errors/known-errors.js'
export { getCsrfToken } from './flow/get-csrf-token.js'
export { groupNodes } from './flow/group-nodes.js'
export { getFlowMessages } from './flow/get-flow-messages.js'
export { isNodeType } from './flow/is-node-type.js'
export {
  isKratosError,
  isUnexpectedResponseError,
  isKratosNetworkError,
  isKratosTimeoutError,
  isKratosArgumentError,
} from './errors/type-guards.js'

export type { KratosClient } from './client/create-kratos-client.js'
export type { KratosClientOptions, RetryOptions, KratosHooks } from './client/options.js'
export type { CreateBrowserSettingsFlowOptions } from './operations/create-browser-settings-flow.js'
export type { GetSettingsFlowOptions } from './operations/get-settings-flow.js'
export type { UpdateSettingsFlowOptions } from './operations/update-settings-flow.js'
export type { ResponseMode } from './client/request-headers.js'
export type { FlowMessage } from './flow/get-flow-messages.js'
export type {
  NextStep,
  NextStepOptions,
  RedirectReason,
  RenderStep,
  SuccessStep,
  RedirectStep,
  RestartStep,
  ErrorStep,
} from './result/next-step.js'
export type {
  SettingsFlowResult,
  UpdateSettingsFlowResult,
  FlowResult,
  InvalidResult,
  RedirectResult,
  ErrorResult,
  UnexpectedResult,
  ResultBase,
} from './result/settings-result.js'
export type { KnownErrorId, KnownKratosError, KnownErrorPayloads } from './errors/known-errors.js'
export type { KratosErrorInit } from './errors/kratos-error.js'
export type { UnexpectedProblem, UnexpectedResponseErrorInit } from './errors/unexpected-response-error.js'
export type * from './types.js'
// Internals left out on purpose: the ky instance, option normalization, body reading and the
// payload readers; they may change without a major version.
