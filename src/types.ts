import type { components } from '../generated/kratos.js'

/** The components of Kratos' OpenAPI document that this SDK's types come from: `KratosComponents['schemas']['identity']`, say. */
export type { components as KratosComponents }

/** A Kratos settings flow: render `ui` as a form; `ui.nodes` is always an array. */
export type SettingsFlow = components['schemas']['settingsFlow']
/** One element of a flow's form (an input, a text, an image, a link, a script or a div). */
export type UiNode = components['schemas']['uiNode']
/** The attributes of a UI node, discriminated by `node_type`. */
export type UiNodeAttributes = components['schemas']['uiNodeAttributes']
/** A message or label of the UI, with a stable numeric `id` for translations. */
export type UiText = components['schemas']['uiText']
/** What a client may do next after a flow, discriminated by `action`. */
export type ContinueWith = components['schemas']['continueWith']
/** A Kratos JSON error body: `{ error: { id, code, status, message, reason?, details? } }`. */
export type KratosErrorBody = components['schemas']['errorGeneric']
/** The body of `updateSettingsFlow`, discriminated by `method`. */
export type UpdateSettingsFlowBody = components['schemas']['updateSettingsFlowBody']
/** The `node_type` values of {@link UiNodeAttributes}. */
export type UiNodeType = UiNodeAttributes['node_type']
/** A UI node whose attributes are of one `node_type`. */
export type UiNodeOf<Type extends UiNodeType> = UiNode & { attributes: Extract<UiNodeAttributes, { node_type: Type }> }
/** A `continue_with` item of one `action`. */
export type ContinueWithOf<Action extends ContinueWith['action']> = Extract<ContinueWith, { action: Action }>
