/** No value, and why: `problem` names it (as the `UnexpectedProblem` it becomes, where it becomes one), `detail` says what was wrong. */
export type Failed<Problem extends string> = { readonly ok: false; readonly problem: Problem; readonly detail?: string }

/** What every internal parser returns: its value, or why it has none. */
export type Parsed<T, Problem extends string> = { readonly ok: true; readonly value: T } | Failed<Problem>

/** A parsed value. */
export const parsed = <T>(value: T) => ({ ok: true, value }) as const

/** No value, and why. */
export const failed = <Problem extends string>(problem: Problem, detail?: string): Failed<Problem> => (detail === undefined ? { ok: false, problem } : { ok: false, problem, detail })
