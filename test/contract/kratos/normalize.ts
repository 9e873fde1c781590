// Turns an exchange into a recording: hosts, ids, timestamps, emails, tokens and cookie values
// replaced by placeholders, so that a recording holds no secret and two runs compare equal.
import { asText, type Exchange } from './target.js'

/** One recorded exchange, as stored in test/contract/kratos/recordings/<version>/<row>.json. */
export interface Recording {
  readonly row: string
  readonly kratos: { readonly version: string; readonly commit?: string; /** The configuration files Kratos ran with, in order. */ readonly configuration: readonly string[] }
  readonly request: {
    readonly method: string
    readonly url: string
    readonly headers: Readonly<Record<string, string>>
    /** Names of the cookies sent, in order. */
    readonly cookies: readonly string[]
    readonly body?: unknown
  }
  readonly response: {
    readonly status: number
    readonly location?: string
    readonly contentType?: string
    /** Every Set-Cookie: the name and its attributes (values dropped). */
    readonly setCookie: ReadonlyArray<{ readonly name: string; readonly attributes: readonly string[] }>
    readonly body: unknown
  }
}

/** Where our Kratos configuration puts things, and the placeholders recordings use for them. */
export const HOSTS: ReadonlyArray<readonly [string, string]> = [
  ['http://127.0.0.1:4433', 'http://kratos.test'],
  ['http://127.0.0.1:4443', 'http://kratos.test'],
  ['http://127.0.0.1:4463', 'http://kratos.test'],
  ['http://127.0.0.1:4455', 'http://app.test'],
  ['http://127.0.0.1:4499', 'http://helper.test'],
  ['127.0.0.1:4433', 'kratos.test'],
  ['127.0.0.1:4443', 'kratos.test'],
  ['127.0.0.1:4463', 'kratos.test'],
]

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g
const EMAIL = /\b(user|verify|interrupt|fail)-[0-9a-f]+@example\.com/g
const BASE_TIME = Date.parse('2026-01-01T00:00:00Z')

/** Values whose content is random per run or secret: the key (or node name) and its placeholder. */
const RANDOM_NODE_VALUES: Readonly<Record<string, string>> = {
  csrf_token: 'CSRF-TOKEN',
  webauthn_register_trigger: 'WEBAUTHN-TRIGGER',
  webauthn_register: 'WEBAUTHN-REGISTER',
  passkey_create_data: 'PASSKEY-CREATE-DATA',
  passkey_settings_register: 'PASSKEY-REGISTER',
}

/** A stateful normaliser: the same id gets the same placeholder throughout one recording. */
export class Normalizer {
  private readonly ids = new Map<string, string>()
  private readonly emails = new Map<string, string>()
  private firstTime: number | undefined

  text(value: string): string {
    let out = value
    for (const [from, to] of HOSTS) {
      // As written, and URL-encoded once or twice (a return_to inside a return_to).
      for (const encode of [(text: string) => text, encodeURIComponent, (text: string) => encodeURIComponent(encodeURIComponent(text))]) out = out.split(encode(from)).join(encode(to))
    }
    out = out.replace(UUID, (id) => {
      const key = id.toLowerCase()
      if (!this.ids.has(key)) this.ids.set(key, `00000000-0000-4000-8000-${String(this.ids.size + 1).padStart(12, '0')}`)
      return this.ids.get(key)!
    })
    out = out.replace(EMAIL, (email, kind: string) => {
      if (!this.emails.has(email)) this.emails.set(email, `${kind}-${this.emails.size + 1}@example.com`)
      return this.emails.get(email)!
    })
    out = out.replace(TIME, (time) => {
      const at = Date.parse(time)
      this.firstTime ??= at
      return new Date(BASE_TIME + Math.round((at - this.firstTime) / 1000) * 1000).toISOString()
    })
    // An OAuth2 state is random per request.
    return out.replace(/ory_st_[A-Za-z0-9]+/g, 'ory_st_TOKEN').replace(/([?&]state=)[0-9a-f]+/g, '$1STATE')
  }

  json(value: unknown, key = ''): unknown {
    if (typeof value === 'string') return this.text(value)
    if (Array.isArray(value)) return value.map((item) => this.json(item, key))
    if (value === null || typeof value !== 'object') return value
    const record = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [name, item] of Object.entries(record)) out[name] = this.json(item, name)
    // A UI node: random or secret values by the node's name or id.
    const attributes = out['attributes'] as Record<string, unknown> | undefined
    if (attributes !== undefined && typeof attributes === 'object') {
      const name = asText(attributes['name']) || asText(attributes['id'])
      const placeholder = RANDOM_NODE_VALUES[name]
      if (placeholder !== undefined && typeof attributes['value'] === 'string' && attributes['value'] !== '') attributes['value'] = placeholder
      if (name === 'totp_secret_key') (attributes['text'] as Record<string, unknown>)['text'] = 'TOTP-SECRET'
      if (name === 'totp_secret_key') ((attributes['text'] as Record<string, unknown>)['context'] as Record<string, unknown>)['secret'] = 'TOTP-SECRET'
      if (name === 'totp_qr' && typeof attributes['src'] === 'string') attributes['src'] = 'data:image/png;base64,QR'
      if (name === 'lookup_secret_codes') out['attributes'] = { ...attributes, text: redactCodes(attributes['text']) }
      if (typeof attributes['onclick'] === 'string') attributes['onclick'] = String(attributes['onclick']).replace(/\{.*\}/s, '{OPTIONS}')
      if (typeof attributes['onload'] === 'string') attributes['onload'] = String(attributes['onload']).replace(/\{.*\}/s, '{OPTIONS}')
    }
    if (key === '' && typeof out['csrf_token'] === 'string') out['csrf_token'] = 'CSRF-TOKEN'
    if (typeof out['session_token'] === 'string') out['session_token'] = 'ory_st_TOKEN'
    return out
  }
}

function redactCodes(text: unknown): unknown {
  if (text === null || typeof text !== 'object') return text
  const record = text as { text?: string; context?: { secrets?: Array<{ text?: string; context?: { secret?: string } }> } }
  return {
    ...record,
    text: typeof record.text === 'string' ? record.text.replace(/[a-z0-9]{8}/g, 'CODE') : record.text,
    context:
      record.context === undefined ? undefined : { ...record.context, secrets: record.context.secrets?.map((secret) => ({ ...secret, text: 'CODE', context: { ...secret.context, secret: 'CODE' } })) },
  }
}

/** A Set-Cookie line as its name and attributes (value, Expires and Max-Age numbers dropped). */
export function describeSetCookie(line: string): { name: string; attributes: string[] } {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
  const name = pair.slice(0, pair.indexOf('='))
  return {
    name,
    attributes: attributes
      .filter((part) => part !== '')
      .map((part) => {
        const [key = ''] = part.split('=')
        return /^(expires|max-age)$/i.test(key) ? key : part
      }),
  }
}

async function readBody(text: string, contentType: string | null, normalizer: Normalizer): Promise<unknown> {
  if (text === '') return null
  if (contentType?.includes('json') === true) {
    try {
      return normalizer.json(JSON.parse(text))
    } catch {
      return normalizer.text(text)
    }
  }
  return normalizer.text(text)
}

/** The recording of one exchange. */
export async function normalizeExchange(row: string, kratos: Recording['kratos'], exchange: Exchange): Promise<Recording> {
  const normalizer = new Normalizer()
  const { request, response } = exchange
  const headers: Record<string, string> = {}
  for (const name of ['accept', 'content-type', 'x-forwarded-host', 'x-forwarded-proto']) {
    const value = request.headers.get(name)
    if (value !== null) headers[name] = value
  }
  if (request.headers.has('x-session-token')) headers['x-session-token'] = 'ory_st_TOKEN'
  const cookies = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((pair) => pair.trim().split('=')[0]!)
    .filter((name) => name !== '')
  const url = normalizer.text(request.url)
  let body: unknown
  if (exchange.requestBody !== undefined) {
    if (request.headers.get('content-type')?.includes('json') === true) body = normalizer.json(JSON.parse(exchange.requestBody))
    else body = [...new URLSearchParams(exchange.requestBody)].map(([name, value]) => [name, name === 'csrf_token' ? 'CSRF-TOKEN' : normalizer.text(value)])
  }
  const location = response.headers.get('location')
  const contentType = response.headers.get('content-type')
  const text = await response.clone().text()
  return {
    row,
    kratos,
    request: { method: request.method, url, headers, cookies, ...(body === undefined ? {} : { body }) },
    response: {
      status: response.status,
      ...(location === null ? {} : { location: normalizer.text(location) }),
      ...(contentType === null ? {} : { contentType }),
      setCookie: response.headers.getSetCookie().map(describeSetCookie),
      body: await readBody(text, contentType, normalizer),
    },
  }
}
