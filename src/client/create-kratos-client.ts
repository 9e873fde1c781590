import { KratosNetworkError, KratosTimeoutError } from '../errors/errors.js'
import type { SettingsOperation } from '../kratos/operations.js'
import {
  createRequest,
  getRequest,
  updateRequest,
  type CreateBrowserSettingsFlowOptions,
  type GetSettingsFlowOptions,
  type RequestSpec,
  type UpdateSettingsFlowOptions,
} from '../request/build-request.js'
import { normalizeClientOptions, type KratosClientOptions } from '../request/options.js'
import { toResult, type ResultOf } from '../response/to-result.js'
import { nextStepFor, type NextStep, type NextStepOptions } from '../result/next-step.js'
import type { SettingsFlowResult, UpdateSettingsFlowResult } from '../result/settings-result.js'
import { createHttp } from '../transport/http.js'
import type { SettingsFlow, UpdateSettingsFlowBody } from '../types.js'

/**
 * A Kratos client for the settings flow. It holds no per-user state: share one instance across
 * all requests. Every response becomes a result; only a missing response (network, timeout,
 * abort) or an invalid argument throws. Redirects are never followed.
 */
export interface KratosClient {
  /**
   * Starts a settings flow (`GET /self-service/settings/browser`).
   * @param returnTo Where the browser goes once the flow is done (must be on Kratos' allow list).
   * @param cookie Server code: the browser's `Cookie` header, sent verbatim. Browsers: omit it.
   * @example
   * const result = await kratos.createBrowserSettingsFlow(undefined, request.headers.get('cookie') ?? undefined)
   * if (result.kind === 'flow') render(result.flow.ui)
   */
  createBrowserSettingsFlow(returnTo?: string, cookie?: string, options?: CreateBrowserSettingsFlowOptions): Promise<SettingsFlowResult>

  /**
   * Reads a flow back by id (`GET /self-service/settings/flows?id=`), for example after a reload
   * of `/settings?flow=<id>`. An expired flow is the error `self_service_flow_expired`, whose
   * `redirectTo` is Kratos' endpoint that starts a new one; an unknown id is `self_service_flow_not_found`.
   * @param cookie Server code: the browser's `Cookie` header, sent verbatim. Browsers: omit it.
   * @example
   * const result = await kratos.getSettingsFlow(searchParams.flow, cookie)
   */
  getSettingsFlow(id: string, cookie?: string, options?: GetSettingsFlowOptions): Promise<SettingsFlowResult>

  /**
   * Submits a settings form (`POST /self-service/settings?flow=`); never retried. The body is
   * typed per `method`. Given the flow rather than its id, the flow's CSRF token is sent unless
   * the body has one. A 400 is `kind: 'invalid'`: the flow with validation messages to render.
   * @param cookie Server code: the browser's `Cookie` header (it must hold the CSRF cookie). Browsers: omit it.
   * @example
   * const result = await kratos.updateSettingsFlow(flow, { method: 'profile', traits: { email } }, cookie)
   * if (result.kind === 'invalid') render(result.flow.ui)
   */
  updateSettingsFlow(flow: SettingsFlow | string, body: UpdateSettingsFlowBody, cookie?: string, options?: UpdateSettingsFlowOptions): Promise<UpdateSettingsFlowResult>

  /**
   * What a settings page does with a result of any of the three calls: `render` the form,
   * show `success`, `redirect` the browser (with a `reason`: `login`, `second_factor`,
   * `reauthenticate`, `restart`, `location_change`, or `kratos` for Kratos' own redirect), or
   * show an `error`. Login and restart URLs are Kratos' browser endpoints under `browserUrl`
   * (default `baseUrl`), coming back to `options.returnTo`. Every URL is an absolute http(s) URL.
   * @example
   * const step = kratos.nextStep(result, { returnTo: 'https://app.example.com/settings' })
   * if (step.type === 'redirect') redirect(step.url)
   */
  nextStep(result: UpdateSettingsFlowResult, options?: NextStepOptions): NextStep
}

/**
 * Creates a client for Kratos' public API. Options are validated here, once; an invalid option
 * throws a `KratosArgumentError`.
 * @example
 * const kratos = createKratosClient({ baseUrl: 'https://auth.example.com' })
 */
export function createKratosClient(options: KratosClientOptions): KratosClient {
  const config = normalizeClientOptions(options)
  const http = createHttp(config)

  // Every call goes the same way: its arguments become a request, ky sends it, the response becomes a result.
  const send = async <Operation extends SettingsOperation>(spec: RequestSpec<Operation>): Promise<ResultOf<Operation>> => {
    const response = await http(spec)
    try {
      return await toResult(response, spec, config)
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason
      if (error instanceof KratosTimeoutError) throw error
      // The body stream failed: the connection closed or reset before the response was whole.
      throw new KratosNetworkError(spec.method, spec.url, error)
    }
  }

  return {
    createBrowserSettingsFlow: async (returnTo, cookie, callOptions) => send(createRequest(config, returnTo, cookie, callOptions)),
    getSettingsFlow: async (id, cookie, callOptions) => send(getRequest(config, id, cookie, callOptions)),
    updateSettingsFlow: async (flow, body, cookie, callOptions) => send(updateRequest(config, flow, body, cookie, callOptions)),
    nextStep: nextStepFor(config.browserEndpoints),
  }
}
