// The settings flow's three operations as Kratos serves them: method, endpoint, whether a retry is
// safe, and what the answers that carry no `error.id` mean on each (docs/kratos-behaviour.md).

import type { KnownErrorId } from './errors.js'
import type { SettingsEndpoints } from './endpoints.js'

/** herodot's reason for an update whose `flow` query parameter is missing or not a UUID (U19). */
export const MALFORMED_FLOW_ID_REASON = 'The flow query parameter is missing or malformed.'
/** herodot's reason for an update of a flow Kratos does not have (U18). */
export const UNKNOWN_FLOW_REASON = 'The settings request could not be found. Please restart the flow.'

/**
 * An answer without `error.id` that names a known condition: its status, and the reason that tells
 * it apart where the status alone does not (an update's other id-less 404s, a disabled method or a
 * credential to unlink that does not exist, name no condition: U31).
 */
export interface IdlessAnswer {
  readonly status: number
  readonly reason?: string
  readonly id: KnownErrorId
}

/** One of Kratos' settings operations. */
export interface SettingsOperation {
  /** The SDK's name for it, which argument errors start with. */
  readonly name: 'createBrowserSettingsFlow' | 'getSettingsFlow' | 'updateSettingsFlow'
  readonly method: 'GET' | 'POST'
  readonly endpoint: keyof Pick<SettingsEndpoints, 'create' | 'get' | 'update'>
  /** Safe to send again after a network failure or a 502/503/504: it changes nothing at Kratos. */
  readonly retried?: true
  /** A 400 that carries the flow is a rejected submission, with messages on its nodes. */
  readonly invalidFlowOn400?: true
  /**
   * A 302 is Kratos' "no session" in browser mode, to its login UI (G3, U9); on the create
   * endpoint the same answer is a 303, a redirect like any other (C2).
   */
  readonly foundMeansNoSession?: true
  readonly idless?: readonly IdlessAnswer[]
}

const NO_SESSION: IdlessAnswer = { status: 401, id: 'session_inactive' }

/** Every settings operation, by name; a flag left out is false. */
export const SETTINGS_OPERATIONS = {
  // C1-C9: every error of the create endpoint carries an id.
  createBrowserSettingsFlow: { name: 'createBrowserSettingsFlow', method: 'GET', endpoint: 'create', retried: true },
  getSettingsFlow: {
    name: 'getSettingsFlow',
    method: 'GET',
    endpoint: 'get',
    retried: true,
    foundMeansNoSession: true,
    // G2, G4 and G8 (its only 404), G7.
    idless: [NO_SESSION, { status: 404, id: 'self_service_flow_not_found' }, { status: 410, id: 'self_service_flow_expired' }],
  },
  updateSettingsFlow: {
    name: 'updateSettingsFlow',
    method: 'POST',
    endpoint: 'update',
    invalidFlowOn400: true,
    foundMeansNoSession: true,
    // U8, U18, U19.
    idless: [NO_SESSION, { status: 404, reason: UNKNOWN_FLOW_REASON, id: 'self_service_flow_not_found' }, { status: 400, reason: MALFORMED_FLOW_ID_REASON, id: 'self_service_flow_not_found' }],
  },
} as const satisfies { readonly [Name in SettingsOperation['name']]: SettingsOperation & { readonly name: Name } }

/** The known condition an id-less answer of `operation` names, or `undefined`. */
export function idlessErrorId(operation: SettingsOperation, status: number, reason: string | undefined): KnownErrorId | undefined {
  return operation.idless?.find((answer) => answer.status === status && (answer.reason === undefined || answer.reason === reason))?.id
}
