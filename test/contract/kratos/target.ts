// What a scenario talks to: a running Kratos (recording, `npm run test:kratos`) or the mock
// (replay in `npm test`). A scenario only uses this interface, so one scenario drives both.
import { createHmac } from 'node:crypto'
import { getCsrfToken, isNodeType, type SettingsFlow } from '../../../src/index.js'

export type Fetch = (request: Request) => Promise<Response>

/** A flow as Kratos sends it (settings or login: the same UI container). */
export type Flow = SettingsFlow

/** A flow's CSRF token, or '' when it has none. */
export const csrfOf = (flow: Flow): string => getCsrfToken(flow) ?? ''

/** The TOTP secret a settings flow shows while TOTP is not set up, or '' when it shows none. */
export function totpSecretOf(flow: Flow): string {
  const node = flow.ui.nodes.find((item) => isNodeType(item, 'text') && item.attributes.id === 'totp_secret_key')
  return node !== undefined && isNodeType(node, 'text') ? node.attributes.text.text : ''
}

/** A JSON value as text when it is a string, else ''. */
export const asText = (value: unknown): string => (typeof value === 'string' ? value : '')

/** One exchange as it went over the wire: what a recording keeps. */
export interface Exchange {
  readonly request: Request
  readonly requestBody: string | undefined
  readonly response: Response
}

/** What a signed-in user needs: an identity with or without a second factor, a session recent or old. */
export interface UserOptions {
  /** The identity has TOTP set up. */
  readonly totp?: boolean
  /** The session has only the first factor (with `totp`: AAL1 where AAL2 is available). */
  readonly aal1?: boolean
  /** The session authenticated longer ago than `privileged_session_max_age`. */
  readonly stale?: boolean
  /** The identity has lookup secrets set up. */
  readonly lookupSecrets?: boolean
}

/** A browser: one cookie jar for Kratos' host, redirects never followed, every exchange kept. */
export class Browser {
  readonly cookies = new Map<string, string>()
  readonly exchanges: Exchange[] = []
  constructor(
    private readonly send: Fetch,
    readonly publicUrl: string,
  ) {}

  /** The Cookie header this browser sends, or undefined when it has none. */
  cookieHeader(filter: (name: string) => boolean = () => true): string | undefined {
    const pairs = [...this.cookies].filter(([name]) => filter(name)).map(([name, value]) => `${name}=${value}`)
    return pairs.length === 0 ? undefined : pairs.join('; ')
  }

  /** Sends a request to `path` on Kratos' public URL; `cookies: false` sends none, a function picks them. */
  async fetch(path: string, init: RequestInit & { cookies?: boolean | ((name: string) => boolean) } = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    const filter = init.cookies === false ? () => false : typeof init.cookies === 'function' ? init.cookies : () => true
    const cookie = this.cookieHeader(filter)
    if (cookie !== undefined && !headers.has('cookie')) headers.set('cookie', cookie)
    // Node's fetch sends this on every request; the mock sees the request before any fetch does.
    if (!headers.has('sec-fetch-mode')) headers.set('sec-fetch-mode', 'cors')
    const body = typeof init.body === 'string' ? init.body : undefined
    const request = new Request(new URL(path.replace(/^\//, ''), this.publicUrl), { ...init, headers, redirect: 'manual' })
    const response = await this.send(request.clone())
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    this.exchanges.push({ request, requestBody: body, response: response.clone() })
    return response
  }

  /** GET as a JSON client. */
  getJson(path: string, init: RequestInit & { cookies?: boolean | ((name: string) => boolean) } = {}): Promise<Response> {
    return this.fetch(path, { ...init, headers: { accept: 'application/json', ...Object.fromEntries(new Headers(init.headers)) } })
  }

  /** GET as a browser navigation. */
  navigate(path: string, init: RequestInit & { cookies?: boolean | ((name: string) => boolean) } = {}): Promise<Response> {
    return this.fetch(path, { ...init, headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', ...Object.fromEntries(new Headers(init.headers)) } })
  }

  /** POSTs a JSON body, as a JSON client. */
  postJson(path: string, body: unknown, init: RequestInit & { cookies?: boolean | ((name: string) => boolean) } = {}): Promise<Response> {
    const headers = { accept: 'application/json', 'content-type': 'application/json', ...Object.fromEntries(new Headers(init.headers)) }
    return this.fetch(path, { ...init, method: 'POST', headers, body: JSON.stringify(body) })
  }

  /** POSTs a form: as a browser (`accept: 'html'`), or from a client that accepts JSON. */
  postForm(
    path: string,
    fields: Record<string, string> | [string, string][],
    accept: 'html' | 'json' = 'html',
    init: RequestInit & { cookies?: boolean | ((name: string) => boolean) } = {},
  ): Promise<Response> {
    const headers = {
      accept: accept === 'html' ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' : 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      ...Object.fromEntries(new Headers(init.headers)),
    }
    return this.fetch(path, { ...init, method: 'POST', headers, body: new URLSearchParams(fields).toString() })
  }
}

/** A user of a target: a browser holding a session, and the identity's email and password. */
export interface User {
  readonly browser: Browser
  readonly email: string
  readonly password: string
  readonly identityId: string
  /** The TOTP secret, when the identity has one. */
  readonly totpSecret: string | undefined
}

/** Kratos, real or imitated, as a scenario sees it. */
export interface Target {
  /** Which Kratos: a version tag, or 'mock'. */
  readonly name: string
  /** Kratos' public URL. */
  readonly publicUrl: string
  /** A browser without a session. */
  anonymous(): Browser
  /** A new identity, signed in as `options` say. */
  user(options?: UserOptions): Promise<User>
  /** Another browser of `user`'s identity, signed in anew: with the second factor when it has one, unless `aal1`. */
  again(user: User, options?: { aal1?: boolean }): Promise<Browser>
  /** A session token for `user`'s identity, as an API client signs in (the login API flow). */
  sessionToken(user: User): Promise<string>
  /** Lets time pass: real seconds for Kratos, the mock's clock for the mock. */
  wait(ms: number): Promise<void>
  /** A TOTP code Kratos accepts for `secret` (the flow's `totp_secret_key`) now. */
  totpCode(secret: string): string
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), for a base32 secret. */
export function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const digest = createHmac('sha1', key).update(counter).digest()
  const offset = digest[digest.length - 1]! & 0xf
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}
