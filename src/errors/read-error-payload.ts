import type { KnownErrorId, KnownErrorPayloads } from './known-errors.js'
import { asString, type JsonObject } from '../utils/json.js'

type PayloadReader<Id extends KnownErrorId> = (body: JsonObject, details: JsonObject | undefined) => KnownErrorPayloads[Id] | undefined

const none = () => ({})

// Kratos puts `redirect_browser_to` at the top level; for AAL errors older versions only in `details`.
const redirect = (body: JsonObject, details: JsonObject | undefined) => {
  const redirectBrowserTo = asString(body['redirect_browser_to']) ?? asString(details?.['redirect_browser_to'])
  return redirectBrowserTo === undefined ? undefined : { redirectBrowserTo }
}

const expired: PayloadReader<'self_service_flow_expired'> = (body) => {
  const useFlowId = asString(body['use_flow_id'])
  const expiredAt = asString(body['expired_at'])
  const since = typeof body['since'] === 'number' ? body['since'] : undefined
  return {
    ...(useFlowId === undefined ? {} : { useFlowId }),
    ...(since === undefined ? {} : { since }),
    ...(expiredAt === undefined ? {} : { expiredAt }),
  }
}

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
  browser_location_change_required: redirect,
  identity_disabled: none,
}
