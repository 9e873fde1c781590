import type { Http } from '../client/create-http.js'
import type { ClientConfig } from '../client/options.js'
import { requestHeaders } from '../client/request-headers.js'
import { requestUrl } from '../client/request-url.js'
import { sendRequest } from '../client/send-request.js'
import { assertFlowId } from '../client/validate-input.js'
import { parseSettingsResponse } from '../result/parse-settings-response.js'
import type { SettingsFlowResult } from '../result/settings-result.js'

/** Per-call options of `getSettingsFlow`. */
export interface GetSettingsFlowOptions {
  /** Aborts the call; the promise then rejects with the signal's own reason. */
  signal?: AbortSignal | undefined
}

const OPERATION = 'getSettingsFlow' as const

/** Builds a client's `getSettingsFlow` (`GET /self-service/settings/flows?id=`). */
export function getSettingsFlowOperation(http: Http, config: ClientConfig) {
  const endpoint = config.endpoints.get
  return async (id: string, cookie?: string, options: GetSettingsFlowOptions = {}): Promise<SettingsFlowResult> => {
    assertFlowId(`${OPERATION}: id`, id)
    const spec = { method: 'GET', url: requestUrl(endpoint, { id }), headers: requestHeaders(OPERATION, 'json', cookie), signal: options.signal } as const
    return sendRequest(http, spec, (response) => parseSettingsResponse(response, spec, config, OPERATION))
  }
}
