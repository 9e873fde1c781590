// Kratos' error catalogue: each `error.id` the SDK types, the status Kratos sends it with, how its
// payload is read, and what a settings page does about it. No I/O, no SDK policy: the SDK and the
// mock both read it.

import { asString, type JsonObject } from '../utils/json.js'
import { navigableUrl, returnToValue } from '../utils/navigable-url.js'
import { failed, parsed, type Parsed } from '../utils/parsed.js'

/** The camel-cased extra fields each known error carries, keyed by the Kratos `error.id`. */
export interface KnownErrorPayloads {
  /** There is no valid session: sign in. */
  session_inactive: {
    /** Where Kratos redirected the browser (its login UI), when it answered a browser-mode call with a 302. */
    readonly redirectBrowserTo?: string
  }
  /** The endpoint needs a session of the first factor only. */
  session_aal1_required: NoPayload
  /** Where the browser completes a second factor. */
  session_aal2_required: { readonly redirectBrowserTo: string }
  /** Where the browser signs in again. */
  session_refresh_required: { readonly redirectBrowserTo: string }
  /** A session already exists where none may. */
  session_already_available: NoPayload
  /** The session already has the assurance level asked for. */
  session_aal_already_fulfilled: NoPayload
  /** The identity must verify an address first. */
  session_verified_address_required: NoPayload
  /** The CSRF cookie and token are missing or do not match. */
  security_csrf_violation: NoPayload
  /** The flow belongs to another identity than the session's. */
  security_identity_mismatch: NoPayload
  /** `return_to` is not on Kratos' allow list. */
  self_service_flow_return_to_forbidden: NoPayload
  /** The settings flow is turned off in Kratos' configuration. */
  self_service_flow_disabled: NoPayload
  /** The flow expired: start a new one. */
  self_service_flow_expired: {
    /** updateSettingsFlow: the new flow Kratos made in place of the expired one. */
    readonly useFlowId?: string
    /** updateSettingsFlow: how long ago the flow expired, in nanoseconds. */
    readonly since?: number
    /** updateSettingsFlow: when the flow expired (RFC 3339). */
    readonly expiredAt?: string
    /** getSettingsFlow: Kratos' browser endpoint that starts a new flow (`details.redirect_to`), an absolute http(s) URL. */
    readonly redirectTo?: string
    /** getSettingsFlow: the expired flow's `return_to` (`details.return_to`), when it had one: an absolute http(s) URL or a path. */
    readonly returnTo?: string
  }
  /** The flow that replaced this one. */
  self_service_flow_replaced: { readonly useFlowId: string }
  /** Ours, not Kratos': Kratos answers an unknown flow with an id-less 404, which the SDK names. */
  self_service_flow_not_found: NoPayload
  /** Where the browser must go (an OIDC provider, say). */
  browser_location_change_required: { readonly redirectBrowserTo: string }
  /** The identity is disabled. */
  identity_disabled: NoPayload
}

/** The payload of an error that carries nothing beyond Kratos' common fields. */
export type NoPayload = Record<never, never>

/** A Kratos `error.id` that this SDK knows and types. */
export type KnownErrorId = keyof KnownErrorPayloads

/** Reads an id's payload from its body; `invalid_shape` when a field the type promises is missing or not navigable. */
export type PayloadReader<Id extends KnownErrorId> = (body: JsonObject, details: JsonObject | undefined) => Parsed<KnownErrorPayloads[Id], 'invalid_shape'>

const none = () => parsed<NoPayload>({})

// Kratos puts `redirect_browser_to` at the top level; for AAL errors older versions only in `details`.
const redirect = (body: JsonObject, details: JsonObject | undefined) => {
  const redirectBrowserTo = navigableUrl(body['redirect_browser_to']) ?? navigableUrl(details?.['redirect_browser_to'])
  return redirectBrowserTo === undefined ? failed('invalid_shape', 'no navigable redirect_browser_to') : parsed({ redirectBrowserTo })
}

/** `fields` without its undefined entries, so that optional payload fields are absent rather than undefined. */
function defined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}

// updateSettingsFlow sends use_flow_id, since and expired_at at the top level; getSettingsFlow
// sends an id-less 410 with details.redirect_to and details.return_to.
const expired: PayloadReader<'self_service_flow_expired'> = (body, details) =>
  parsed(
    defined({
      useFlowId: asString(body['use_flow_id']),
      since: typeof body['since'] === 'number' ? body['since'] : undefined,
      expiredAt: asString(body['expired_at']),
      redirectTo: navigableUrl(details?.['redirect_to']),
      returnTo: returnToValue(details?.['return_to']),
    }),
  )

const replaced: PayloadReader<'self_service_flow_replaced'> = (body) => {
  const useFlowId = asString(body['use_flow_id'])
  return useFlowId === undefined ? failed('invalid_shape', 'no use_flow_id') : parsed({ useFlowId })
}

/**
 * What a settings page does about an error:
 * - `login`: sign in, then come back; `restart`: start a new flow;
 * - `second_factor`, `reauthenticate`, `location_change`: send the browser to the error's `redirectBrowserTo`;
 * - `show`: nowhere to go; show the error.
 */
export type ErrorAction = 'login' | 'second_factor' | 'reauthenticate' | 'location_change' | 'restart' | 'show'

/** The actions an id may take: the ones that send the browser to `redirectBrowserTo` only when its payload always has one. */
type ActionOf<Id extends KnownErrorId> = KnownErrorPayloads[Id] extends { readonly redirectBrowserTo: string }
  ? ErrorAction
  : Exclude<ErrorAction, 'second_factor' | 'reauthenticate' | 'location_change'>

/** One entry of {@link KNOWN_ERRORS}. */
export interface KnownErrorEntry<Id extends KnownErrorId> {
  /** The status Kratos sends the id with. */
  readonly status: number
  /** Reads the id's payload from the body. */
  readonly read: PayloadReader<Id>
  /** What a settings page does about it. */
  readonly action: ActionOf<Id>
}

/**
 * Every known error id: the status Kratos sends it with (the rows of docs/kratos-behaviour.md cite
 * the source for the ids the settings endpoints send; the others have Kratos' status for that id,
 * cited where the mock's texts are), the reader of its payload, and what a page does about it. A new
 * id fails to compile until it has all three. The mock's error bodies and the README's error table follow it.
 */
export const KNOWN_ERRORS: { readonly [Id in KnownErrorId]: KnownErrorEntry<Id> } = {
  session_inactive: { status: 401, read: none, action: 'login' },
  session_aal1_required: { status: 401, read: none, action: 'show' },
  session_aal2_required: { status: 403, read: redirect, action: 'second_factor' },
  session_refresh_required: { status: 403, read: redirect, action: 'reauthenticate' },
  session_already_available: { status: 400, read: none, action: 'show' },
  session_aal_already_fulfilled: { status: 400, read: none, action: 'show' },
  session_verified_address_required: { status: 400, read: none, action: 'show' },
  security_csrf_violation: { status: 403, read: none, action: 'show' },
  // Another identity's flow: a new one is this user's.
  security_identity_mismatch: { status: 403, read: none, action: 'restart' },
  self_service_flow_return_to_forbidden: { status: 400, read: none, action: 'show' },
  self_service_flow_disabled: { status: 400, read: none, action: 'show' },
  self_service_flow_expired: { status: 410, read: expired, action: 'restart' },
  self_service_flow_replaced: { status: 410, read: replaced, action: 'restart' },
  self_service_flow_not_found: { status: 404, read: none, action: 'restart' },
  browser_location_change_required: { status: 422, read: redirect, action: 'location_change' },
  identity_disabled: { status: 400, read: none, action: 'show' },
}

/** True when `id` is a key of {@link KNOWN_ERRORS} (own keys only: `constructor` is not an id). */
export function isKnownErrorId(id: string): id is KnownErrorId {
  return Object.hasOwn(KNOWN_ERRORS, id)
}
