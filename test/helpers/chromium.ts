import { execFile } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

/** Flags for a headless Chromium as root, on a machine without outside network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** Where a system Chromium is looked for when `CHROMIUM_PATH` is unset: Debian's. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium']

// @sparticuz/chromium's flags we drop: two would switch off the CORS and cookie checks the browser
// tests rely on; --single-process is for AWS Lambda, and elsewhere the browser dies when a context closes.
const DROPPED_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process'])

/** What playwright-core's `chromium.launch()` needs; `env` only when the browser needs its own libraries. */
export interface ChromiumLaunchOptions {
  executablePath: string
  args: string[]
  env?: Record<string, string>
}

/** The Chromium the tests use, and where it came from. */
export interface SelectedChromium {
  launchOptions: ChromiumLaunchOptions
  /** For the run's summary line: `/usr/bin/chromium`, `CHROMIUM_PATH=…` or `@sparticuz/chromium, no system Chromium`. */
  source: string
}

/** What the selection looks at; each defaults to this machine's. */
export interface ChromiumCandidates {
  env?: Readonly<Record<string, string | undefined>>
  systemPaths?: readonly string[]
  isExecutable?: (path: string) => boolean
  /** The fallback: extracts the Chromium that @sparticuz/chromium ships. `args` are the package's own. */
  packaged?: () => Promise<ChromiumLaunchOptions>
}

/**
 * Picks a Chromium: `CHROMIUM_PATH` when set (and fails if it is not an executable file), else the
 * first executable of `systemPaths`, else the one @sparticuz/chromium extracts to the temp directory.
 */
export async function selectChromium(candidates: ChromiumCandidates = {}): Promise<SelectedChromium> {
  const { env = process.env, systemPaths = SYSTEM_CHROMIUM_PATHS, isExecutable = isExecutableFile, packaged = extractPackagedChromium } = candidates
  const fromEnv = env['CHROMIUM_PATH']
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which is not an executable file: correct it, or unset it to use a system Chromium or @sparticuz/chromium`)
    return { launchOptions: { executablePath: fromEnv, args: [...CHROMIUM_ARGS] }, source: `CHROMIUM_PATH=${fromEnv}` }
  }
  const system = systemPaths.find((path) => isExecutable(path))
  if (system !== undefined) return { launchOptions: { executablePath: system, args: [...CHROMIUM_ARGS] }, source: system }
  const launchOptions = await packaged()
  return { launchOptions: { ...launchOptions, args: mergeArgs(launchOptions.args) }, source: '@sparticuz/chromium, no system Chromium' }
}

let selected: Promise<SelectedChromium> | undefined

/** {@link selectChromium} for this machine, once per process. */
export function chromiumForTests(): Promise<SelectedChromium> {
  selected ??= selectChromium()
  return selected
}

/** The line `npm test` prints about its browsers, e.g. `browsers: Chromium 156 (/usr/bin/chromium)`. */
export async function browsersLine({ launchOptions, source }: SelectedChromium): Promise<string> {
  const version = await chromiumVersion(launchOptions).then(
    (output) => /(\d+)\.\d+\.\d+/.exec(output)?.[1],
    () => undefined,
  )
  return `browsers: Chromium${version === undefined ? ', version unknown' : ` ${version}`} (${source})`
}

/** @sparticuz/chromium's flags but those that would weaken the page's security or break closing a context, then ours that it lacks. */
export function mergeArgs(packagedArgs: readonly string[]): string[] {
  const name = (flag: string) => flag.split('=')[0]!
  const kept = packagedArgs.filter((flag) => !DROPPED_FLAGS.has(name(flag)))
  const names = new Set(kept.map(name))
  return [...kept, ...CHROMIUM_ARGS.filter((flag) => !names.has(name(flag)))]
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

async function chromiumVersion({ executablePath, env }: ChromiumLaunchOptions): Promise<string> {
  const { stdout } = await promisify(execFile)(executablePath, ['--version'], { timeout: 10_000, ...(env && { env }) })
  return stdout
}

async function extractPackagedChromium(): Promise<ChromiumLaunchOptions> {
  const { default: chromium, inflate } = await import('@sparticuz/chromium')
  const launchOptions = { executablePath: await chromium.executablePath(), args: chromium.args }
  if (
    await chromiumVersion(launchOptions).then(
      () => true,
      () => false,
    )
  )
    return launchOptions
  // Built for Amazon Linux, it needs NSS, which a bare Debian or Ubuntu lacks: the package ships
  // a copy, extracted on Amazon Linux only.
  const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin')
  const libraries = join(await inflate(join(bin, 'al2023.tar.br')), 'lib')
  const env = { ...withoutUndefined(process.env), LD_LIBRARY_PATH: [libraries, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':') }
  return { ...launchOptions, env }
}

function withoutUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
