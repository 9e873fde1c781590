import type { Http } from '../client/create-http.js'
import type { ClientConfig } from '../client/options.js'
import { requestHeaders, type ResponseMode } from '../client/request-headers.js'
import { sendRequest } from '../client/send-request.js'
import { requestUrl } from '../client/request-url.js'
import { assertNoControlCharacters } from '../client/validate-input.js'
import { parseSettingsResponse } from '../result/parse-settings-response.js'
import type { SettingsFlowResult } from '../result/settings-result.js'

/** Per-call options of `createBrowserSettingsFlow`. */
export interface CreateBrowserSettingsFlowOptions {
  /** Scopes the flow to one organization's providers (Ory Network). */
  organization?: string | undefined
  /** Aborts the call; the promise then rejects with the signal's own reason. */
  signal?: AbortSignal | undefined
  /**
   * `'json'` asks for the flow as JSON (200, or a JSON error). `'redirect'` asks like a browser
   * navigation and gets Kratos' 303 back as a `redirect` result.
   * @default 'json'
   */
  mode?: ResponseMode | undefined
}

const OPERATION = 'createBrowserSettingsFlow' as const

/**
 * Builds a client's `createBrowserSettingsFlow` (`GET /self-service/settings/browser`): each call
 * validates its arguments, then sends and maps the response.
 */
export function createBrowserSettingsFlowOperation(http: Http, config: ClientConfig) {
  const endpoint = config.endpoints.create
  return async (returnTo?: string, cookie?: string, options: CreateBrowserSettingsFlowOptions = {}): Promise<SettingsFlowResult> => {
    const { organization, signal, mode = 'json' } = options
    if (returnTo !== undefined) assertNoControlCharacters(`${OPERATION}: returnTo`, returnTo)
    if (organization !== undefined) assertNoControlCharacters(`${OPERATION}: organization`, organization)
    const headers = requestHeaders(OPERATION, mode, cookie)
    const spec = { method: 'GET', url: requestUrl(endpoint, { return_to: returnTo, organization }), headers, signal } as const
    return sendRequest(http, spec, (response) => parseSettingsResponse(response, spec, config, OPERATION))
  }
}
