import type {
  ErrorAal2Required,
  ErrorBrowserLocationChangeRequired,
  ErrorFlowExpired,
  ErrorFlowReplaced,
  ErrorRefreshRequired,
} from '../types.js'
import type { KratosError } from './kratos-error.js'

/**
 * Every Kratos `error.id` this SDK types. `self_service_flow_not_found` is ours: Kratos answers an
 * unknown flow with an id-less 404 (see docs/kratos-behaviour.md), and the SDK names the condition.
 */
export const KNOWN_ERROR_IDS = [
  'session_inactive',
  'session_aal1_required',
  'session_aal2_required',
  'session_refresh_required',
  'session_already_available',
  'session_aal_already_fulfilled',
  'session_verified_address_required',
  'security_csrf_violation',
  'security_identity_mismatch',
  'self_service_flow_return_to_forbidden',
  'self_service_flow_disabled',
  'self_service_flow_expired',
  'self_service_flow_replaced',
  'self_service_flow_not_found',
  'browser_location_change_required',
  'identity_disabled',
] as const

/** A Kratos `error.id` that this SDK knows and types. */
export type KnownErrorId = (typeof KNOWN_ERROR_IDS)[number]

type NoPayload = Record<never, never>

/** The camel-cased extra fields each known error carries, typed from the OpenAPI document. */
export interface KnownErrorPayloads {
  session_inactive: {
    /** Where Kratos redirected the browser (its login UI), when it answered a browser-mode call with a 302. */
    readonly redirectBrowserTo?: string
  }
  session_aal1_required: NoPayload
  session_aal2_required: { readonly redirectBrowserTo: ErrorAal2Required['redirect_browser_to'] }
  session_refresh_required: { readonly redirectBrowserTo: ErrorRefreshRequired['redirect_browser_to'] }
  session_already_available: NoPayload
  session_aal_already_fulfilled: NoPayload
  session_verified_address_required: NoPayload
  security_csrf_violation: NoPayload
  security_identity_mismatch: NoPayload
  self_service_flow_return_to_forbidden: NoPayload
  self_service_flow_disabled: NoPayload
  self_service_flow_expired: {
    /** updateSettingsFlow: the new flow Kratos made in place of the expired one. */
    readonly useFlowId?: NonNullable<ErrorFlowExpired['use_flow_id']>
    /** updateSettingsFlow: how long ago the flow expired, in nanoseconds. */
    readonly since?: NonNullable<ErrorFlowExpired['since']>
    /** updateSettingsFlow: when the flow expired. */
    readonly expiredAt?: NonNullable<ErrorFlowExpired['expired_at']>
    /** getSettingsFlow: Kratos' browser endpoint that starts a new flow (`details.redirect_to`), an absolute http(s) URL. */
    readonly redirectTo?: string
    /** getSettingsFlow: the expired flow's `return_to` (`details.return_to`), when it had one. */
    readonly returnTo?: string
  }
  self_service_flow_replaced: { readonly useFlowId: ErrorFlowReplaced['use_flow_id'] }
  self_service_flow_not_found: NoPayload
  browser_location_change_required: {
    readonly redirectBrowserTo: ErrorBrowserLocationChangeRequired['redirect_browser_to']
  }
  identity_disabled: NoPayload
}

/**
 * A known Kratos error: after `if (error.id === 'session_aal2_required')`, TypeScript knows
 * `error.redirectBrowserTo: string`.
 */
export type KnownKratosError<Id extends KnownErrorId = KnownErrorId> = Id extends KnownErrorId
  ? KratosError<Id> & KnownErrorPayloads[Id]
  : never

const knownIds: ReadonlySet<string> = new Set(KNOWN_ERROR_IDS)

/** True when `id` is one of {@link KNOWN_ERROR_IDS}. */
export function isKnownErrorId(id: string): id is KnownErrorId {
  return knownIds.has(id)
}
