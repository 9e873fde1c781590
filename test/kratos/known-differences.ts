// Where the mock knowingly answers differently from the recorded Kratos, and why. A difference
// the replay finds that no entry explains fails `npm test`; an entry that explains nothing fails too.
import type { Difference } from './compare.js'

export interface KnownDifference {
  /** The rows it applies to, or every row. */
  readonly rows: readonly string[] | 'all'
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
]

/** The entry that explains `difference` on `row` for `version`, if any. */
export function explainedBy(row: string, version: string, difference: Difference): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find(
    (known) =>
      (known.rows === 'all' || known.rows.includes(row)) &&
      (known.versions === undefined || known.versions.includes(version)) &&
      (typeof known.path === 'string' ? known.path === difference.path : known.path.test(difference.path)),
  )
}

/** The entry saying the row's scenario cannot run on the mock, if any. */
export function scenarioFailsOn(row: string): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((known) => known.scenarioFails === true && known.rows !== 'all' && known.rows.includes(row))
}
