// The runtime conformance cases, written once and bundled for every runtime (entry.ts): plain async
// functions over the package and fetch, with no test framework and no node: import. Each returns
// 'pass', 'expected: <reason>' when it saw exactly one of the documented DIFFERENCES, or 'fail: <why>'.
import type * as Sdk from 'kratos-settings'
import type { SettingsFlow, UpdateSettingsFlowResult } from 'kratos-settings'

/** What the harness passes to every runtime: its servers on 127.0.0.1, and the mock's cookie names. */
export interface RuntimeConfig {
  /** The mock Kratos, answering CORS with credentials for any origin. */
  readonly kratosUrl: string
  /** A server that accepts every request and never answers. */
  readonly hangingUrl: string
  /** A server that answers 200 with a body streamed in chunks, far over the cases' `maxBodyBytes`. */
  readonly bigBodyUrl: string
  /** A server that answers 303 with the two Set-Cookie headers of {@link TWO_COOKIES}. */
  readonly twoCookiesUrl: string
  /** A loopback port where nothing listens. */
  readonly closedUrl: string
  /** The mock's cookie names. */
  readonly sessionCookie: string
  readonly csrfCookie: string
}

export interface CaseContext extends RuntimeConfig {
  /** This run's session token: each run is its own user of the shared mock, so runtimes can run at once. */
  readonly session: string
  /** The package as `import` finds it: its ESM build. */
  readonly sdk: typeof Sdk
  /** The package as `require` finds it: its CommonJS build, a second copy of every class in the same bundle. */
  readonly copy: typeof Sdk
}

export type CaseResult = 'pass' | `expected: ${string}` | `fail: ${string}`

/** The documented differences between runtimes; a case names one only after checking that behaviour. */
export const DIFFERENCES = {
  hiddenSetCookie: 'browsers hide Set-Cookie from fetch (result.setCookie is []) and keep the cookies themselves',
  opaqueRedirect: "a browser's unfollowed redirect is opaque: { kind: 'redirect', status: 0, location: null }",
  noCookieJar: "no cookie jar in fetch: server code passes Kratos' cookies back itself (result.setCookie)",
  cookieArgumentSent: 'not a browser: the cookie argument is sent as the Cookie header',
} as const

/** Two cookies in one answer; the comma in Expires is where a merged header would be split wrong. */
export const TWO_COOKIES = ['first=1; Path=/; HttpOnly', 'second=2; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT; SameSite=Lax']

const expected = (reason: string): CaseResult => `expected: ${reason}`

const inBrowser = typeof document !== 'undefined'

class CaseFailure extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CaseFailure(message)
}

/** A result in a few words, for failure messages. */
function summary(result: UpdateSettingsFlowResult): string {
  const detail = 'error' in result ? ` ${result.error.id}${result.kind === 'unexpected' ? ` (${result.error.problem})` : ''}` : ''
  return `kind ${result.kind}, status ${result.status}${detail}`
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise
    throw new CaseFailure(`resolved (${typeof value === 'object' && value !== null && 'kind' in value ? summary(value as UpdateSettingsFlowResult) : String(value)}) instead of rejecting`)
  } catch (error) {
    if (error instanceof CaseFailure) throw error
    return error
  }
}

const errorName = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

/**
 * One signed-in user. Server code forwards the session and the cookies Kratos set by hand; a browser
 * keeps them in its own jar and sends them with `credentials: 'include'`, so its calls take no cookie.
 */
function signIn(context: CaseContext) {
  if (inBrowser) document.cookie = `${context.sessionCookie}=${context.session}; Path=/`
  const jar = new Map([[context.sessionCookie, context.session]])
  return {
    cookie: (): string | undefined => (inBrowser ? undefined : [...jar].map(([name, value]) => `${name}=${value}`).join('; ')),
    keep(setCookie: readonly string[]) {
      for (const line of setCookie) {
        const pair = line.split(';', 1)[0]!
        jar.set(pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1))
      }
    },
  }
}

const kratos = (context: CaseContext, options: Partial<Sdk.KratosClientOptions> = {}) => context.sdk.createKratosClient({ baseUrl: context.kratosUrl, retry: 0, ...options })

/** A new flow for a signed-in user, whose cookies now hold the CSRF cookie. */
async function newFlow(context: CaseContext, user: ReturnType<typeof signIn>): Promise<SettingsFlow> {
  const result = await kratos(context).createBrowserSettingsFlow(undefined, user.cookie())
  check(result.kind === 'flow', `createBrowserSettingsFlow gave ${summary(result)}`)
  user.keep(result.setCookie)
  return result.flow
}

/** The secret a flow's CSRF token masks (nosurf: pad, then pad XOR secret): equal for two flows when the same cookie came back. */
function csrfSecret(flow: SettingsFlow, sdk: typeof Sdk): string {
  const bytes = Uint8Array.from(atob(sdk.getCsrfToken(flow) ?? ''), (character) => character.charCodeAt(0))
  check(bytes.length === 64, 'the flow has no CSRF token')
  return bytes
    .slice(0, 32)
    .map((byte, i) => byte ^ bytes[32 + i]!)
    .join()
}

const profile = (flow: SettingsFlow, email: string) => ({ method: 'profile' as const, traits: { ...flow.identity.traits, email } })

interface Case {
  /** The row's title in the matrix. */
  readonly title: string
  readonly run: (context: CaseContext) => Promise<CaseResult>
}

/** The cases, in the order they run: session_inactive first, before any session cookie exists in a browser's jar. */
export const CASES = {
  sessionInactive: {
    title: 'createBrowserSettingsFlow without a session cookie → error session_inactive',
    async run(context) {
      // A browser's session cookie would go with credentials: 'include'; Kratos' own (HttpOnly) arrives only later.
      if (inBrowser) document.cookie = `${context.sessionCookie}=; Path=/; Max-Age=0`
      const result = await kratos(context).createBrowserSettingsFlow()
      check(result.kind === 'error' && result.status === 401 && context.sdk.isKratosError(result.error, 'session_inactive'), `got ${summary(result)}`)
      return 'pass'
    },
  },
  createFlow: {
    title: 'createBrowserSettingsFlow → flow',
    async run(context) {
      const flow = await newFlow(context, signIn(context))
      check(flow.ui.action.startsWith(`${context.kratosUrl}/self-service/settings?flow=${flow.id}`), `the flow's action is ${flow.ui.action}`)
      return 'pass'
    },
  },
  getFlow: {
    title: 'getSettingsFlow → the same flow',
    async run(context) {
      const user = signIn(context)
      const flow = await newFlow(context, user)
      const result = await kratos(context).getSettingsFlow(flow.id, user.cookie())
      check(result.kind === 'flow' && result.status === 200, `got ${summary(result)}`)
      check(result.flow.id === flow.id && context.sdk.getCsrfToken(result.flow) !== undefined, `got flow ${result.flow.id}, not ${flow.id}`)
      return 'pass'
    },
  },
  invalidUpdate: {
    title: 'updateSettingsFlow with a bad email → invalid, the message on the field',
    async run(context) {
      const user = signIn(context)
      const flow = await newFlow(context, user)
      const result = await kratos(context).updateSettingsFlow(flow, profile(flow, 'not-an-email'), user.cookie())
      check(result.kind === 'invalid' && result.status === 400, `got ${summary(result)}`)
      const email = result.flow.ui.nodes.find((node) => context.sdk.isNodeType(node, 'input') && node.attributes.name === 'traits.email')
      check(email !== undefined && email.messages.length > 0, 'no message on traits.email')
      return 'pass'
    },
  },
  successfulUpdate: {
    title: "updateSettingsFlow → flow in state 'success'",
    async run(context) {
      const user = signIn(context)
      const flow = await newFlow(context, user)
      const result = await kratos(context).updateSettingsFlow(flow, profile(flow, `${context.session}@example.com`), user.cookie())
      check(result.kind === 'flow' && result.status === 200, `got ${summary(result)}`)
      check(result.flow.state === 'success' && result.flow.identity.traits?.['email'] === `${context.session}@example.com`, `state ${result.flow.state}`)
      return 'pass'
    },
  },
  redirect: {
    title: "mode: 'redirect' → redirect not followed, its Location and Set-Cookie",
    async run(context) {
      const result = await kratos(context).createBrowserSettingsFlow(undefined, signIn(context).cookie(), { mode: 'redirect' })
      check(result.kind === 'redirect', `got ${summary(result)}`)
      if (inBrowser) {
        check(result.status === 0 && result.location === null && result.setCookie.length === 0, `got status ${result.status}, location ${result.location}`)
        return expected(DIFFERENCES.opaqueRedirect)
      }
      const ui = `${new URL(context.kratosUrl).origin}/ui/settings?flow=`
      check(result.status === 303 && result.location?.startsWith(ui), `got status ${result.status}, location ${result.location}`)
      check(
        result.setCookie.some((line) => line.startsWith(`${context.csrfCookie}=`)),
        `setCookie is ${JSON.stringify(result.setCookie)}`,
      )
      return 'pass'
    },
  },
  setCookie: {
    title: 'result.setCookie: every Set-Cookie line, whole and unmerged',
    async run(context) {
      const created = await kratos(context).createBrowserSettingsFlow(undefined, signIn(context).cookie())
      check(created.kind === 'flow', `got ${summary(created)}`)
      const two = await kratos(context, { baseUrl: context.twoCookiesUrl }).createBrowserSettingsFlow(undefined, undefined, { mode: 'redirect' })
      if (inBrowser) {
        check(created.setCookie.length === 0 && two.setCookie.length === 0, `setCookie is ${JSON.stringify([created.setCookie, two.setCookie])}`)
        return expected(DIFFERENCES.hiddenSetCookie)
      }
      const csrf = new RegExp(`^${context.csrfCookie}=[A-Za-z0-9+/]{43}=; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax$`)
      check(created.setCookie.length === 1 && csrf.test(created.setCookie[0]!), `Kratos' setCookie is ${JSON.stringify(created.setCookie)}`)
      check(JSON.stringify(two.setCookie) === JSON.stringify(TWO_COOKIES), `two cookies gave ${JSON.stringify(two.setCookie)}`)
      return 'pass'
    },
  },
  credentials: {
    title: "credentials: 'include' sends and keeps Kratos' cookies (the CSRF cookie comes back)",
    async run(context) {
      const user = signIn(context)
      // Nothing forwards the first answer's cookies: only a cookie jar can send them back.
      const first = await kratos(context).createBrowserSettingsFlow(undefined, user.cookie())
      const second = await kratos(context).createBrowserSettingsFlow(undefined, user.cookie())
      check(first.kind === 'flow' && second.kind === 'flow', `got ${summary(first)}, then ${summary(second)}`)
      const same = csrfSecret(first.flow, context.sdk) === csrfSecret(second.flow, context.sdk)
      if (inBrowser) {
        check(same, 'the second flow masks another CSRF secret: the cookie did not come back')
        return 'pass'
      }
      check(!same && second.setCookie.some((line) => line.startsWith(`${context.csrfCookie}=`)), 'the CSRF cookie came back without being forwarded')
      return expected(DIFFERENCES.noCookieJar)
    },
  },
  cookieArgument: {
    title: 'a cookie argument in a browser → KratosArgumentError, nothing sent',
    async run(context) {
      let requests = 0
      const counting = kratos(context, { fetch: (input, init) => (requests++, fetch(input, init)) })
      const call = counting.createBrowserSettingsFlow(undefined, `${context.sessionCookie}=${context.session}`)
      if (!inBrowser) {
        const result = await call
        check(result.kind === 'flow' && requests === 1, `got ${summary(result)} after ${requests} requests`)
        return expected(DIFFERENCES.cookieArgumentSent)
      }
      const error = await rejection(call)
      check(error instanceof context.sdk.KratosArgumentError && /browser/.test(error.message), `threw ${errorName(error)}`)
      check(requests === 0, `${requests} requests were sent`)
      return 'pass'
    },
  },
  timeout: {
    title: 'a server that never answers → KratosTimeoutError',
    async run(context) {
      const call = kratos(context, { baseUrl: context.hangingUrl, timeout: 200 }).createBrowserSettingsFlow(undefined, signIn(context).cookie())
      const error = await rejection(call)
      check(error instanceof context.sdk.KratosTimeoutError && error.timeout === 200, `threw ${errorName(error)}`)
      return 'pass'
    },
  },
  abort: {
    title: "an AbortSignal → the signal's reason (updateSettingsFlow)",
    async run(context) {
      const controller = new AbortController()
      const reason = new Error('the user left the page')
      const body = { method: 'profile' as const, traits: { email: 'a@example.com' } }
      const call = kratos(context, { baseUrl: context.hangingUrl }).updateSettingsFlow('7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f', body, signIn(context).cookie(), { signal: controller.signal })
      setTimeout(() => controller.abort(reason), 50)
      const error = await rejection(call)
      check(error === reason, `threw ${errorName(error)}`)
      return 'pass'
    },
  },
  abortTimeout: {
    title: "AbortSignal.timeout → the signal's reason, a TimeoutError (getSettingsFlow)",
    async run(context) {
      const signal = AbortSignal.timeout(100)
      const error = await rejection(kratos(context, { baseUrl: context.hangingUrl }).getSettingsFlow('some-flow', signIn(context).cookie(), { signal }))
      check(error === signal.reason && error instanceof Error && error.name === 'TimeoutError', `threw ${errorName(error)}`)
      return 'pass'
    },
  },
  network: {
    title: 'nothing listening → KratosNetworkError',
    async run(context) {
      const error = await rejection(kratos(context, { baseUrl: context.closedUrl }).createBrowserSettingsFlow(undefined, signIn(context).cookie()))
      check(error instanceof context.sdk.KratosNetworkError, `threw ${errorName(error)}`)
      return 'pass'
    },
  },
  bodyTooLarge: {
    title: "a streamed body over maxBodyBytes → unexpected, problem 'body_too_large'",
    async run(context) {
      const result = await kratos(context, { baseUrl: context.bigBodyUrl, maxBodyBytes: 1024 }).getSettingsFlow('some-flow', signIn(context).cookie())
      check(result.kind === 'unexpected' && result.status === 200 && result.error.problem === 'body_too_large', `got ${summary(result)}`)
      return 'pass'
    },
  },
  errorClasses: {
    title: 'error classes and guards across two copies of the package (ESM and CommonJS builds)',
    async run(context) {
      const { sdk, copy } = context
      check(sdk.KratosError !== copy.KratosError, 'the bundle holds one copy of the classes, not two')
      // A response's error, made by the ESM copy, seen through the CommonJS copy's classes and guard.
      const result = await sdk.createKratosClient({ baseUrl: context.kratosUrl, retry: 0, credentials: 'omit' }).createBrowserSettingsFlow()
      check(result.kind === 'error', `got ${summary(result)}`)
      const error: unknown = result.error
      check(error instanceof copy.KratosError && error instanceof copy.KratosSettingsError && error instanceof Error, "a KratosError is not instanceof the other copy's KratosError")
      check(copy.isKratosError(error, 'session_inactive') && !copy.isKratosError(error, 'session_aal2_required'), 'isKratosError(error, id) of the other copy')
      check(!(error instanceof copy.UnexpectedResponseError) && !(error instanceof copy.KratosTimeoutError), 'a KratosError is instanceof another class')
      // Errors thrown by the CommonJS copy, seen through the ESM copy's classes.
      let argument: unknown
      try {
        copy.createKratosClient({ baseUrl: 'not a URL' })
      } catch (thrown) {
        argument = thrown
      }
      check(argument instanceof sdk.KratosArgumentError && argument instanceof sdk.KratosSettingsError && !sdk.isKratosError(argument), `threw ${errorName(argument)}`)
      const large = await copy.createKratosClient({ baseUrl: context.bigBodyUrl, retry: 0, maxBodyBytes: 1024 }).getSettingsFlow('some-flow', signIn(context).cookie())
      check(large.kind === 'unexpected', `got ${summary(large)}`)
      const unexpected: unknown = large.error
      check(unexpected instanceof sdk.UnexpectedResponseError && sdk.isKratosError(unexpected) && !sdk.isKratosError(unexpected, 'session_inactive'), 'an UnexpectedResponseError across copies')
      check(error instanceof Error && error.name === 'KratosError' && unexpected instanceof Error && unexpected.name === 'UnexpectedResponseError', 'names')
      return 'pass'
    },
  },
} satisfies Record<string, Case>

export type CaseId = keyof typeof CASES

/** What a runtime reports: who ran the cases, where a page was, and each case's result. */
export interface RuntimeReport {
  /** `navigator.userAgent`, or the edge runtime's `EdgeRuntime` global. */
  readonly runtime: string | null
  /** The page's origin, in a browser. */
  readonly origin: string | null
  readonly results: Record<CaseId, CaseResult>
}

const CASE_DEADLINE_MS = 10_000

function edgeRuntime(): string | null {
  const name = (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime
  return typeof name === 'string' ? name : null
}

/** Runs every case in order, as a new user; a case that throws or hangs is a failure of that case alone. */
export async function runCases(config: RuntimeConfig, sdk: typeof Sdk, copy: typeof Sdk): Promise<RuntimeReport> {
  const context: CaseContext = { ...config, sdk, copy, session: `runtime-${crypto.randomUUID()}` }
  const results: Partial<Record<CaseId, CaseResult>> = {}
  for (const [id, { run }] of Object.entries(CASES) as Array<[CaseId, Case]>) {
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<CaseResult>((resolve) => (timer = setTimeout(() => resolve(`fail: did not settle within ${CASE_DEADLINE_MS / 1000} s`), CASE_DEADLINE_MS)))
    results[id] = await Promise.race([run(context), deadline])
      .catch((error: unknown): CaseResult => (error instanceof CaseFailure ? `fail: ${error.message}` : `fail: threw ${errorName(error)}`))
      .finally(() => clearTimeout(timer))
  }
  return {
    runtime: typeof navigator === 'object' && typeof navigator.userAgent === 'string' ? navigator.userAgent : edgeRuntime(),
    // Deno's `location` throws unless it was given one: only a page's is read.
    origin: inBrowser ? location.origin : null,
    results: results as Record<CaseId, CaseResult>,
  }
}
