import type { SettingsFlow } from '../types.js'
import { findInput } from './find-input.js'

/** The CSRF token of a flow (its hidden `csrf_token` input), or `undefined` when it has none. */
export function getCsrfToken(flow: SettingsFlow): string | undefined {
  const value = findInput(flow, 'csrf_token')?.attributes.value
  return typeof value === 'string' ? value : undefined
}
