import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** Our OpenAPI document, parsed. */
export const openapi = withoutUntypedNullable(parse(readFileSync(new URL('../../openapi/settings.yaml', import.meta.url), 'utf8'))) as {
  components: { schemas: Record<string, Record<string, unknown>> }
}

// `discriminator` mappings are checked through the oneOf they sit on. Ajv knows OpenAPI 3.0's
// `nullable`, but only next to a `type`; without one any value, null included, is allowed anyway.
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(openapi, 'settings.yaml')

/** The errors of `body` against the document's schema `name`; empty when it is valid. */
export function validate(name: string, body: unknown) {
  const check = ajv.getSchema(`settings.yaml#/components/schemas/${name}`)!
  void check(body) // synchronous: no schema here is $async
  return check.errors ?? []
}

function withoutUntypedNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutUntypedNullable)
  if (typeof node !== 'object' || node === null) return node
  const entries = Object.entries(node).filter(([key]) => key !== 'nullable' || 'type' in node)
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutUntypedNullable(value)]))
}
