// `npm start`: runs kratos-settings through each scenario of a settings page and prints the typed
// results. Without KRATOS_URL it starts an embedded mock Kratos on 127.0.0.1; with KRATOS_URL
// (and optionally KRATOS_COOKIE) it asks a real Kratos instead.
import { createKratosClient, KratosArgumentError, type CreateBrowserSettingsFlowOptions, type KratosClient } from '../../src/index.js'
import { makeKratosError, SESSION_COOKIE, startMockKratos } from '../../src/mock/index.js'
import { serve } from '../../src/mock/serve.js'
import { describeResult } from './describe-result.js'
import { lifecycle } from './lifecycle.js'

interface Scenario {
  readonly title: string
  readonly kratos: KratosClient
  readonly returnTo?: string
  readonly cookie?: string
  readonly options?: CreateBrowserSettingsFlowOptions
}

const client = (baseUrl: string) => createKratosClient({ baseUrl, retry: { delay: () => 50 } })

async function run(scenarios: readonly Scenario[]): Promise<void> {
  for (const [index, scenario] of scenarios.entries()) {
    const result = await scenario.kratos.createBrowserSettingsFlow(scenario.returnTo, scenario.cookie, scenario.options)
    console.log(`\n${index + 1}. ${scenario.title}`)
    for (const line of describeResult(result)) console.log(`   ${line}`)
  }
}

/** A mock Kratos under /kratos; on another server, a newer Kratos under /newer-kratos and a broken proxy. */
async function startMocks() {
  let proxyAttempts = 0
  const others = await serve((request) => {
    if (new URL(request.url).pathname.startsWith('/newer-kratos/')) return Response.json(makeKratosError('session_quantum_entangled'), { status: 403 })
    proxyAttempts++
    const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'
    return new Response(html, { status: 502, headers: { 'content-type': 'text/html' } })
  })
  // Configured as a Kratos with the show_verification_ui hook: a new email asks for verification.
  const kratos = await startMockKratos({ prefix: '/kratos', uiUrl: 'http://127.0.0.1:3000/ui', verificationHook: true })
  return {
    kratosUrl: kratos.url,
    origin: others.origin,
    proxyAttempts: () => proxyAttempts,
    close: async () => void (await Promise.all([kratos.close(), others.close()])),
  }
}

async function embedded(): Promise<void> {
  const mocks = await startMocks()
  const kratos = client(mocks.kratosUrl)
  const session = `${SESSION_COOKIE}=demo-session-token`
  console.log(`Embedded mock Kratos on ${mocks.kratosUrl} (set KRATOS_URL to use a real one)`)
  try {
    await run([
      { title: 'A signed-in user opens the settings page (JSON mode): a flow', kratos, cookie: session },
      { title: 'The same, as a browser navigation (redirect mode): a 303, not followed', kratos, cookie: session, options: { mode: 'redirect' } },
      { title: 'No session cookie: session_inactive', kratos },
      { title: 'A session without its second factor: session_aal2_required', kratos, cookie: `${SESSION_COOKIE}=aal1` },
      { title: 'A return_to off the allow list: forbidden', kratos, cookie: session, returnTo: 'https://evil.example.net/' },
      { title: 'A newer Kratos sends an error id this SDK does not know', kratos: client(`${mocks.origin}/newer-kratos`) },
      { title: 'A proxy in front of Kratos answers 502 with an HTML page', kratos: client(`${mocks.origin}/proxy`) },
    ])
    console.log(`\n(The proxy got ${mocks.proxyAttempts()} requests: the 502 was retried twice, then returned as a value.)`)
    console.log('\nThe whole lifecycle of a settings page, one browser with its cookie jar:')
    await lifecycle(kratos, mocks.kratosUrl, session, { submit: true })
  } finally {
    await mocks.close()
  }
}

async function real(url: string, cookie: string | undefined): Promise<void> {
  const kratos = client(url)
  console.log(`Kratos at ${url}${cookie === undefined ? ' (no KRATOS_COOKIE: expect session_inactive)' : ''}`)
  await run([
    { title: 'createBrowserSettingsFlow, JSON mode', kratos, ...(cookie === undefined ? {} : { cookie }) },
    { title: 'createBrowserSettingsFlow, redirect mode', kratos, ...(cookie === undefined ? {} : { cookie }), options: { mode: 'redirect' } },
  ])
  console.log('\nCreate and read back (nothing is submitted to a real Kratos):')
  await lifecycle(kratos, url, cookie, { submit: false })
}

const url = process.env['KRATOS_URL']
try {
  await (url === undefined || url === '' ? embedded() : real(url, process.env['KRATOS_COOKIE'] || undefined))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(error instanceof KratosArgumentError ? `Invalid KRATOS_URL or KRATOS_COOKIE: ${message}` : `Error: ${message}`)
  process.exitCode = 1
}
