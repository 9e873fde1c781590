// Where the mock knowingly answers differently from the recorded Kratos, and why. A difference
// the replay finds that no entry explains fails `npm test`; an entry that explains nothing fails too.
import type { Difference } from './compare.js'

export interface KnownDifference {
  /** The rows it applies to. */
  readonly rows: readonly string[]
  /** The versions it applies to; every version when absent. */
  readonly versions?: readonly string[]
  /** The difference's path (see compare.ts), or a pattern for it. */
  readonly path: string | RegExp
  readonly reason: string
  /** The scenario cannot run against the mock at all. */
  readonly scenarioFails?: true
}

// prettier-ignore
export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    rows: ['C16'], path: /./,
    reason: "The mock takes any ory_kratos_session cookie as a session (the token names the identity and the session's kind); Kratos answers a token it did not issue as no session.",
  },
  {
    rows: ['U29', 'U30'], path: /^(location|body\.redirect_browser_to|body\.error\.reason)$/,
    reason: "The mock has no OIDC provider: it sends the browser to <base>/mock-oidc/<provider>/oauth2/auth instead of the provider's authorization URL.",
  },
  {
    rows: ['U48'], versions: ['master', 'v26.2.0', 'v25.4.0'], path: /./,
    reason: 'The mock does not know the password a session signed in with (its sessions are tokens): it refuses the same password again only once one was set through it.',
  },
  {
    rows: ['U49', 'U50'], path: /./,
    reason: 'The mock runs no web hooks.',
  },
  {
    rows: ['G10'], path: /./, scenarioFails: true,
    reason: 'The mock serves no API flows (`/self-service/settings/api`).',
  },
]

/** The entry that explains `difference` on `row` for `version`, if any. */
export function explainedBy(row: string, version: string, difference: Difference): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find(
    (known) =>
      known.rows.includes(row) &&
      (known.versions === undefined || known.versions.includes(version)) &&
      (typeof known.path === 'string' ? known.path === difference.path : known.path.test(difference.path)),
  )
}

/** The entry saying the row's scenario cannot run on the mock, if any. */
export function scenarioFailsOn(row: string): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((known) => known.scenarioFails === true && known.rows.includes(row))
}
