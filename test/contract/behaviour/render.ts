import { KNOWN_DIFFERENCES } from '../kratos/known-differences.js'
import type { Recording } from '../kratos/normalize.js'
import { recordingsOf, VERSIONS } from '../kratos/recordings.js'
import { SCENARIOS } from '../kratos/scenarios.js'
import { ROWS, type Row } from './rows.js'

const ENDPOINTS = {
  create: 'createBrowserSettingsFlow: `GET /self-service/settings/browser`',
  get: 'getSettingsFlow: `GET /self-service/settings/flows?id=`',
  update: 'updateSettingsFlow: `POST /self-service/settings?flow=`',
  resume: 'A browser resuming a held change: `GET /self-service/settings?flow=`',
} as const

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')
const json = (value: unknown) => `\`${JSON.stringify(value)}\``
const COOKIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^csrf_token_/, 'CSRF cookie'],
  [/^ory_kratos_session$/, 'session cookie'],
  [/^ory_kratos_continuity$/, 'continuity cookie'],
]
const ids = (text: string) => text.replace(/00000000-0000-4000-8000-\d{12}/g, '<id>').replace(/\b(user|verify)-\d+@example\.com/g, '<email>')
const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max)}…` : text)

type Json = Record<string, unknown>

/** What one recorded answer says, in a line: status, Location, cookies set, the body's gist. */
export function summarize(recording: Recording): string {
  const { status, location, setCookie, body } = recording.response
  const parts = [String(status)]
  if (location !== undefined) parts.push(`Location ${ids(location)}`)
  if (setCookie.length > 0) parts.push(`Set-Cookie: ${setCookie.map(({ name }) => COOKIES.find(([pattern]) => pattern.test(name))?.[1] ?? name).join(', ')}`)
  if (body !== null && typeof body === 'object') {
    const value = body as Json
    const error = value['error'] as Json | undefined
    if (error !== undefined) {
      parts.push(typeof error['id'] === 'string' ? `error.id ${error['id']}` : `no error.id (code ${JSON.stringify(error['code'])})`)
      if (typeof error['reason'] === 'string') parts.push(`reason "${clip(ids(error['reason']))}"`)
      for (const key of Object.keys(value).filter((name) => name !== 'error')) parts.push(key)
    }
    const ui = value['ui'] as { messages?: Json[]; nodes?: Array<{ messages: Json[] }> } | undefined
    if (ui !== undefined) {
      parts.push(`flow, state ${String(value['state'])}`)
      const messages = [...(ui.messages ?? []), ...(ui.nodes ?? []).flatMap((node) => node.messages)].map((message) => String(message['id']))
      if (messages.length > 0) parts.push(`messages ${messages.join(', ')}`)
      const continueWith = (value['continue_with'] as Json[] | undefined)?.map((item) => String(item['action']))
      if (continueWith !== undefined) parts.push(`continue_with ${continueWith.join(', ')}`)
    }
  }
  return parts.join('; ')
}

/** The row's observations, versions with the same answer grouped: "v26.2.0, master: 200 …". */
function observed(row: Row): string {
  const byAnswer = new Map<string, string[]>()
  for (const version of VERSIONS) {
    const recording = recordingsOf(version).get(row.id)
    const answer = recording === undefined ? `not recorded (${SCENARIOS.find((scenario) => scenario.id === row.id)?.skip?.reason ?? 'no recording'})` : summarize(recording)
    byAnswer.set(answer, [...(byAnswer.get(answer) ?? []), version])
  }
  if (byAnswer.size === 1) return `${VERSIONS.length === 4 ? 'all four' : VERSIONS.join(', ')}: ${[...byAnswer.keys()][0]!}`
  return [...byAnswer].map(([answer, versions]) => `**${versions.join(', ')}**: ${answer}`).join('<br>')
}

function mock(row: Row): string {
  const known = KNOWN_DIFFERENCES.filter((difference) => difference.rows.includes(row.id))
  if (known.length === 0) return 'as Kratos'
  return known.map((difference) => `${difference.versions === undefined ? '' : `${difference.versions.join(', ')}: `}${difference.reason}`).join(' ')
}

/** docs/kratos-behaviour.md, from {@link ROWS} and the recordings. */
export function renderBehaviourTable(): string {
  const lines = [
    '# What Kratos answers, and what kratos-settings makes of it',
    '',
    '<!-- Rendered from test/contract/behaviour/rows.ts and test/contract/kratos/recordings by `npm run docs:behaviour`; a test keeps it in sync. -->',
    '',
    `One row per endpoint × client × condition. **Kratos sends** is what running Kratos answered: ${VERSIONS.join(', ')}`,
    '(master is ory/kratos b86338da), each built from its tag and run on 127.0.0.1 with our configuration',
    "(`test/contract/kratos/config/`), driven by the row's scenario (`test/contract/kratos/scenarios.ts`) and recorded by",
    '`npm run record:kratos` into `test/contract/kratos/recordings/<version>/<row>.json`. Versions that answered alike',
    "share a line. **Source** is where in Kratos' code (b86338da, `path:line`) the answer comes from.",
    'A **JSON** client sends `Accept: application/json` (or a JSON body: Kratos treats `Content-Type:',
    'application/json` as JSON whatever `Accept` says, x/isjsonrequest.go:15-18); a **browser** navigates or',
    'posts a form.',
    '',
    "`npm test` replays every recording twice (`test/contract/kratos/replay.test.ts`): Kratos' answer through the SDK",
    "must give the row's result and `nextStep` (with `returnTo: 'http://app.test/settings'`), and the row's",
    'scenario run against the mock (`kratos-settings/mock`, imitating the same version) must answer the same',
    'after normalisation (status, Location, Set-Cookie names and attributes, content type, body shape, error',
    'ids, reasons, message ids and texts), except for the differences the **mock** column lists.',
    '`npm run test:kratos` runs the same scenarios against a live Kratos.',
    '',
    "Placeholders: `<id>` an id, `<email>` a user's email; Kratos' public URL is `http://kratos.test`, the UI",
    '`http://app.test/ui`. Error bodies are herodot\'s `{"error":{"id"?,"code","status","reason"?,"details"?,"message"}}`.',
    '',
  ]
  for (const endpoint of ['create', 'get', 'update', 'resume'] as const) {
    lines.push(`## ${ENDPOINTS[endpoint]}`, '', '| # | client | condition | Kratos sends | source | SDK result | next step | mock |', '|---|---|---|---|---|---|---|---|')
    for (const row of ROWS.filter((item) => item.endpoint === endpoint)) {
      const condition = row.note === undefined ? row.condition : `${row.condition}. ${row.note}`
      const versions =
        row.byVersion === undefined
          ? ''
          : Object.entries(row.byVersion)
              .map(([version, expected]) => ` ${version}: ${json(expected)}`)
              .join('')
      lines.push(
        `| ${row.id} | ${row.client} | ${cell(condition)} | ${cell(observed(row))} | ${cell(row.source)} | ${cell(json(row.result) + versions)} | ${cell(json(row.step))} | ${cell(mock(row))} |`,
      )
    }
    lines.push('')
  }
  lines.push(
    '## Not observed',
    '',
    "- A real OIDC login at a provider, and WebAuthn or passkey registrations with a real authenticator: the recordings stop at the redirect to the provider and at Kratos' parse error.",
    '- The password breach check (haveibeenpwned): it needs the internet, so our configuration turns it off.',
    '',
  )
  return lines.join('\n')
}

if (process.argv.includes('--write')) {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(new URL('../../../docs/kratos-behaviour.md', import.meta.url), renderBehaviourTable())
}
