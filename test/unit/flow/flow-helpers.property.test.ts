import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createKratosClient, getCsrfToken, getFlowMessages, groupNodes, isNodeType, unwrapFlow, type SettingsFlow, type UpdateSettingsFlowResult } from '../../../src/index.js'
import { findInput } from '../../../src/utils/ui-nodes.js'
import { parseSettingsFlow } from '../../../src/response/parse-flow.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { openapi } from '../../helpers/openapi.js'
import { arbitraryFromSchema } from '../../contract/schema-arbitrary.js'

// "Everything the runtime check accepts, every helper handles without throwing." Flows from our
// document and from the mock, with one field anywhere replaced by any JSON value, including
// null, hostile keys and control characters; whatever the check accepts goes through every helper.
// Mutation testing runs this for every mutant it covers: fewer cases there.
const RUNS = process.env['KRATOS_SETTINGS_MUTATION'] === '1' ? 300 : 3_000
const hostileString = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'csrf_token', '\r\n', '\u001b[31m', 'toString'))
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, [], {}, [null], [{}], { messages: null }, { attributes: null }, { __proto__: null }),
  fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  hostileString,
)

/** Every path (as keys) into a JSON value, the root excluded. */
function paths(value: unknown, prefix: readonly (string | number)[] = []): (readonly (string | number)[])[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, item]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key]
    return [path, ...paths(item, path)]
  })
}

function replaced(flow: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(flow) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (replacement === undefined) delete node[last]
  else Object.defineProperty(node, last, { value: replacement, enumerable: true, writable: true, configurable: true })
  return copy
}

const source = fc.oneof(arbitraryFromSchema(openapi, 'settingsFlow'), fc.constant(makeSettingsFlow()), fc.constant(makeSettingsFlow({ state: 'success' })))
const mutated = source.chain((flow) => {
  const all = paths(flow)
  return fc.tuple(fc.constant(flow), all.length === 0 ? fc.constant([] as const) : fc.constantFrom(...all), anyJson, fc.nat(3))
})

const kratos = createKratosClient({ baseUrl: 'http://kratos.test' })

function useEveryHelper(flow: SettingsFlow, name: string): void {
  getCsrfToken(flow)
  findInput(flow, name)
  for (const [group, nodes] of groupNodes(flow)) for (const node of nodes) void [group, isNodeType(node, 'input'), isNodeType(node, 'img')]
  for (const { message, node } of getFlowMessages(flow)) void [message.id, message.text, node?.attributes]
  unwrapFlow({ kind: 'flow', status: 200, setCookie: [], flow })
  const results: UpdateSettingsFlowResult[] = [
    { kind: 'flow', status: 200, setCookie: [], flow },
    { kind: 'invalid', status: 400, setCookie: [], flow },
  ]
  for (const result of results) {
    kratos.nextStep(result, { returnTo: `/settings/${name}` })
  }
}

test(`${RUNS} mutated flows: every flow the check accepts goes through every helper without throwing`, () => {
  let accepted = 0
  fc.assert(
    fc.property(mutated, hostileString, ([flow, path, replacement, copies], name) => {
      let body = path.length === 0 ? flow : replaced(flow, path, replacement)
      // Several mutations at once now and then.
      for (let index = 0; index < copies; index++) body = replaced(body, paths(body)[index] ?? [], replacement)
      const parsed = parseSettingsFlow(body)
      if (!parsed.ok) return
      accepted++
      expect(() => useEveryHelper(parsed.value, name)).not.toThrow()
    }),
    { numRuns: RUNS },
  )
  console.info(`helpers: ${RUNS} mutated flows, ${accepted} accepted by the check, 0 helper crashes`)
  expect(accepted).toBeGreaterThan(RUNS / 10)
})

test.each([
  ['ui.messages: null', (flow: Record<string, any>) => (flow['ui'].messages = null)],
  ['a node without messages', (flow: Record<string, any>) => delete flow['ui'].nodes[0].messages],
  ['a node with messages: null', (flow: Record<string, any>) => (flow['ui'].nodes[0].messages = null)],
])('the reported crash: %s is accepted and getFlowMessages works', (_case, mutate) => {
  const flow = makeSettingsFlow() as unknown as Record<string, any>
  flow['ui'].nodes[0].messages = [{ id: 1, text: 't', type: 'info' }]
  mutate(flow)
  const parsed = parseSettingsFlow(flow)
  expect(parsed.ok).toBe(true)
  expect(() => getFlowMessages(flow as SettingsFlow)).not.toThrow()
})

test.each([
  ['ui.messages is not a list', (flow: Record<string, any>) => (flow['ui'].messages = 'oops'), 'ui.messages is not an array'],
  ['a node messages is an object', (flow: Record<string, any>) => (flow['ui'].nodes[1].messages = {}), 'ui.nodes[1].messages is not an array'],
  ['a message is not an object', (flow: Record<string, any>) => (flow['ui'].nodes[0].messages = [null]), 'ui.nodes[0].messages[0] is not an object'],
  ['a flow message is a string', (flow: Record<string, any>) => (flow['ui'].messages = [{ id: 1 }, 'x']), 'ui.messages[1] is not an object'],
])('the check rejects what a helper cannot handle: %s', (_case, mutate, problem) => {
  const flow = makeSettingsFlow() as unknown as Record<string, any>
  mutate(flow)
  expect(parseSettingsFlow(flow)).toEqual({ ok: false, problem: 'invalid_shape', detail: problem })
})
