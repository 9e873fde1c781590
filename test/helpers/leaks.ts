import { inspect } from 'node:util'

/** Every way an error reaches a log: its message and stack, fields, cause chain, util.inspect and JSON.stringify. */
export function renderings(error: unknown): string[] {
  const out: string[] = []
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) out.push(current.message, current.stack ?? '')
    out.push(inspect(current, { depth: 20, showHidden: true }), JSON.stringify(current, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)) ?? '')
    current = current instanceof Error ? current.cause : undefined
  }
  return out
}

/** The secrets that appear anywhere in an error's renderings. */
export function leakedSecrets(error: unknown, secrets: readonly string[]): string[] {
  const texts = renderings(error)
  return secrets.filter((secret) => texts.some((text) => text.includes(secret)))
}
