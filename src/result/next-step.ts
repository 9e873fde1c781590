import { KratosArgumentError, UnexpectedResponseError, type KnownKratosError, type KratosError } from '../errors/errors.js'
import type { SettingsEndpoints } from '../kratos/endpoints.js'
import { KNOWN_ERRORS, type KnownErrorPayloads } from '../kratos/errors.js'
import type { ContinueWith, SettingsFlow } from '../types.js'
import { isJsonObject } from '../utils/json.js'
import { navigableUrl, returnToValue } from '../utils/navigable-url.js'
import type { UpdateSettingsFlowResult } from './settings-result.js'

/**
 * Why the browser must go somewhere else:
 * - `kratos`: Kratos answered with a redirect (browser mode); go where it says;
 * - `login`: there is no session; sign in, then come back;
 * - `second_factor`: the session lacks the second factor the settings flow requires;
 * - `reauthenticate`: the session is too old for this change (privileged session); sign in again;
 * - `restart`: the flow is gone (expired, replaced, unknown, or another identity's); start a new one;
 * - `location_change`: Kratos needs the browser itself to go on (for example to an OIDC provider).
 */
export type RedirectReason = 'kratos' | 'login' | 'second_factor' | 'reauthenticate' | 'restart' | 'location_change'

/** Show the flow's form: a new or read-back flow, or (`invalid: true`) a rejected submission with its messages. */
export interface RenderStep {
  /** The discriminant. */
  readonly type: 'render'
  /** The flow whose form to show. */
  readonly flow: SettingsFlow
  /** True when Kratos rejected a submission: the messages on the nodes say why. */
  readonly invalid: boolean
  /** The flow's `continue_with`, as sent (usually none). */
  readonly continueWith: readonly ContinueWith[]
}

/**
 * The change is held until the user verifies an address (Kratos' `verify_new_address` hook):
 * nothing was saved yet. Send the browser to `url`, or tell the user to check `address`.
 */
export interface VerifyStep {
  /** The discriminant. */
  readonly type: 'verify'
  /** The flow as the submission left it: the values sent, nothing saved. */
  readonly flow: SettingsFlow
  /** The flow's `continue_with`, as sent: its `show_verification_ui` item is the one read here. */
  readonly continueWith: readonly ContinueWith[]
  /** The verification flow Kratos started. */
  readonly verificationFlowId: string
  /** The address to verify. */
  readonly address: string
  /** Kratos' verification UI for that flow, if Kratos gave one that is an absolute http(s) URL. */
  readonly url: string | undefined
}

/** The change was saved (`state: 'success'`). */
export interface SuccessStep {
  /** The discriminant. */
  readonly type: 'success'
  /** The flow, in state `success`. */
  readonly flow: SettingsFlow
  /**
   * What Kratos suggests next, as sent (an update answered as JSON always carries
   * `redirect_browser_to`; a flow read back later carries none: Kratos does not store them).
   */
  readonly continueWith: readonly ContinueWith[]
  /** Where Kratos suggests the browser goes now (its `redirect_browser_to` item), if that is an absolute http(s) URL. */
  readonly redirectTo: string | undefined
}

/** Send the browser to `url`. */
export interface RedirectStep<Reason extends RedirectReason = RedirectReason> {
  /** The discriminant. */
  readonly type: 'redirect'
  /** Why the browser goes there. */
  readonly reason: Reason
  /** An absolute http(s) URL; never `javascript:` or another scheme. */
  readonly url: string
}

/** Start a new flow at Kratos; when Kratos already made one in place of the old, `flowId` names it. */
export interface RestartStep extends RedirectStep<'restart'> {
  /** The flow Kratos made in place of the old one, if it made one. */
  readonly flowId: string | undefined
}

/** Nowhere to send the browser: show `error` (its `message` is safe to log; its `id` says what happened). */
export interface ErrorStep {
  /** The discriminant. */
  readonly type: 'error'
  /** What went wrong. */
  readonly error: KratosError
}

/** What a settings page does with a result, discriminated by `type` (and, for redirects, by `reason`). */
export type NextStep = RenderStep | VerifyStep | SuccessStep | RestartStep | RedirectStep<Exclude<RedirectReason, 'restart'>> | ErrorStep

/** Options of `nextStep`. */
export interface NextStepOptions {
  /**
   * Where the browser comes back to after a login or a new flow (your settings page): an absolute
   * http(s) URL, or a path such as `/settings`, which Kratos resolves against its
   * `selfservice.default_browser_return_url`. Anything else is a `KratosArgumentError`.
   */
  returnTo?: string | undefined
}

/** The success step of a flow; `redirect_browser_to` goes through the URL gate like every URL we hand out. */
function success(flow: SettingsFlow): SuccessStep {
  const continueWith = flow.continue_with ?? []
  const suggestion = continueWith.find((item) => item.action === 'redirect_browser_to')
  return { type: 'success', flow, continueWith, redirectTo: navigableUrl(suggestion?.redirect_browser_to) }
}

/** The step of a flow that is not a success: a form to show, or a change that waits for verification. */
function pending(flow: SettingsFlow, invalid: boolean): RenderStep | VerifyStep {
  const continueWith = flow.continue_with ?? []
  const verification = invalid ? undefined : continueWith.find((item) => item.action === 'show_verification_ui')
  // The runtime check reads only each item's action: the rest is checked here, where it is used.
  const target: unknown = verification?.flow
  if (!isJsonObject(target) || typeof target['id'] !== 'string' || typeof target['verifiable_address'] !== 'string') return { type: 'render', flow, invalid, continueWith }
  return { type: 'verify', flow, continueWith, verificationFlowId: target['id'], address: target['verifiable_address'], url: navigableUrl(target['url']) }
}

const redirect = <Reason extends Exclude<RedirectReason, 'restart'>>(reason: Reason, url: string): RedirectStep<Reason> => ({ type: 'redirect', reason, url })

/**
 * Builds `nextStep` for a client whose browsers reach Kratos at these endpoints: login and restart
 * URLs are Kratos' browser endpoints under its browser URL. The mapping is the behaviour table's "next step" column.
 */
export function nextStepFor(endpoints: SettingsEndpoints) {
  const kratosUrl = (endpoint: string, returnTo: string | undefined): string => {
    const url = new URL(endpoint)
    const target = returnToValue(returnTo)
    if (target !== undefined) url.searchParams.set('return_to', target)
    return url.href
  }
  const restart = (returnTo: string | undefined, url: string | undefined, flowId: string | undefined): RestartStep => ({
    type: 'redirect',
    reason: 'restart',
    url: navigableUrl(url) ?? kratosUrl(endpoints.create, returnTo),
    flowId,
  })

  /** The step for a known error: its action in Kratos' error catalogue. */
  const errorStep = (error: KnownKratosError, returnTo: string | undefined): NextStep => {
    // Every payload field a restart may use, whichever id carries it.
    const payload = error as Partial<KnownErrorPayloads['self_service_flow_expired']>
    const action = KNOWN_ERRORS[error.id].action
    switch (action) {
      case 'login':
        return redirect('login', kratosUrl(endpoints.login, returnTo))
      case 'second_factor':
      case 'reauthenticate':
      case 'location_change':
        return redirect(action, (error as KnownKratosError<'session_aal2_required'>).redirectBrowserTo)
      case 'restart':
        // Kratos' own restart URL (an expired flow's) carries the flow's return_to: where the user was going.
        return restart(payload.returnTo ?? returnTo, payload.redirectTo, payload.useFlowId)
      case 'show':
        return { type: 'error', error }
    }
  }

  return (result: UpdateSettingsFlowResult, options: NextStepOptions = {}): NextStep => {
    const { returnTo } = options
    if (returnTo !== undefined && returnToValue(returnTo) === undefined) {
      throw new KratosArgumentError(`nextStep: returnTo must be an http(s) URL or a path, not ${JSON.stringify(returnTo)}`)
    }
    switch (result.kind) {
      case 'flow':
        return result.flow.state === 'success' ? success(result.flow) : pending(result.flow, false)
      case 'invalid':
        return pending(result.flow, true)
      case 'redirect': {
        const url = navigableUrl(result.location)
        if (url !== undefined) return redirect('kratos', url)
        const error = new UnexpectedResponseError({
          status: result.status,
          problem: 'redirect',
          message: 'Kratos redirected, but the browser hides where (an opaque redirect): ask in mode "json" to get a result to act on',
          body: undefined,
        })
        return { type: 'error', error }
      }
      case 'unexpected':
        return { type: 'error', error: result.error }
      case 'error':
        return errorStep(result.error, returnTo)
    }
  }
}
