import type { KnownErrorId, KnownErrorPayloads } from './known-errors.js'
import { asString, type JsonObject } from '../utils/json.js'
import { navigableUrl } from '../utils/navigable-url.js'

type PayloadReader<Id extends KnownErrorId> = (body: JsonObject, details: JsonObject | undefined) => KnownErrorPayloads[Id] | undefined

const none = () => ({})

// Kratos puts `redirect_browser_to` at the top level; for AAL errors older versions only in `details`.
// A URL that is not absolute http(s) is not one an app may navigate to: the body is then ill-formed.
const redirect = (body: JsonObject, details: JsonObject | undefined) => {
  const redirectBrowserTo = navigableUrl(body['redirect_browser_to']) ?? navigableUrl(details?.['redirect_browser_to'])
  return redirectBrowserTo === undefined ? undefined : { redirectBrowserTo }
}

/** `fields` without its undefined entries, so that optional payload fields are absent rather than undefined. */
function defined<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}

// updateSettingsFlow sends use_flow_id, since and expired_at at the top level; getSettingsFlow
// sends an id-less 410 with details.redirect_to and details.return_to.
const expired: PayloadReader<'self_service_flow_expired'> = (body, details) =>
  defined({
    useFlowId: asString(body['use_flow_id']),
    since: typeof body['since'] === 'number' ? body['since'] : undefined,
    expiredAt: asString(body['expired_at']),
    redirectTo: navigableUrl(details?.['redirect_to']),
    returnTo: navigableUrl(details?.['return_to']),
  })

const replaced: PayloadReader<'self_service_flow_replaced'> = (body) => {
  const useFlowId = asString(body['use_flow_id'])
  return useFlowId === undefined ? undefined : { useFlowId }
}

/**
 * Reads the camel-cased payload of a known error id from its body. `undefined` means a field the
 * type promises (for example `redirect_browser_to`) is missing, so the body is not well-formed.
 */
export const readErrorPayload: { readonly [Id in KnownErrorId]: PayloadReader<Id> } = {
  session_inactive: none,
  session_aal1_required: none,
  session_aal2_required: redirect,
  session_refresh_required: redirect,
  session_already_available: none,
  session_aal_already_fulfilled: none,
  session_verified_address_required: none,
  security_csrf_violation: none,
  security_identity_mismatch: none,
  self_service_flow_return_to_forbidden: none,
  self_service_flow_disabled: none,
  self_service_flow_expired: expired,
  self_service_flow_replaced: replaced,
  self_service_flow_not_found: none,
  browser_location_change_required: redirect,
  identity_disabled: none,
}
