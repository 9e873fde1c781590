#!/usr/bin/env node
// `kratos-settings-mock`: a mock Kratos on 127.0.0.1 for end-to-end tests of an app in another process.
import { parseArgs } from 'node:util'
import { startMockKratos } from './start-mock-kratos.js'
import { VERSIONS, type KratosVersion } from './versions.js'

const USAGE = `Usage: kratos-settings-mock [--port 4433] [--host 127.0.0.1] [--prefix /auth] [--ui-url URL]
                            [--allowed-return-url URL]... [--flow-lifespan ms] [--privileged-session-max-age ms]
                            [--kratos-version ${Object.keys(VERSIONS).join('|')}] [--verification-hook]
Serves a mock Kratos (the settings flow) until SIGINT or SIGTERM; prints its URL.`

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
      'ui-url': { type: 'string' },
      'allowed-return-url': { type: 'string', multiple: true },
      'flow-lifespan': { type: 'string' },
      'privileged-session-max-age': { type: 'string' },
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
    uiUrl: values['ui-url'],
    allowedReturnUrls: values['allowed-return-url'],
    flowLifespanMs,
    privilegedSessionMaxAgeMs,
    kratosVersion: kratosVersion as KratosVersion | undefined,
    verificationHook: values['verification-hook'],
  })
  console.log(server.url)
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`kratos-settings-mock: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  process.exit(1)
})
