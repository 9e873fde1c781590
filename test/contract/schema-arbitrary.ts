import fc from 'fast-check'

type Schema = Record<string, unknown>

/**
 * A fast-check arbitrary of the values a schema of our OpenAPI document allows, for the subset of
 * JSON Schema the document uses: $ref, oneOf, enum, nullable, the primitive types with the uuid
 * and date-time formats, arrays, and objects with required, optional and additional properties.
 */
export function arbitraryFromSchema(document: { components: { schemas: Record<string, Schema> } }, name: string): fc.Arbitrary<unknown> {
  const cache = new Map<string, fc.Arbitrary<unknown>>()
  const resolve = (ref: string): fc.Arbitrary<unknown> => {
    const key = ref.replace('#/components/schemas/', '')
    if (!cache.has(key)) cache.set(key, build(document.components.schemas[key]!))
    return cache.get(key)!
  }

  function base(schema: Schema): fc.Arbitrary<unknown> {
    if (typeof schema['$ref'] === 'string') return resolve(schema['$ref'])
    if (Array.isArray(schema['oneOf'])) return fc.oneof(...(schema['oneOf'] as Schema[]).map(build))
    if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]))
    switch (schema['type']) {
      case 'string':
        if (schema['format'] === 'uuid') return fc.uuid()
        if (schema['format'] === 'date-time') {
          return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString())
        }
        return fc.string({ maxLength: 20 })
      case 'integer':
        return fc.integer()
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true })
      case 'boolean':
        return fc.boolean()
      case 'array':
        return fc.array(build(schema['items'] as Schema), { maxLength: 3 })
      case 'object':
        return object(schema)
      default:
        return fc.jsonValue({ maxDepth: 2 })
    }
  }

  function object(schema: Schema): fc.Arbitrary<unknown> {
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>
    const required = (schema['required'] ?? []) as string[]
    const known = fc.record(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, build(value)])), { requiredKeys: required })
    if (schema['additionalProperties'] !== true) return known
    const extra = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !(key in properties) && key !== '__proto__'),
      fc.jsonValue({ maxDepth: 1 }),
      { maxKeys: 2 },
    )
    return fc.tuple(extra, known).map(([more, fields]) => ({ ...more, ...(fields as object) }))
  }

  function build(schema: Schema): fc.Arbitrary<unknown> {
    const arbitrary = base(schema)
    return schema['nullable'] === true ? fc.option(arbitrary, { nil: null }) : arbitrary
  }

  return resolve(`#/components/schemas/${name}`)
}
