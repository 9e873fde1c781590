// The running Kratos instances named by the environment, one per configuration (test/contract/kratos/README.md).
import { kratosTarget } from './kratos-target.js'
import type { Configuration } from './scenarios.js'
import type { Target } from './target.js'

const ENV: Readonly<Record<Configuration, readonly [string, string]>> = {
  kratos: ['KRATOS_URL', 'KRATOS_ADMIN_URL'],
  variant: ['KRATOS_VARIANT_URL', 'KRATOS_VARIANT_ADMIN_URL'],
  'pending-change': ['KRATOS_PENDING_URL', 'KRATOS_PENDING_ADMIN_URL'],
}

/** The configuration files an instance runs with, in order; v1.3.1 has no show_verification_ui settings hook. */
export function configurationFiles(configuration: Configuration, version: string): string[] {
  if (configuration === 'kratos') return ['kratos.yml']
  if (configuration === 'pending-change') return ['kratos.yml', 'pending-change.yml']
  return version.startsWith('v1.') ? ['kratos.yml', 'variant.yml'] : ['kratos.yml', 'variant.yml', 'verification-hook.yml']
}

/** The version the admin API reports (`GET /version`). */
export async function versionOf(adminUrl: string): Promise<string> {
  const body = (await (await fetch(new URL('version', adminUrl))).json()) as { version?: string }
  if (body.version === undefined || body.version === '') throw new Error('Kratos reports no version')
  return body.version
}

/** A target per configuration whose URLs the environment gives; undefined when KRATOS_URL is not set. */
export async function liveTargets(env: NodeJS.ProcessEnv = process.env): Promise<{ version: string; targets: Partial<Record<Configuration, Target>> } | undefined> {
  const [url, admin] = ENV.kratos.map((name) => env[name])
  if (url === undefined || admin === undefined) return undefined
  const version = await versionOf(admin)
  const targets: Partial<Record<Configuration, Target>> = {}
  for (const [configuration, [urlName, adminName]] of Object.entries(ENV) as [Configuration, readonly [string, string]][]) {
    const [publicUrl, adminUrl] = [env[urlName], env[adminName]]
    if (publicUrl !== undefined && adminUrl !== undefined) targets[configuration] = kratosTarget(version, publicUrl, adminUrl)
  }
  return { version, targets }
}
