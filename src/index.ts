// Isomorphic entry: Node >= 22, browsers, edge runtimes. Nothing here may import Node-only code.

export { createKratosClient } from './client/create-kratos-client.js'
export { unwrapFlow } from './result/unwrap-flow.js'
export { KratosSettingsError, KratosError, UnexpectedResponseError, KratosNetworkError, KratosTimeoutError, KratosArgumentError, isKratosError } from './errors/errors.js'
export { getCsrfToken, groupNodes, getFlowMessages, isNodeType } from './flow/flow-helpers.js'
export { parseSettingsForm } from './operations/parse-settings-form.js'

export type { KratosClient } from './client/create-kratos-client.js'
export type { KratosClientOptions } from './client/options.js'
export type { CreateBrowserSettingsFlowOptions } from './operations/create-browser-settings-flow.js'
export type { GetSettingsFlowOptions } from './operations/get-settings-flow.js'
export type { UpdateSettingsFlowOptions } from './operations/update-settings-flow.js'
export type { SettingsFlowResult, UpdateSettingsFlowResult, FlowResult, InvalidResult, RedirectResult, ErrorResult, UnexpectedResult } from './result/settings-result.js'
export type { NextStep, NextStepOptions, RedirectReason } from './result/next-step.js'
export type { KnownErrorId, KnownKratosError } from './errors/known-errors.js'
export type { UnexpectedProblem } from './errors/errors.js'
export type { FlowMessage } from './flow/flow-helpers.js'
export type { SettingsFlow, UiNode, UiNodeOf, UiNodeType, UiText, ContinueWith, ContinueWithOf, UpdateSettingsFlowBody } from './types.js'
