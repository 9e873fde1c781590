import type { components } from '../generated/kratos.js'

type Schemas = components['schemas']

/** A Kratos settings flow: render `ui` as a form; `ui.nodes` is always an array. */
export type SettingsFlow = Schemas['settingsFlow']
/** `show_form` while the user edits, `success` after a successful update. */
export type SettingsFlowState = Schemas['settingsFlowState']
/** The form of a flow: action, method, nodes and flow-level messages. */
export type UiContainer = Schemas['uiContainer']
/** One element of a flow's form (an input, a text, an image, a link, a script or a div). */
export type UiNode = Schemas['uiNode']
/** The attributes of a UI node, discriminated by `node_type`. */
export type UiNodeAttributes = Schemas['uiNodeAttributes']
/** Attributes of an `<input>` node. */
export type UiNodeInputAttributes = Schemas['uiNodeInputAttributes']
/** A message or label of the UI, with a stable numeric `id` for translations. */
export type UiText = Schemas['uiText']
/** The identity whose settings the flow changes. */
export type Identity = Schemas['identity']
/** What a client may do next after a flow, discriminated by `action`. */
export type ContinueWith = Schemas['continueWith']
/** The `error` object inside every Kratos JSON error body. */
export type GenericError = Schemas['genericError']
/** A Kratos JSON error body: `{ error: GenericError }`. */
export type ErrorGeneric = Schemas['errorGeneric']
/** Body of `session_aal2_required`. */
export type ErrorAal2Required = Schemas['errorAuthenticatorAssuranceLevelNotSatisfied']
/** Body of `session_refresh_required`. */
export type ErrorRefreshRequired = Schemas['needsPrivilegedSessionError']
/** Body of `browser_location_change_required`. */
export type ErrorBrowserLocationChangeRequired = Schemas['errorBrowserLocationChangeRequired']
/** Body of `self_service_flow_expired`. */
export type ErrorFlowExpired = Schemas['selfServiceFlowExpiredError']
/** Body of `self_service_flow_replaced`. */
export type ErrorFlowReplaced = Schemas['errorFlowReplaced']
/** The body of `updateSettingsFlow`, discriminated by `method`. */
export type UpdateSettingsFlowBody = Schemas['updateSettingsFlowBody']
/** The `method` values of {@link UpdateSettingsFlowBody}. */
export type UpdateSettingsFlowMethod = UpdateSettingsFlowBody['method']
/** The body of `updateSettingsFlow` for one `method`. */
export type UpdateSettingsFlowBodyOf<Method extends UpdateSettingsFlowMethod> = Extract<UpdateSettingsFlowBody, { method: Method }>
/** The `node_type` values of {@link UiNodeAttributes}. */
export type UiNodeType = UiNodeAttributes['node_type']
/** A UI node whose attributes are of one `node_type`. */
export type UiNodeOf<Type extends UiNodeType> = UiNode & { attributes: Extract<UiNodeAttributes, { node_type: Type }> }
/** A `continue_with` item of one `action`. */
export type ContinueWithOf<Action extends ContinueWith['action']> = Extract<ContinueWith, { action: Action }>
