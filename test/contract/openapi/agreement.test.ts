import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { compareDocuments, type Document } from './compare-schemas.js'

const ours = parse(readFileSync(new URL('../../../openapi/settings.yaml', import.meta.url), 'utf8')) as Document
const upstream = JSON.parse(readFileSync(new URL('../../../openapi/upstream/kratos-api.json', import.meta.url), 'utf8')) as Document

// Where we deliberately differ from the upstream document, because the server differs from it.
const KNOWN_DEVIATIONS = [
  // Upstream nests errorGeneric here ({ error: { error: … } }); Kratos sends { error: genericError }.
  'errorBrowserLocationChangeRequired.error: refers to genericError, upstream to errorGeneric',
  // Upstream forbids any key in details; Kratos sends keys (hint, reject_reason, redirect_browser_to).
  'genericError.details: allows additional properties, upstream forbids them',
]

describe('openapi/settings.yaml agrees with the upstream Kratos document', () => {
  const problems = compareDocuments(ours, upstream)

  test('no difference beyond the documented deviations', () => {
    expect(problems.filter((problem) => !KNOWN_DEVIATIONS.includes(problem))).toEqual([])
  })

  test('each documented deviation is still real upstream', () => {
    for (const deviation of KNOWN_DEVIATIONS) expect(problems).toContain(deviation)
  })

  test('the comparison catches a property, a status, a type and an enum value that upstream lacks', () => {
    const broken = structuredClone(ours) as Document & { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }
    const flow = broken.components.schemas['settingsFlow'] as { properties: Record<string, unknown> }
    flow.properties['invented'] = { type: 'string' }
    flow.properties['issued_at'] = { type: 'integer' }
    ;(broken.components.schemas['settingsFlowState'] as { enum: string[] }).enum.push('exploded')
    broken.paths['/self-service/settings/browser']!['get']!.responses['418'] = {}
    expect(compareDocuments(broken, upstream)).toEqual(
      expect.arrayContaining([
        'GET /self-service/settings/browser: statuses differ',
        'settingsFlow.invented: not upstream',
        'settingsFlow.issued_at: type integer vs upstream string',
        'settingsFlowState: enum values not upstream: exploded',
      ]),
    )
  })
})
