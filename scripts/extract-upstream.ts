// Refreshes openapi/upstream/kratos-api.json: the structure of Kratos' own OpenAPI document for
// the settings endpoints (paths, operations, parameters, statuses, schemas), without its prose.
// Usage: tsx scripts/extract-upstream.ts <path to Kratos' kratos-api.json>
import { readFileSync, writeFileSync } from 'node:fs'

const PATHS = ['/self-service/settings/browser', '/self-service/settings/flows', '/self-service/settings']
// The error bodies and the state enum the settings endpoints send, which the paths do not name.
const EXTRA_SCHEMAS = ['settingsFlowState', 'errorAuthenticatorAssuranceLevelNotSatisfied', 'needsPrivilegedSessionError', 'selfServiceFlowExpiredError', 'errorFlowReplaced']
const PROSE = new Set(['summary', 'example', 'examples', 'externalDocs'])

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PROSE.has(key))
      // A description is emptied rather than dropped: `{ description }` alone is an any-schema that
      // Prism's data generator stumbles on once it becomes `{}`.
      .map(([key, item]): [string, Json] => [key, key === 'description' && typeof item === 'string' ? '' : item])
      // The keys of `properties` are field names (a field may be called `title`), not keywords.
      .map(([key, item]) => [
        key,
        key === 'properties' && item !== null && typeof item === 'object' && !Array.isArray(item)
          ? Object.fromEntries(Object.entries(item).map(([name, schema]) => [name, strip(schema)]))
          : strip(item),
      ]),
  )
}

type Components = Record<string, Record<string, Json>>

/**
 * The components (`schemas/settingsFlow`, `responses/emptyResponse`) `value` refers to, directly or
 * through others. A `$ref` and a discriminator's mapping both name one as `#/components/<section>/<name>`.
 */
function collectRefs(value: Json, components: Components, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, components, found)
  else if (typeof value === 'string' && value.startsWith('#/components/')) {
    const name = value.slice('#/components/'.length)
    if (found.has(name)) return found
    found.add(name)
    const [section = '', entry = ''] = name.split('/')
    collectRefs(components[section]?.[entry] ?? null, components, found)
  } else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectRefs(item, components, found)
  return found
}

const source = process.argv[2]
if (source === undefined) throw new Error('usage: tsx scripts/extract-upstream.ts <kratos-api.json>')
const upstream = JSON.parse(readFileSync(source, 'utf8')) as { openapi: string; paths: Record<string, Json>; components: Components }
const paths = Object.fromEntries(PATHS.map((path) => [path, strip(upstream.paths[path]!)]))
const roots = [paths, ...EXTRA_SCHEMAS.map((name) => ({ $ref: `#/components/schemas/${name}` }))]
const components: Components = {}
for (const name of [...collectRefs(roots, upstream.components, new Set())].sort()) {
  const [section = '', entry = ''] = name.split('/')
  ;(components[section] ??= {})[entry] = strip(upstream.components[section]![entry]!)
}
const extract = {
  openapi: upstream.openapi,
  info: { title: 'Ory Kratos API (settings endpoints, structure only)', version: 'b86338da' },
  paths,
  components,
}
writeFileSync(new URL('../openapi/upstream/kratos-api.json', import.meta.url), `${JSON.stringify(extract, null, 2)}\n`)
