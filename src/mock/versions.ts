// Where the Kratos versions the mock imitates answer differently, as recorded from each
// (test/contract/kratos/recordings/<version>/; docs/kratos-behaviour.md names the rows).

/** The Kratos versions the mock can imitate; `master` is ory/kratos b86338da. */
export type KratosVersion = 'master' | 'v26.2.0' | 'v25.4.0' | 'v1.3.1'

/** The version the mock imitates unless told otherwise. */
export const DEFAULT_KRATOS_VERSION: KratosVersion = 'v26.2.0'

/** What differs by version. */
export interface VersionBehaviour {
  /** The settings flow carries `organization_id` (master; recorded: C1). */
  readonly flowOrganizationId: boolean
  /** A label generated from the identity schema has `context.name` as well as `context.title` (v25.4.0 on; recorded: C1). */
  readonly labelContextName: boolean
  /** The passkey nodes come before all others (v1.3.1; recorded: C1). */
  readonly passkeyFirst: boolean
  /** Any successful update shows verification for an address no message went to yet, without a hook (v1.3.1; recorded: U7, U40). */
  readonly verificationOnEveryUpdate: boolean
  /** An email trait that is not an email gets 4000040 "Enter a valid email address" (v26.2.0 on), else the validator's 4000001 (recorded: U3). */
  readonly emailMessage: 'enter_valid' | 'validator'
  /** A new password equal to the old one is refused with 4000039 (v25.4.0 on; recorded: U48). */
  readonly passwordSameAsOld: boolean
  /** The `docs` link of a CSRF error (recorded: U20). */
  readonly csrfDocs: string
  /** A profile update's flow keeps the identity's state_changed_at (master; recorded: U1). */
  readonly profileKeepsStateChangedAt: boolean
  /** session_inactive carries the top-level `CredentialsMissing: false` (v25.4.0 on; recorded: C3). */
  readonly credentialsMissingField: boolean
  /** A CSRF error's hint and reject_reason say what went wrong (v26.2.0 on); before, every one carries the same pair (recorded: U20, U39). */
  readonly csrfDetailsByCause: boolean
}

const OLD_CSRF_DOCS = 'https://www.ory.sh/kratos/docs/debug/csrf'

export const VERSIONS: { readonly [Version in KratosVersion]: VersionBehaviour } = {
  master: {
    flowOrganizationId: true,
    labelContextName: true,
    passkeyFirst: false,
    verificationOnEveryUpdate: false,
    emailMessage: 'enter_valid',
    passwordSameAsOld: true,
    profileKeepsStateChangedAt: true,
    credentialsMissingField: true,
    csrfDocs: 'https://www.ory.com/docs/troubleshooting/csrf',
    csrfDetailsByCause: true,
  },
  'v26.2.0': {
    flowOrganizationId: false,
    labelContextName: true,
    passkeyFirst: false,
    verificationOnEveryUpdate: false,
    emailMessage: 'enter_valid',
    passwordSameAsOld: true,
    profileKeepsStateChangedAt: false,
    credentialsMissingField: true,
    csrfDocs: OLD_CSRF_DOCS,
    csrfDetailsByCause: true,
  },
  'v25.4.0': {
    flowOrganizationId: false,
    labelContextName: true,
    passkeyFirst: false,
    verificationOnEveryUpdate: false,
    emailMessage: 'validator',
    passwordSameAsOld: true,
    profileKeepsStateChangedAt: false,
    credentialsMissingField: true,
    csrfDocs: OLD_CSRF_DOCS,
    csrfDetailsByCause: false,
  },
  'v1.3.1': {
    flowOrganizationId: false,
    labelContextName: false,
    passkeyFirst: true,
    verificationOnEveryUpdate: true,
    emailMessage: 'validator',
    passwordSameAsOld: false,
    profileKeepsStateChangedAt: false,
    credentialsMissingField: false,
    csrfDocs: OLD_CSRF_DOCS,
    csrfDetailsByCause: false,
  },
}
