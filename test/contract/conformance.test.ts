import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { freePort } from '../helpers/http-server.js'
import { createKratosClient, type KratosClient, type UpdateSettingsFlowResult } from '../../src/index.js'
import { KNOWN_ERROR_IDS } from '../helpers/known-error-ids.js'

// Prism serves Kratos' own upstream document in dynamic mode on 127.0.0.1: every response is
// generated from that document's schemas. For each documented status of each operation (forced
// with `Prefer: code=…`), 100 calls must give the right kind and never throw. Anything the
// document allows that our run-time check rejects would show up here as a wrong kind.
const CALLS = 100
const upstreamPath = fileURLToPath(new URL('../../openapi/upstream/kratos-api.json', import.meta.url))
const upstream = JSON.parse(readFileSync(upstreamPath, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>
}
const prismCli = fileURLToPath(new URL('../../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url))
const known: ReadonlySet<string> = new Set(KNOWN_ERROR_IDS)

let prism: ChildProcess
let baseUrl = ''

/**
 * The upstream document as Prism serves it, less one thing: updateSettingsFlow's request body is
 * checked only for what all eight methods agree on (an object with a string `method`). Upstream's
 * oneOf is unsatisfiable: six of its members require nothing but `method`, so every body matches
 * several, and Prism answers every request it cannot validate with the documented 422. The
 * responses, which are what this suite checks, are upstream's, untouched.
 */
function servedDocument(): string {
  type Operation = { requestBody: { content: Record<string, { schema: unknown }> } }
  const document = structuredClone(upstream) as unknown as { paths: Record<string, Record<string, Operation>> }
  const common = { type: 'object', required: ['method'], properties: { method: { type: 'string' } } }
  for (const media of Object.values(document.paths['/self-service/settings']!['post']!.requestBody.content)) media.schema = common
  const path = join(mkdtempSync(join(tmpdir(), 'kratos-prism-')), 'kratos-api.json')
  writeFileSync(path, JSON.stringify(document))
  return path
}

beforeAll(async () => {
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  prism = spawn(process.execPath, [prismCli, 'mock', '-h', '127.0.0.1', '-p', String(port), '-d', servedDocument()], { stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    prism.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Prism is listening')) resolve()
    })
    prism.once('exit', (code) => reject(new Error(`prism exited with ${code}: ${output}`)))
  })
}, 60_000)
afterAll(() => {
  prism?.kill()
})

const operations: Record<string, { path: string; method: string; call: (client: KratosClient) => Promise<UpdateSettingsFlowResult> }> = {
  createBrowserSettingsFlow: { path: '/self-service/settings/browser', method: 'get', call: (c) => c.createBrowserSettingsFlow(undefined, 'ory_kratos_session=s') },
  getSettingsFlow: { path: '/self-service/settings/flows', method: 'get', call: (c) => c.getSettingsFlow('f1', 'ory_kratos_session=s') },
  updateSettingsFlow: {
    path: '/self-service/settings',
    method: 'post',
    call: (c) => c.updateSettingsFlow('f1', { method: 'password', password: 'correct horse', csrf_token: 't' }, 'ory_kratos_session=s'),
  },
}

const cases = Object.entries(operations).flatMap(([name, operation]) =>
  Object.entries(upstream.paths[operation.path]![operation.method]!.responses)
    .filter(([status]) => status !== 'default')
    .map(([status, response]) => ({ name, operation, status: Number(status), schema: response.content?.['application/json']?.schema?.$ref?.split('/').at(-1) })),
)

/** The kind a documented response must become: its body schema decides. */
function expectedKinds(status: number, schema: string | undefined): UpdateSettingsFlowResult['kind'][] {
  if (status >= 300 && status < 400) return ['redirect']
  if (schema === 'settingsFlow') return [status === 200 ? 'flow' : 'invalid']
  // A generated error has a random id: a typed error only when the id happens to be one we know.
  return ['error', 'unexpected']
}

describe('conformance with the upstream document, through Prism', () => {
  test.each(cases)(
    '$name, status $status ($schema): 100 calls, the right kind, no crash',
    async ({ operation, status, schema }) => {
      const client = createKratosClient({ baseUrl, retry: 0, headers: { prefer: `code=${status}` } })
      const allowed = expectedKinds(status, schema)
      const kinds = new Map<string, number>()
      for (let call = 0; call < CALLS; call++) {
        const result = await operation.call(client)
        expect(result.status).toBe(status)
        expect(allowed).toContain(result.kind)
        if (result.kind === 'unexpected') {
          // Only an id we do not know, or a body the document shapes differently than Kratos sends it.
          expect(known.has(result.error.id) ? 'known id' : result.error.problem).toMatch(/^(unknown_error_id|invalid_shape)$/)
        }
        kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1)
      }
      console.info(`conformance: ${status} → ${[...kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ')}`)
    },
    60_000,
  )
})
