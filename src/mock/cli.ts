#!/usr/bin/env node
// `kratos-settings-mock`: a mock Kratos on 127.0.0.1 for end-to-end tests of an app in another process.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { TraitSchema } from './identity-schema.js'
import { startMockKratos } from './start-mock-kratos.js'
import { VERSIONS, type KratosVersion } from './versions.js'

const USAGE = `Usage: kratos-settings-mock [options]
Serves a mock Kratos (settings and login flows) on 127.0.0.1 until SIGINT or SIGTERM; prints its URL.

  --port <n>                        port to listen on (default 4433; 0 picks a free one)
  --host <address>                  loopback address to listen on (default 127.0.0.1)
  --prefix <path>                   path Kratos is mounted under, such as /auth
  --public-url <url>                Kratos' public URL as browsers reach it, when not where it listens
                                    (http://localhost:4433 shares cookies with http://localhost:3000)
  --ui-url <url>                    your app's self-service UI: the settings page is <url>/settings
                                    (default <origin>/ui)
  --login-ui-url <url>              your app's login page (default: the mock's own sign-in page)
  --error-ui-url <url>              your app's error page (default: the mock's own error page)
  --allowed-return-url <url>        a URL prefix return_to may start with (repeatable;
                                    default the UI's origin)
  --cors-origin <origin>            an origin whose pages may call the mock with credentials,
                                    such as http://localhost:5173 (repeatable; default none)
  --flow-lifespan <ms>              settings flow lifespan (default 3600000)
  --privileged-session-max-age <ms> how long after signing in a change needs no new login
                                    (default 3600000)
  --identity-schema <file>          a Kratos identity schema (JSON): its traits replace the mock's
                                    email and name
  --kratos-version <version>        the version to imitate: ${Object.keys(VERSIONS).join(', ')}
  --verification-hook               an email change asks for verification (show_verification_ui)
  -h, --help                        this text

Sign in by opening <url>/self-service/login/browser in the browser (the mock's sign-in page takes
any name), or send the cookie ory_kratos_session=<name> (aal1-<name>, aal2-<name>, stale-<name>
for a session without its second factor, with it, or from long ago).`

/** The `traits` schema of a Kratos identity schema file. */
function traitsOf(file: string | undefined): TraitSchema | undefined {
  if (file === undefined) return undefined
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties?: { traits?: TraitSchema } }
  const traits = schema.properties?.traits
  if (typeof traits !== 'object' || traits === null) throw new Error(`--identity-schema ${file} has no properties.traits`)
  return traits
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, not "${value}"`)
  return parsed
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4433' },
      host: { type: 'string', default: '127.0.0.1' },
      prefix: { type: 'string' },
      'public-url': { type: 'string' },
      'ui-url': { type: 'string' },
      'login-ui-url': { type: 'string' },
      'error-ui-url': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'allowed-return-url': { type: 'string', multiple: true },
      'flow-lifespan': { type: 'string' },
      'privileged-session-max-age': { type: 'string' },
      'identity-schema': { type: 'string' },
      'kratos-version': { type: 'string' },
      'verification-hook': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    console.log(USAGE)
    return
  }
  const flowLifespanMs = number('flow-lifespan', values['flow-lifespan'])
  const privilegedSessionMaxAgeMs = number('privileged-session-max-age', values['privileged-session-max-age'])
  const kratosVersion = values['kratos-version']
  if (kratosVersion !== undefined && !Object.hasOwn(VERSIONS, kratosVersion)) throw new Error(`--kratos-version must be one of ${Object.keys(VERSIONS).join(', ')}, not "${kratosVersion}"`)
  const server = await startMockKratos({
    port: number('port', values.port) ?? 4433,
    host: values.host ?? '127.0.0.1',
    prefix: values.prefix,
    publicUrl: values['public-url'],
    uiUrl: values['ui-url'],
    loginUiUrl: values['login-ui-url'],
    errorUiUrl: values['error-ui-url'],
    corsOrigins: values['cors-origin'],
    allowedReturnUrls: values['allowed-return-url'],
    flowLifespanMs,
    privilegedSessionMaxAgeMs,
    kratosVersion: kratosVersion as KratosVersion | undefined,
    traitsSchema: traitsOf(values['identity-schema']),
    verificationHook: values['verification-hook'],
  })
  console.log(server.url)
  console.log(`Sign in: open ${server.publicUrl}/self-service/login/browser (any name), or send the cookie ory_kratos_session=<name>.`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`kratos-settings-mock: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  process.exit(1)
})
