// Isomorphic entry: Node >= 22, browsers, edge runtimes. Nothing here may import Node-only code.

export { createKratosClient } from './client/create-kratos-client.js'
export { unwrapFlow } from './result/unwrap-flow.js'
export { KratosSettingsError, KratosError, UnexpectedResponseError, KratosNetworkError, KratosTimeoutError, KratosArgumentError, isKratosError } from './errors/errors.js'
export { getCsrfToken, groupNodes, getFlowMessages, isNodeType } from './flow/flow-helpers.js'
export { parseSettingsForm } from './flow/parse-settings-form.js'

export type { KratosClient } from './client/create-kratos-client.js'
export type { KratosClientOptions, RetryOptions, KratosHooks } from './request/options.js'
export type { ResponseMode, CreateBrowserSettingsFlowOptions, GetSettingsFlowOptions, UpdateSettingsFlowOptions } from './request/build-request.js'
export type { SettingsFlowResult, UpdateSettingsFlowResult, FlowResult, InvalidResult, RedirectResult, ErrorResult, UnexpectedResult, ResultBase } from './result/settings-result.js'
export type { NextStep, NextStepOptions, RedirectReason, RenderStep, VerifyStep, SuccessStep, RedirectStep, RestartStep, ErrorStep } from './result/next-step.js'
export type { KnownErrorId, KnownErrorPayloads, NoPayload } from './kratos/errors.js'
export type { UnexpectedProblem, KnownKratosError, KratosSettingsErrorName, KratosErrorInit } from './errors/errors.js'
export type { FlowMessage, FlowUi } from './flow/flow-helpers.js'
export type { SettingsFlow, UiNode, UiNodeAttributes, UiNodeOf, UiNodeType, UiText, ContinueWith, ContinueWithOf, UpdateSettingsFlowBody, KratosErrorBody, KratosComponents } from './types.js'
