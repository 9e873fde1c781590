/**
 * What every internal parser returns: its value, or why it has none. A problem is named as the
 * `UnexpectedProblem` it becomes (`not_json`, `invalid_shape`, …); `detail` says what was wrong.
 */
export type Parsed<T, Problem extends string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem; readonly detail?: string }

/** A parsed value. */
export const parsed = <T>(value: T) => ({ ok: true, value }) as const

/** No value, and why. */
export const failed = <Problem extends string>(problem: Problem, detail?: string) =>
  (detail === undefined ? { ok: false, problem } : { ok: false, problem, detail }) as { readonly ok: false; readonly problem: Problem; readonly detail?: string }
