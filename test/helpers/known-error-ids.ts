import { KNOWN_ERRORS, type KnownErrorId } from '../../src/kratos/errors.js'

/** Every error id the SDK types, in the table's order. */
export const KNOWN_ERROR_IDS = Object.keys(KNOWN_ERRORS) as KnownErrorId[]
