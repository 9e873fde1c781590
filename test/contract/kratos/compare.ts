// Compares the mock's answer with Kratos' recorded one, field by field, after both went through
// the same normalisation: status, Location, Set-Cookie names and attributes, content type, and the
// body's shape, error ids, message ids and texts. Values that differ per run (ids, times, emails,
// tokens) are compared by kind only.
import type { Recording } from './normalize.js'
import { asText } from './target.js'

export interface Difference {
  /** Where: `status`, `location`, `setCookie`, `body.error.reason`, `body.ui.nodes[traits.email].meta`, ... */
  readonly path: string
  readonly kratos: unknown
  readonly mock: unknown
}

/** `value` with its objects' keys sorted: key order carries no meaning in JSON. */
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, item]) => [key, sorted(item)]),
        )
      : value

const generic = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value ?? null)
      .replace(/00000000-0000-4000-8000-\d{12}/g, '<id>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/\b(user|verify|interrupt|fail)-[0-9a-z]+@example\.com/g, '<email>')
      .replace(/csrf_token_[0-9a-z]+/g, 'csrf_token_*')
      .replace(/state=[0-9a-f]+/g, 'state=<state>'),
  ) as unknown

/** Fields whose value depends on timing (nanoseconds since a flow expired): compared by type. */
const TIMING: ReadonlySet<string> = new Set(['since'])

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)
const keys = (value: unknown) => (isObject(value) ? Object.keys(value).sort() : [])

interface Node {
  type: string
  group: string
  attributes: Json
  messages?: Array<Json>
  meta?: { label?: Json }
}

const nodeKey = (node: Node) => `${node.group}/${node.type}/${asText(node.attributes['name']) || asText(node.attributes['id'])}`
const texts = (messages: unknown) => (Array.isArray(messages) ? (messages as Json[]).map((message) => ({ id: message['id'], type: message['type'], text: message['text'] })) : messages)

function compareFlow(kratos: Json, mock: Json, add: (path: string, a: unknown, b: unknown) => void): void {
  add('body.keys', keys(kratos), keys(mock))
  for (const field of ['state', 'type']) add(`body.${field}`, kratos[field], mock[field])
  add('body.identity.keys', keys(kratos['identity']), keys(mock['identity']))
  add('body.return_to', kratos['return_to'], mock['return_to'])
  add(
    'body.continue_with',
    (kratos['continue_with'] as Json[] | undefined)?.map((item) => ({ action: item['action'], keys: keys(item) })),
    (mock['continue_with'] as Json[] | undefined)?.map((item) => ({ action: item['action'], keys: keys(item) })),
  )
  const ui = (kratos['ui'] ?? {}) as Json
  const mockUi = (mock['ui'] ?? {}) as Json
  add('body.ui.keys', keys(ui), keys(mockUi))
  add('body.ui.action', ui['action'], mockUi['action'])
  add('body.ui.method', ui['method'], mockUi['method'])
  add('body.ui.messages', texts(ui['messages']), texts(mockUi['messages']))
  const nodes = (ui['nodes'] ?? []) as Node[]
  const mockNodes = (mockUi['nodes'] ?? []) as Node[]
  add('body.ui.nodes', nodes.map(nodeKey), mockNodes.map(nodeKey))
  for (const node of nodes) {
    const other = mockNodes.find((item) => nodeKey(item) === nodeKey(node))
    if (other === undefined) continue
    const at = `body.ui.nodes[${nodeKey(node)}]`
    add(`${at}.messages`, texts(node.messages), texts(other.messages))
    add(`${at}.meta.label`, node.meta?.label, other.meta?.label)
    add(`${at}.attributes.keys`, keys(node.attributes), keys(other.attributes))
    if (asText(node.attributes['name']).startsWith('traits.')) add(`${at}.attributes.value`, node.attributes['value'], other.attributes['value'])
  }
}

function compareError(kratos: Json, mock: Json, add: (path: string, a: unknown, b: unknown) => void): void {
  add('body.keys', keys(kratos), keys(mock))
  const error = (kratos['error'] ?? {}) as Json
  const mockError = (mock['error'] ?? {}) as Json
  add('body.error.keys', keys(error), keys(mockError))
  for (const field of ['id', 'code', 'status', 'reason', 'message']) add(`body.error.${field}`, error[field], mockError[field])
  add('body.error.details', error['details'], mockError['details'])
  for (const field of keys(kratos)) {
    if (field === 'error') continue
    if (TIMING.has(field)) add(`body.${field}`, typeof kratos[field], typeof mock[field])
    else add(`body.${field}`, kratos[field], mock[field])
  }
}

/** Every difference between Kratos' recorded answer and the mock's, both normalised. */
export function compareAnswers(kratosRecording: Recording, mockRecording: Recording): Difference[] {
  const differences: Difference[] = []
  const add = (path: string, a: unknown, b: unknown) => {
    const [x, y] = [sorted(generic(a)), sorted(generic(b))]
    if (JSON.stringify(x) !== JSON.stringify(y)) differences.push({ path, kratos: x, mock: y })
  }
  const [k, m] = [kratosRecording.response, mockRecording.response]
  add('status', k.status, m.status)
  add('location', k.location, m.location)
  add('contentType', k.contentType?.split(';')[0], m.contentType?.split(';')[0])
  const cookies = (list: Recording['response']['setCookie']) => list.map((cookie) => [cookie.name, ...[...cookie.attributes].sort()].join('; ')).sort()
  add('setCookie', cookies(k.setCookie), cookies(m.setCookie))
  if (isObject(k.body) && 'ui' in k.body && isObject(m.body)) compareFlow(k.body, m.body, add)
  else if (isObject(k.body) && 'error' in k.body && isObject(m.body)) compareError(k.body, m.body, add)
  else add('body', k.body, m.body)
  return differences
}
