import {
  createBrowserSettingsFlowOperation,
  type CreateBrowserSettingsFlowOptions,
} from '../operations/create-browser-settings-flow.js'
import type { SettingsFlowResult } from '../result/settings-result.js'
import { createHttp } from './create-http.js'
import { normalizeClientOptions, type KratosClientOptions } from './options.js'

/** A Kratos client. It holds no per-user state: share one instance across all requests. */
export interface KratosClient {
  /**
   * Starts a settings flow (`GET /self-service/settings/browser`). Redirects are never followed.
   * Every response becomes a result; only a missing response (network, timeout, abort) or an
   * invalid argument throws.
   * @param returnTo Where the browser goes once the flow is done (must be on Kratos' allow list).
   * @param cookie Server code: the browser's `Cookie` header, sent verbatim. Browsers: omit it.
   * @example
   * const result = await kratos.createBrowserSettingsFlow(undefined, request.headers.get('cookie') ?? undefined)
   * if (result.kind === 'flow') render(result.flow.ui)
   */
  createBrowserSettingsFlow(
    returnTo?: string,
    cookie?: string,
    options?: CreateBrowserSettingsFlowOptions,
  ): Promise<SettingsFlowResult>
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
  return { createBrowserSettingsFlow: createBrowserSettingsFlowOperation(http, config) }
}
