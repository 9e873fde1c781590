import type { components } from '../generated/kratos.js'

type Schemas = components['schemas']

/** A Kratos settings flow: render `ui` as a form; `ui.nodes` is always an array. */
export type SettingsFlow = Schemas['settingsFlow']
/** One element of a flow's form (an input, a text, an image, a link, a script or a div). */
export type UiNode = Schemas['uiNode']
/** The attributes of a UI node, discriminated by `node_type`. */
export type UiNodeAttributes = Schemas['uiNodeAttributes']
/** A message or label of the UI, with a stable numeric `id` for translations. */
export type UiText = Schemas['uiText']
/** What a client may do next after a flow, discriminated by `action`. */
export type ContinueWith = Schemas['continueWith']
/** A Kratos JSON error body: `{ error: { id, code, status, message, reason?, details? } }`. */
export type KratosErrorBody = Schemas['errorGeneric']
/** The body of `updateSettingsFlow`, discriminated by `method`. */
export type UpdateSettingsFlowBody = Schemas['updateSettingsFlowBody']
/** The `node_type` values of {@link UiNodeAttributes}. */
export type UiNodeType = UiNodeAttributes['node_type']
/** A UI node whose attributes are of one `node_type`. */
export type UiNodeOf<Type extends UiNodeType> = UiNode & { attributes: Extract<UiNodeAttributes, { node_type: Type }> }
/** A `continue_with` item of one `action`. */
export type ContinueWithOf<Action extends ContinueWith['action']> = Extract<ContinueWith, { action: Action }>
