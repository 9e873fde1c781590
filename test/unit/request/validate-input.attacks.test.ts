import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosArgumentError, type UpdateSettingsFlowBody } from '../../../src/index.js'
import { normalizeClientOptions } from '../../../src/request/options.js'

// Hostile or careless arguments: each must be a KratosArgumentError before any request leaves.
let requests = 0
const fetch = async () => {
  requests++
  return Response.json({})
}
const client = () => createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch })

describe('header names in options.headers', () => {
  test.each([
    'x a',
    'x:a',
    'x\r\nInjected',
    'x\u0000',
    '',
    'ü',
    'x(a)',
    'x"a',
    'x,a',
    'Transfer-Encoding',
    'connection',
    'Host',
    'content-length',
    'upgrade',
    'expect',
    'keep-alive',
    'te',
    'trailer',
    'proxy-connection',
  ])('refuses %j at creation', (name) => {
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: { [name]: 'v' } })).toThrow(KratosArgumentError)
  })

  test.each(['x-request-id', 'Authorization', "x!#$%&'*+.^_`|~a"])('takes the token %j', (name) => {
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: { [name]: 'v' } })).not.toThrow()
  })

  test('refuses headers that are not a plain object, and hooks that are not lists of functions', () => {
    for (const headers of [null, 'x', ['a', 'b'], [['a', 'b', 'c']], [[1, 'b']], new Map([['a', 'b']])]) {
      expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: headers as never })).toThrow(KratosArgumentError)
    }
    for (const hooks of [null, 1, { beforeRequest: 'x' }, { afterResponse: [1] }, { beforeRequest: [() => {}, null] }]) {
      expect(() => createKratosClient({ baseUrl: 'http://kratos.test', hooks: hooks as never })).toThrow(KratosArgumentError)
    }
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', hooks: { beforeRequest: [() => {}], afterResponse: [] } })).not.toThrow()
    const bare = Object.assign(Object.create(null) as Record<string, string>, { 'x-a': '1' })
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: bare, hooks: Object.create(null) as never })).not.toThrow()
  })
})

const deep = (levels: number): unknown => {
  let value: unknown = 'leaf'
  for (let index = 0; index < levels; index++) value = { a: value }
  return value
}
const cyclic = () => {
  const traits: Record<string, unknown> = { email: 'a@b.c' }
  traits['self'] = traits
  return traits
}
const cyclicArray = () => {
  const list: unknown[] = []
  list.push(list)
  return list
}

describe('update bodies that JSON cannot carry as they are', () => {
  const bodies: Record<string, unknown> = {
    'a cycle in traits': { method: 'profile', traits: cyclic() },
    'a cycle through an array': { method: 'profile', traits: { list: cyclicArray() } },
    'a BigInt': { method: 'profile', traits: { age: 10n } },
    'a function': { method: 'profile', traits: { f: () => 1 } },
    'a symbol': { method: 'profile', traits: { s: Symbol('s') } },
    'NaN': { method: 'profile', traits: { n: Number.NaN } },
    'Infinity': { method: 'profile', traits: { n: Number.POSITIVE_INFINITY } },
    'a Date': { method: 'profile', traits: { born: new Date(0) } },
    'a Map': { method: 'profile', traits: new Map([['a', 1]]) },
    '20,000 levels': { method: 'profile', traits: deep(20_000) },
    'an own toJSON': { method: 'profile', traits: { a: { toJSON: () => 1n } } },
    'an inherited toJSON': {
      method: 'profile',
      traits: new (class Traits {
        toJSON() {
          return 'x'
        }
      })(),
    },
    'a throwing getter': {
      method: 'profile',
      traits: {
        get a() {
          throw new Error('boom')
        },
      },
    },
    'a revoked Proxy': {
      method: 'profile',
      traits: (() => {
        const { proxy, revoke } = Proxy.revocable({}, {})
        revoke()
        return proxy
      })(),
    },
    'a shared object 20 levels deep (a million leaves)': {
      method: 'profile',
      traits: (() => {
        let value: unknown = 'leaf'
        for (let index = 0; index < 20; index++) value = [value, value]
        return value
      })(),
    },
    '65 levels, the body counted': { method: 'profile', traits: deep(64) },
  }

  test.each(Object.entries(bodies))('%s: KratosArgumentError, no request, in both encodings', async (_what, body) => {
    requests = 0
    for (const encoding of ['json', 'form'] as const) {
      const error = await client()
        .updateSettingsFlow('f1', body as UpdateSettingsFlowBody, undefined, { encoding })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(KratosArgumentError)
      expect((error as Error).message).toMatch(/^updateSettingsFlow: body: body[. ]/)
    }
    expect(requests).toBe(0)
  })

  test('names the path and the problem, never the value', async () => {
    const error = await client()
      .updateSettingsFlow('f1', { method: 'profile', traits: { name: { list: [1, 2n] } } } as never)
      .catch((caught: unknown) => caught)
    expect((error as Error).message).toBe('updateSettingsFlow: body: body.traits.name.list[1] is a bigint, which JSON cannot carry')
    const cycle = await client()
      .updateSettingsFlow('f1', { method: 'profile', traits: cyclic() })
      .catch((caught: unknown) => caught)
    expect((cycle as Error).message).toBe('updateSettingsFlow: body: body.traits.self refers to an object that contains it (a cycle)')
  })

  test('takes what JSON carries: 64 levels, the body counted, shared (not cyclic) objects, null, undefined, objects without a prototype', async () => {
    requests = 0
    const shared = { a: 1 }
    const bare = Object.assign(Object.create(null) as object, { b: 2 })
    const fine: Record<string, unknown> = {
      deep: { method: 'profile', traits: deep(63) },
      shared: { method: 'profile', traits: { one: shared, two: shared, list: [shared, shared] } },
      empty: { method: 'profile', traits: { a: null, b: undefined, c: [], d: {}, e: 0, f: false, g: '' } },
      bare: { method: 'profile', traits: bare },
    }
    for (const body of Object.values(fine)) await client().updateSettingsFlow('f1', body as UpdateSettingsFlowBody)
    expect(requests).toBe(Object.keys(fine).length)
  })
})

describe('each refusal says what is wrong', () => {
  const create = (options: unknown) => () => createKratosClient(options as never)
  test.each([
    [undefined, 'createKratosClient: options must be an object with a baseUrl'],
    [null, 'createKratosClient: options must be an object with a baseUrl'],
    ['https://a.b', 'createKratosClient: options must be an object with a baseUrl'],
    [{ baseUrl: 1 }, 'createKratosClient: baseUrl must be a string such as "https://auth.example.com"'],
    [{ baseUrl: 'nope' }, 'createKratosClient: baseUrl "nope" is not an absolute URL'],
    [{ baseUrl: 'ftp://a.b' }, 'createKratosClient: baseUrl must use http or https, not ftp:'],
    [{ baseUrl: 'https://user@a.b' }, 'createKratosClient: baseUrl must not contain credentials'],
    [{ baseUrl: 'https://:pass@a.b' }, 'createKratosClient: baseUrl must not contain credentials'],
    [{ baseUrl: 'https://a.b/?x=1' }, 'createKratosClient: baseUrl must not have a query or a fragment'],
    [{ baseUrl: 'https://a.b/#x' }, 'createKratosClient: baseUrl must not have a query or a fragment'],
    [{ baseUrl: 'https://a.b', timeout: 2_147_483_648 }, 'createKratosClient: timeout must be a whole number of milliseconds or bytes between 1 and 2147483647'],
    [{ baseUrl: 'https://a.b', retry: { delay: 1 } }, 'createKratosClient: retry.delay must be a function'],
    [{ baseUrl: 'https://a.b', headers: new Map() }, 'createKratosClient: headers must be a plain object, a Headers or a list of [name, value] pairs'],
    [{ baseUrl: 'https://a.b', headers: [['x-a']] }, 'createKratosClient: headers must be a plain object, a Headers or a list of [name, value] pairs'],
    [{ baseUrl: 'https://a.b', headers: new Headers({ cookie: 'a=b' }) }, 'createKratosClient: headers must not contain Cookie'],
    [{ baseUrl: 'https://a.b', baseURL: 'https://a.b' }, 'createKratosClient: unknown option "baseURL"; did you mean "baseUrl"?'],
    [{ baseUrl: 'https://a.b', retries: 1 }, 'createKratosClient: unknown option "retries"; did you mean "retry"?'],
    [{ baseUrl: 'https://a.b', retry: { limt: 1 } }, 'createKratosClient: retry: unknown option "limt"; did you mean "limit"?'],
    [{ baseUrl: 'https://a.b', hooks: { beforeResponse: [] } }, 'createKratosClient: hooks: unknown option "beforeResponse"'],
    [{ baseUrl: 'https://a.b', ['x'.repeat(100)]: 1 }, `createKratosClient: unknown option "${'x'.repeat(64)}…" (known:`],
    [{ baseUrl: 'https://a.b', HEADERS: {} }, 'createKratosClient: unknown option "HEADERS"; did you mean "headers"?'],
    [{ baseUrl: 'https://a.b', proxy: 'x' }, 'createKratosClient: unknown option "proxy" (known: baseUrl, browserUrl, fetch, timeout, retry, headers, credentials, maxBodyBytes, hooks)'],
    [{ baseUrl: 'https://a.b', headers: { Cookie: 'a=1' } }, 'createKratosClient: headers must not contain Cookie: pass the cookie to each call, so users never share one'],
    [{ baseUrl: 'https://a.b', headers: { 'x a': '1' } }, 'createKratosClient: headers: "x a" is not a valid header name'],
    [{ baseUrl: 'https://a.b', headers: { Upgrade: '1' } }, 'createKratosClient: headers: "Upgrade" is set by fetch, not by a client'],
    [{ baseUrl: 'https://a.b', headers: { 'x-a': 'é\u0100' } }, 'createKratosClient: headers["x-a"] must not contain a character above U+00FF (found at index 1)'],
    [{ baseUrl: 'https://a.b', headers: { 'x-a': 'a\u001f' } }, 'createKratosClient: headers["x-a"] must not contain the control character U+001F (found at index 1)'],
    [{ baseUrl: 'https://a.b', hooks: [] }, 'createKratosClient: hooks must be an object'],
    [{ baseUrl: 'https://a.b', hooks: { afterResponse: [() => {}, 'x'] } }, 'createKratosClient: hooks.afterResponse must be an array of functions'],
    [{ baseUrl: 'https://a.b', hooks: { beforeRequest: {} } }, 'createKratosClient: hooks.beforeRequest must be an array of functions'],
    [{ baseUrl: 'https://a.b', fetch: 'x' }, 'createKratosClient: fetch must be a function'],
    [{ baseUrl: 'https://a.b\u0001' }, 'createKratosClient: baseUrl must not contain the control character U+0001 (found at index 11)'],
    [{ baseUrl: 'https://a.b', retry: { maxRetryAfter: 0 } }, 'createKratosClient: retry.maxRetryAfter must be a whole number of milliseconds or bytes between 1 and 2147483647'],
    [{ baseUrl: 'https://a.b', hooks: null }, 'createKratosClient: hooks must be an object'],
    [{ baseUrl: 'https://a.b', headers: 'x' }, 'createKratosClient: headers must be a plain object, a Headers or a list of [name, value] pairs'],
  ])('refusal %#: %s', (options, message) => {
    expect(create(options)).toThrow(KratosArgumentError)
    expect(create(options)).toThrow(message)
  })

  test('the largest timer is taken, one more is not; a base URL gets its trailing slash', () => {
    expect(create({ baseUrl: 'https://a.b/auth', timeout: 2_147_483_647 })).not.toThrow()
    expect(normalizeClientOptions({ baseUrl: 'https://a.b/auth' }).endpoints.create).toBe('https://a.b/auth/self-service/settings/browser')
  })

  test('update bodies: the exact count and the kind of object are named', async () => {
    const list = (length: number) => ({ method: 'profile', traits: { list: Array.from({ length }, () => 0) } })
    // The body, method, traits and list count too: 4 + 99,996 = 100,000.
    await expect(client().updateSettingsFlow('f1', list(99_996) as never)).resolves.toBeDefined()
    await expect(client().updateSettingsFlow('f1', list(99_997) as never)).rejects.toThrow(new KratosArgumentError('updateSettingsFlow: body: body has more than 100000 values'))
    await expect(client().updateSettingsFlow('f1', { method: 'profile', traits: { born: new Date(0) } } as never)).rejects.toThrow(
      new KratosArgumentError('updateSettingsFlow: body: body.traits.born is a Date, not a plain object; convert it (a Date with toISOString())'),
    )
    await expect(client().updateSettingsFlow('f1', { method: 'profile', traits: { n: Number.NaN } } as never)).rejects.toThrow(
      new KratosArgumentError('updateSettingsFlow: body: body.traits.n is NaN, which JSON cannot carry'),
    )
    await expect(client().updateSettingsFlow('f1', { method: 'profile', traits: { a: { toJSON: () => 1 } } } as never)).rejects.toThrow(
      new KratosArgumentError('updateSettingsFlow: body: body.traits.a has a toJSON method; pass the value it stands for'),
    )
    await expect(client().updateSettingsFlow('f1', { method: 'profile', traits: deep(64) } as never)).rejects.toThrow(/body\.traits(\.a){63} is nested deeper than 64 levels$/)
    const getter = {
      method: 'profile',
      traits: {
        get a() {
          throw new Error('boom')
        },
      },
    }
    await expect(client().updateSettingsFlow('f1', getter as never)).rejects.toThrow(
      new KratosArgumentError('updateSettingsFlow: body: body could not be read (a throwing getter or a revoked Proxy?)'),
    )
  })

  test('control characters in arguments are named by name and index', async () => {
    await expect(client().getSettingsFlow('a\rb')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not contain CR (found at index 1)'))
    await expect(client().getSettingsFlow('ab\n')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not contain LF (found at index 2)'))
    await expect(client().getSettingsFlow('\0')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not contain NUL (found at index 0)'))
    await expect(client().getSettingsFlow('a\tb')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not contain a tab (found at index 1)'))
    await expect(client().getSettingsFlow('a\u007f')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not contain the control character U+007F (found at index 1)'))
    await expect(client().getSettingsFlow('a\u001b')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not contain the control character U+001B (found at index 1)'))
    await expect(client().getSettingsFlow(1 as never)).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must be a string, not number'))
    await expect(client().getSettingsFlow('')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: id must not be empty'))
    await expect(client().getSettingsFlow('f1', 'a=\u00ff')).resolves.toBeDefined()
    await expect(client().getSettingsFlow('f1', 'a=\u0100')).rejects.toThrow(new KratosArgumentError('getSettingsFlow: cookie must not contain a character above U+00FF (found at index 2)'))
  })

  // NEL (U+0085) ends a line for some log readers, CSI (U+009B) drives a terminal: C1 controls are refused as CR and LF are.
  test.each(['\u0080', '\u0085', '\u009b', '\u009f'])('the C1 control %j is refused in a cookie, an id and a header, and nothing is sent', async (c1) => {
    let sent = 0
    const counting = createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch: async () => (sent++, Response.json({}, { status: 500 })) })
    const code = `U+${c1.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
    await expect(counting.getSettingsFlow('f1', `ory_kratos_session=a${c1}b`)).rejects.toThrow(`getSettingsFlow: cookie must not contain the control character ${code} (found at index 20)`)
    await expect(counting.getSettingsFlow(`f${c1}`)).rejects.toThrow(KratosArgumentError)
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: { 'x-request-id': `a${c1}` } })).toThrow(KratosArgumentError)
    await expect(counting.getSettingsFlow('f1', 'a=\u00a0\u00ff')).resolves.toBeDefined()
    expect(sent).toBe(1)
  })
})

describe('headers in any form fetch takes', () => {
  const sent = async (headers: HeadersInit) => {
    let request: Request | undefined
    const kratos = createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, headers, fetch: async (input, init) => ((request = new Request(input, init)), new Response(null, { status: 303 })) })
    await kratos.createBrowserSettingsFlow()
    return request!.headers
  }

  test('a plain object, a Headers and a list of pairs send the same headers', async () => {
    for (const headers of [
      { 'X-Tenant': 'a', Authorization: 'Bearer t' },
      new Headers({ 'x-tenant': 'a', authorization: 'Bearer t' }),
      [
        ['x-tenant', 'a'],
        ['authorization', 'Bearer t'],
      ],
    ] satisfies HeadersInit[]) {
      const got = await sent(headers)
      expect([got.get('x-tenant'), got.get('authorization')]).toEqual(['a', 'Bearer t'])
    }
  })

  test('a name repeated in a list is joined as Headers joins it, and a credential among them is still redacted', async () => {
    expect(
      (
        await sent([
          ['x-tenant', 'a'],
          ['X-Tenant', 'b'],
        ])
      ).get('x-tenant'),
    ).toBe('a, b')
    expect(normalizeClientOptions({ baseUrl: 'http://kratos.test', headers: new Headers({ authorization: 'Bearer s3cr3t-value' }) }).credentialValues).toContain('s3cr3t-value')
  })
})

describe("each call's options", () => {
  const kratos = createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch: async () => new Response(null, { status: 303 }) })
  test.each([
    [() => kratos.createBrowserSettingsFlow(undefined, undefined, null as never), 'createBrowserSettingsFlow: options must be an object'],
    [
      () => kratos.createBrowserSettingsFlow(undefined, undefined, { organisation: 'o' } as never),
      'createBrowserSettingsFlow: options: unknown option "organisation"; did you mean "organization"? (known: signal, organization, mode)',
    ],
    [() => kratos.getSettingsFlow('f1', undefined, { signal: 'x' } as never), 'getSettingsFlow: options.signal must be an AbortSignal'],
    [() => kratos.getSettingsFlow('f1', undefined, { mode: 'redirect' } as never), 'getSettingsFlow: options: unknown option "mode" (known: signal)'],
    [
      () => kratos.updateSettingsFlow('f1', { method: 'password', password: 'x' }, undefined, { encode: 'form' } as never),
      'updateSettingsFlow: options: unknown option "encode"; did you mean "encoding"? (known: signal, encoding, mode)',
    ],
    [() => kratos.updateSettingsFlow('f1', { method: 'password', password: 'x' }, undefined, { signal: new AbortController() } as never), 'updateSettingsFlow: options.signal must be an AbortSignal'],
  ])('refusal %#', async (call, message) => {
    const error = await call().catch((error: unknown) => error)
    expect(error).toBeInstanceOf(KratosArgumentError)
    expect((error as Error).message).toBe(message)
  })
})
