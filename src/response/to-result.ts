import { KratosTimeoutError, UnexpectedResponseError, type UnexpectedProblem } from '../errors/errors.js'
import type { SettingsOperation } from '../kratos/operations.js'
import type { RequestSpec } from '../request/build-request.js'
import type { ClientConfig } from '../request/options.js'
import type { SettingsFlowResult, UnexpectedResult, UpdateSettingsFlowResult } from '../result/settings-result.js'
import { MAX_JSON_DEPTH, MAX_JSON_VALUES, parseJson } from '../utils/json.js'
import { navigableUrl } from '../utils/navigable-url.js'
import { knownKratosError, parseKratosError } from './parse-error.js'
import { parseSettingsFlow } from './parse-flow.js'
import { discardBody, readBody } from './read-body.js'
import { exchangeSecrets, redactJson, redactText } from './redact.js'

/** The result type of an operation: an update's includes `invalid`. */
export type ResultOf<Operation extends SettingsOperation> = Operation['invalidFlowOn400'] extends true ? UpdateSettingsFlowResult : SettingsFlowResult

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
/** The `Location` header resolved against the request URL, or `null` when absent, invalid or not http(s). */
function resolveLocation(location: string | null, requestUrl: string): string | null {
  return location === null ? null : (navigableUrl(location, requestUrl) ?? null)
}

/** A short, single-line preview of a (redacted) body for error messages. */
function preview(text: string): string {
  const line = text.slice(0, 1000).replace(/\s+/g, ' ').trim()
  return line.length > 120 ? `${line.slice(0, 120)}…` : line
}

/** The values a kept body must not show: the request's cookies and credentials, the CSRF token it sent, the response's cookies. */
function secretsOf(spec: RequestSpec, config: ClientConfig, setCookie: readonly string[]): string[] {
  return exchangeSecrets(spec.headers['cookie'], setCookie, [...config.credentialValues, ...spec.secrets])
}

/**
 * Maps any response of a settings operation to its result: 200 + flow → `flow`; 3xx →
 * `redirect` (never followed); 4xx/5xx + known Kratos error → `error`; anything else →
 * `unexpected`. Where the operation says so, a 400 that carries a flow is `invalid`, and a 302
 * is Kratos' "no session".
 */
export async function toResult<Operation extends SettingsOperation>(response: Response, spec: RequestSpec<Operation>, config: ClientConfig): Promise<ResultOf<Operation>> {
  return (await classify(response, spec, config)) as ResultOf<Operation>
}

async function classify(response: Response, spec: RequestSpec, config: ClientConfig): Promise<UpdateSettingsFlowResult> {
  const { operation } = spec
  const { status } = response
  // Older browsers lack getSetCookie; they never expose Set-Cookie anyway.
  const setCookie = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : []
  if (response.type === 'opaqueredirect') return { kind: 'redirect', status, setCookie, location: null }
  if (REDIRECT_STATUSES.has(status)) {
    discardBody(response)
    const location = resolveLocation(response.headers.get('location'), spec.url)
    if (status === 302 && operation.foundMeansNoSession) {
      const payload = location === null ? {} : { redirectBrowserTo: location }
      const error = knownKratosError({ status, id: 'session_inactive', body: undefined, text: 'no valid session; Kratos redirected to its login UI' }, payload)
      return { kind: 'error', status, setCookie, error }
    }
    return { kind: 'redirect', status, setCookie, location }
  }

  const unexpected = (problem: UnexpectedProblem, message: string, body: unknown): UnexpectedResult => ({
    kind: 'unexpected',
    status,
    setCookie,
    error: new UnexpectedResponseError({ status, problem, message, body }),
  })

  const read = await readBody(response, config.maxBodyBytes, config.timeout)
  if (!read.ok && read.problem === 'body_timed_out') throw new KratosTimeoutError(spec.method, spec.url, config.timeout)
  if (!read.ok) {
    return unexpected('body_too_large', `Kratos answered ${status} with a body over maxBodyBytes (${config.maxBodyBytes} bytes); it was not read`, undefined)
  }
  const { text, bytes } = read.value
  const parsedJson = parseJson(text, bytes)
  if (!parsedJson.ok && parsedJson.problem === 'body_too_complex') {
    const limits = `nested deeper than ${MAX_JSON_DEPTH} levels or with more than ${MAX_JSON_VALUES} values`
    return unexpected('body_too_complex', `Kratos answered ${status} with a body ${limits}; it was not parsed`, undefined)
  }
  const secrets = () => secretsOf(spec, config, setCookie)
  if (status !== 200 && status < 400) {
    const body = parsedJson.ok ? redactJson(parsedJson.value, secrets()) : redactText(text, secrets())
    return unexpected('unexpected_status', `Kratos answered ${status}, which ${operation.name} does not document`, body)
  }
  if (!parsedJson.ok) {
    const body = redactText(text, secrets())
    // The media type only: a parameter is the server's text, and could echo anything.
    const type = response.headers.get('content-type')?.split(';', 1)[0]!.trim() || 'no content type'
    const what = text === '' ? 'an empty body' : `a body that is not JSON (${type}): "${preview(body)}"`
    return unexpected('not_json', `Kratos answered ${status} with ${what}`, body)
  }
  const json = parsedJson.value

  if (status === 200) {
    const flow = parseSettingsFlow(json)
    if (flow.ok) return { kind: 'flow', status, setCookie, flow: flow.value }
    return unexpected('invalid_shape', `Kratos answered 200 but the body is not a settings flow: ${flow.detail}`, redactJson(json, secrets()))
  }
  if (status === 400 && operation.invalidFlowOn400) {
    const flow = parseSettingsFlow(json)
    if (flow.ok) return { kind: 'invalid', status, setCookie, flow: flow.value }
  }
  const error = parseKratosError(status, json, operation, secrets())
  return error instanceof UnexpectedResponseError ? { kind: 'unexpected', status, setCookie, error } : { kind: 'error', status, setCookie, error }
}
