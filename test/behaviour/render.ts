import { ROWS, type Row } from './rows.js'

const ENDPOINTS = {
  create: 'createBrowserSettingsFlow: `GET /self-service/settings/browser`',
  get: 'getSettingsFlow: `GET /self-service/settings/flows?id=`',
  update: 'updateSettingsFlow: `POST /self-service/settings?flow=`',
} as const

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')
const json = (value: unknown) => `\`${JSON.stringify(value)}\``
const mock = (row: Row) => {
  const { status, location, errorId } = row.mockAnswer
  return [String(status), location === undefined ? '' : `Location ${location.source.replaceAll('\\', '')}`, errorId === undefined ? '' : `error.id ${errorId ?? '(none)'}`].filter(Boolean).join(', ')
}

/** docs/kratos-behaviour.md, from {@link ROWS}. */
export function renderBehaviourTable(): string {
  const lines = [
    '# What Kratos answers, and what kratos-settings makes of it',
    '',
    '<!-- Rendered from test/behaviour/rows.ts by `npm run docs:behaviour`; a test keeps it in sync. -->',
    '',
    "One row per endpoint × client × condition, read from Kratos' code (ory/kratos b86338da; sources",
    'are `path:line` there) and checked against the tags v26.2.0, v25.4.0 and v1.3.1. A **JSON** client',
    'sends `Accept: application/json` (or `Content-Type: application/json`, which Kratos treats as JSON',
    'whatever `Accept` says: x/isjsonrequest.go:15-18); a **browser** client navigates or posts a form.',
    "Every row has two tests in `test/behaviour/behaviour.test.ts`: Kratos' answer through the SDK",
    "(result and `nextStep`, with `returnTo: 'https://app.example.com/settings'`), and the row's request",
    'through the mock (`kratos-settings/mock`).',
    '',
    'On every answer of the two GET endpoints to a request without a valid CSRF cookie, Kratos also sends',
    'its CSRF cookie (nosurf runs before the handler; x/nosurfx/nosurf.go:181-224); the submit endpoint',
    'never does (it is exempt: selfservice/flow/settings/handler.go:103-104). Error bodies are',
    'herodot\'s `{"error":{"id"?,"code","status","reason"?,"details"?,"message"}}`.',
    '',
  ]
  for (const endpoint of ['create', 'get', 'update'] as const) {
    lines.push(`## ${ENDPOINTS[endpoint]}`, '', '| # | client | condition | Kratos sends | source | SDK result | next step | mock sends |', '|---|---|---|---|---|---|---|---|')
    for (const row of ROWS.filter((item) => item.endpoint === endpoint)) {
      const kratos = row.versions === undefined ? row.kratos : `${row.kratos}. Versions: ${row.versions}`
      lines.push(`| ${row.id} | ${row.client} | ${cell(row.condition)} | ${cell(kratos)} | ${cell(row.source)} | ${cell(json(row.result))} | ${cell(json(row.step))} | ${cell(mock(row))} |`)
    }
    lines.push('')
  }
  lines.push(
    '## Not settled from the code',
    '',
    '- The CSRF hint a server-side caller gets depends on whether its HTTP client sends `Sec-Fetch-Mode` (cors or same-origin: the AJAX hint).',
    "- `CredentialsMissing: false` in the 401 of create follows from Go's encoding of an untagged field; no Kratos test pins it.",
    '- The Host in `request_url` and in the AAL `return_to` is the one Kratos received: an SSR call to an internal address puts that address there.',
    '- webauthn and passkey registration: a real attestation cannot be checked by the mock, which accepts any well-formed one (Kratos answers a failed one with a 500).',
    '- `show_verification_ui` appears only with the `show_verification_ui` hook (or the legacy flag): the mock behaves as if it were configured.',
    '- Password breach (HIBP) and similarity checks are not imitated by the mock.',
    '',
  )
  return lines.join('\n')
}

if (process.argv.includes('--write')) {
  const { writeFileSync } = await import('node:fs')
  writeFileSync(new URL('../../docs/kratos-behaviour.md', import.meta.url), renderBehaviourTable())
}
