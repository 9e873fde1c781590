// Compares our OpenAPI document with Kratos' upstream one: every path, parameter, status and
// schema property we declare must exist upstream with a compatible type; our enums must be subsets.

type Schema = Record<string, unknown>
export type Document = { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } }

const refName = (schema: Schema): string | undefined => (typeof schema['$ref'] === 'string' ? schema['$ref'].split('/').pop() : undefined)

function resolve(doc: Document, schema: Schema): Schema {
  let current = schema
  for (let name = refName(current); name !== undefined; name = refName(current)) {
    current = doc.components.schemas[name] ?? {}
  }
  return current
}

const compatibleTypes = (ours: unknown, theirs: unknown) => theirs === undefined || ours === theirs || (ours === 'integer' && theirs === 'number')

/** Lists every way `ours` is not compatible with `theirs`, as `path: problem` lines. */
export function compareSchema(oursDoc: Document, theirsDoc: Document, oursRaw: Schema, theirsRaw: Schema, path: string, seen: Set<string>): string[] {
  const ourName = refName(oursRaw)
  const theirName = refName(theirsRaw)
  if (ourName !== undefined && theirName !== undefined) {
    if (ourName !== theirName) return [`${path}: refers to ${ourName}, upstream to ${theirName}`]
    // A named schema is compared once, and its problems are reported under its own name.
    path = ourName
  }
  if (seen.has(path)) return []
  seen.add(path)
  const ours = resolve(oursDoc, oursRaw)
  const theirs = resolve(theirsDoc, theirsRaw)
  const problems: string[] = []
  const theirsUntyped = theirs['type'] === undefined && theirs['oneOf'] === undefined && theirs['properties'] === undefined
  if (theirsUntyped) return problems
  if (!compatibleTypes(ours['type'], theirs['type'])) problems.push(`${path}: type ${String(ours['type'])} vs upstream ${String(theirs['type'])}`)
  if (ours['nullable'] === true && theirs['nullable'] !== true) problems.push(`${path}: nullable here, not upstream`)
  if (Array.isArray(ours['enum']) && Array.isArray(theirs['enum'])) {
    const extra = ours['enum'].filter((value) => !(theirs['enum'] as unknown[]).includes(value))
    if (extra.length > 0) problems.push(`${path}: enum values not upstream: ${extra.join(', ')}`)
  }
  if (ours['additionalProperties'] !== undefined && ours['additionalProperties'] !== false && theirs['additionalProperties'] === false) {
    problems.push(`${path}: allows additional properties, upstream forbids them`)
  }
  if (Array.isArray(ours['oneOf'])) {
    const theirMapping = ((theirs['discriminator'] as Schema | undefined)?.['mapping'] ?? {}) as Record<string, string>
    const ourDiscriminator = ours['discriminator'] as { propertyName: string; mapping: Record<string, string> }
    if ((theirs['discriminator'] as Schema | undefined)?.['propertyName'] !== ourDiscriminator.propertyName) {
      problems.push(`${path}: discriminator differs from upstream`)
    }
    for (const [value, ref] of Object.entries(ourDiscriminator.mapping)) {
      const theirRef = theirMapping[value]
      if (theirRef === undefined) problems.push(`${path}: discriminator value ${value} not upstream`)
      else problems.push(...compareSchema(oursDoc, theirsDoc, { $ref: ref }, { $ref: theirRef }, `${path}<${value}>`, seen))
    }
  }
  const theirProperties = (theirs['properties'] ?? {}) as Record<string, Schema>
  for (const [name, property] of Object.entries((ours['properties'] ?? {}) as Record<string, Schema>)) {
    const theirProperty = theirProperties[name]
    if (theirProperty === undefined) problems.push(`${path}.${name}: not upstream`)
    else problems.push(...compareSchema(oursDoc, theirsDoc, property, theirProperty, `${path}.${name}`, seen))
  }
  if (ours['items'] !== undefined) {
    if (theirs['items'] === undefined) problems.push(`${path}[]: not an array upstream`)
    else problems.push(...compareSchema(oursDoc, theirsDoc, ours['items'] as Schema, theirs['items'] as Schema, `${path}[]`, seen))
  }
  if (typeof ours['additionalProperties'] === 'object' && typeof theirs['additionalProperties'] === 'object') {
    problems.push(...compareSchema(oursDoc, theirsDoc, ours['additionalProperties'] as Schema, theirs['additionalProperties'] as Schema, `${path}{}`, seen))
  }
  return problems
}

const parameterKeys = (operation: Schema) => ((operation['parameters'] ?? []) as Schema[]).map((parameter) => `${String(parameter['in'])}:${String(parameter['name'])}`).sort()

/** Lists every difference of paths, operations, parameters and statuses, then of every schema. */
export function compareDocuments(ours: Document, theirs: Document): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const [path, operations] of Object.entries(ours.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const theirOperation = theirs.paths[path]?.[method]
      const where = `${method.toUpperCase()} ${path}`
      if (theirOperation === undefined) {
        problems.push(`${where}: not upstream`)
        continue
      }
      if (operation['operationId'] !== theirOperation['operationId']) problems.push(`${where}: operationId differs`)
      if (parameterKeys(operation).join() !== parameterKeys(theirOperation).join()) problems.push(`${where}: parameters differ`)
      const statuses = (value: Schema) =>
        Object.keys(value['responses'] as Schema)
          .sort()
          .join()
      if (statuses(operation) !== statuses(theirOperation)) problems.push(`${where}: statuses differ`)
    }
  }
  for (const [name, schema] of Object.entries(ours.components.schemas)) {
    const theirSchema = theirs.components.schemas[name]
    if (theirSchema === undefined) problems.push(`${name}: no schema of that name upstream`)
    else problems.push(...compareSchema(ours, theirs, schema, theirSchema, name, seen))
  }
  return problems
}
