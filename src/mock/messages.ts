import type { UiText } from '../types.js'
import type { VersionBehaviour } from './versions.js'

// The UI messages the mock sends, with Kratos' ids and texts (text/message_*.go at b86338da).

const error = (id: number, text: string, context?: Record<string, unknown>): UiText => ({ id, type: 'error', text, ...(context === undefined ? {} : { context }) })

/** Kratos' UI texts, by what they say. */
export const MESSAGES = {
  /** text/message_settings.go:60-66 */
  saved: (): UiText => ({ id: 1050001, type: 'success', text: 'Your changes have been saved!' }),
  /** ui/container/container.go:202-209, text/message_validation.go:27-36 */
  required: (property: string) => error(4000002, `Property ${property} is missing.`, { property }),
  /** text/message_validation.go:38-48 */
  minLength: (min: number, actual: number) => error(4000003, `length must be >= ${min}, but got ${actual}`, { min_length: min, actual_length: actual }),
  /** text/message_validation.go:50-60 */
  maxLength: (max: number, actual: number) => error(4000017, `length must be <= ${max}, but got ${actual}`, { max_length: max, actual_length: actual }),
  /** text/message_validation.go:169-179 */
  type: (expected: string, actual: string) => error(4000026, `expected ${expected}, but got ${actual}`, { allowed_types: [expected], actual_type: actual }),
  /** text/message_validation.go: does not match pattern */
  pattern: (pattern: string) => error(4000004, `does not match pattern ${JSON.stringify(pattern)}`, { pattern }),
  /** text/message_validation.go:200-209 (v26.2.0 on; before, the validator's own text as a generic message) */
  email: (value: string, version: VersionBehaviour): UiText =>
    version.emailMessage === 'enter_valid'
      ? error(4000040, 'Enter a valid email address', { value })
      : error(4000001, `${JSON.stringify(value)} is not valid "email"`, { reason: `${JSON.stringify(value)} is not valid "email"` }),
  /** text/message_validation.go:241-251 */
  passwordMinLength: (min: number, actual: number) => error(4000032, `The password must be at least ${min} characters long, but got ${actual}.`, { min_length: min, actual_length: actual }),
  /** text/message_validation.go: the identifier is taken (recorded: U51) */
  duplicate: () => error(4000007, 'An account with the same identifier (email, phone, username, ...) exists already.'),
  /** selfservice/strategy/password/validator.go:184-190 (recorded: U47) */
  passwordTooSimilar: () => error(4000031, 'The password can not be used because it is too similar to the identifier.'),
  /** selfservice/strategy/password/settings.go:195-199, v25.4.0 on (recorded: U48) */
  passwordSameAsOld: () => error(4000039, 'The new password must be different from the old password.'),
  /** ui/container/container.go:181-191: a 400 reason becomes a generic message */
  generic: (reason: string) => error(4000001, reason, { reason }),
  /** schema/errors.go:231-239 */
  noStrategy: () => error(4010004, 'Could not find a strategy to update your settings. Did you fill out the form correctly?'),
  /** schema/errors.go:34-43 */
  invalidTotp: () => error(4000008, 'The provided authentication code is invalid, please try again.'),
  /** text/message_settings.go:14-24 */
  flowExpired: (expiredAt: Date, now: Date) => {
    const minutes = (now.getTime() - expiredAt.getTime()) / 60_000
    return error(4050001, `The settings flow expired ${minutes.toFixed(2)} minutes ago, please try again.`, {
      expired_at: expiredAt.toISOString(),
      expired_at_unix: Math.floor(expiredAt.getTime() / 1000),
    })
  },
} as const
