import type { Http } from '../client/create-http.js'
import { KratosArgumentError } from '../errors/errors.js'
import type { ClientConfig } from '../client/options.js'
import { requestHeaders, type ResponseMode } from '../client/request-headers.js'
import { requestUrl } from '../client/request-url.js'
import { sendRequest } from '../client/send-request.js'
import { assertFlowId, assertJsonBody } from '../client/validate-input.js'
import { getCsrfToken } from '../flow/flow-helpers.js'
import { parseSettingsResponse } from '../result/parse-settings-response.js'
import type { UpdateSettingsFlowResult } from '../result/settings-result.js'
import type { SettingsFlow, UpdateSettingsFlowBody } from '../types.js'
import { isJsonObject } from '../utils/json.js'
import { encodeForm } from './encode-form.js'

/** Per-call options of `updateSettingsFlow`. */
export interface UpdateSettingsFlowOptions {
  /** Aborts the call; the promise then rejects with the signal's own reason. */
  signal?: AbortSignal | undefined
  /**
   * `'json'` sends the body as JSON; `'form'` as `application/x-www-form-urlencoded`, as a
   * browser's form post would (nested fields as dotted names).
   * @default 'form' with `mode: 'redirect'`, else 'json'
   */
  encoding?: 'json' | 'form' | undefined
  /**
   * `'json'` asks for the answer as JSON (the flow, or a JSON error). `'redirect'` posts like a
   * browser's form and gets Kratos' redirect back as a `redirect` result. It implies
   * `encoding: 'form'`: Kratos answers any `Content-Type: application/json` request with JSON.
   * @default 'json'
   */
  mode?: ResponseMode | undefined
}

const OPERATION = 'updateSettingsFlow' as const
const CONTENT_TYPE = { json: 'application/json', form: 'application/x-www-form-urlencoded' } as const

/**
 * The body to send: the caller's, with the flow's CSRF token when the caller gave none. The
 * `oidc` body has no CSRF token field in Kratos' document, so it is sent as given.
 */
function withCsrfToken(body: UpdateSettingsFlowBody, flow: SettingsFlow | string): object {
  if (body.method === 'oidc' || body.csrf_token !== undefined || typeof flow === 'string') return body
  // Only an id was checked; a hand-made flow object may have no nodes to read a token from.
  if (!Array.isArray((flow as Partial<SettingsFlow>).ui?.nodes)) return body
  const csrfToken = getCsrfToken(flow)
  return csrfToken === undefined ? body : { ...body, csrf_token: csrfToken }
}

/** Builds a client's `updateSettingsFlow` (`POST /self-service/settings?flow=`). Never retried. */
export function updateSettingsFlowOperation(http: Http, config: ClientConfig) {
  const endpoint = config.endpoints.update
  return async (flow: SettingsFlow | string, body: UpdateSettingsFlowBody, cookie?: string, options: UpdateSettingsFlowOptions = {}): Promise<UpdateSettingsFlowResult> => {
    const { signal, mode = 'json', encoding = mode === 'redirect' ? 'form' : 'json' } = options
    const flowId = typeof flow === 'string' ? flow : (flow as Partial<SettingsFlow> | null)?.id
    assertFlowId(`${OPERATION}: flow`, flowId)
    if (!isJsonObject(body) || typeof body['method'] !== 'string') {
      throw new KratosArgumentError(`${OPERATION}: body must be an object with a string "method"`)
    }
    if (encoding !== 'json' && encoding !== 'form') throw new KratosArgumentError(`${OPERATION}: encoding must be "json" or "form"`)
    if (mode === 'redirect' && encoding === 'json') {
      // Kratos treats a JSON body as a JSON request whatever the Accept header says: no redirect would come.
      throw new KratosArgumentError(`${OPERATION}: mode "redirect" posts a form; encoding "json" would make Kratos answer with JSON`)
    }
    assertJsonBody(`${OPERATION}: body`, body)
    const headers = { ...requestHeaders(OPERATION, mode, cookie), 'content-type': CONTENT_TYPE[encoding] }
    const payload = withCsrfToken(body, flow)
    const csrfToken = (payload as { csrf_token?: unknown }).csrf_token
    const spec = {
      method: 'POST',
      url: requestUrl(endpoint, { flow: flowId }),
      headers,
      body: encoding === 'json' ? JSON.stringify(payload) : encodeForm(payload),
      secrets: typeof csrfToken === 'string' ? [csrfToken] : [],
      signal,
    } as const
    return sendRequest(http, spec, (response) => parseSettingsResponse(response, spec, config, OPERATION))
  }
}
