import { describe, expect, test } from 'vitest'
import { createKratosClient, KratosArgumentError, type UpdateSettingsFlowBody } from '../../src/index.js'

// Hostile or careless arguments: each must be a KratosArgumentError before any request leaves.
let requests = 0
const fetch = async () => {
  requests++
  return Response.json({})
}
const client = () => createKratosClient({ baseUrl: 'http://kratos.test', retry: 0, fetch })

describe('header names in options.headers', () => {
  test.each(['x a', 'x:a', 'x\r\nInjected', 'x\u0000', '', 'ü', 'x(a)', 'x"a', 'x,a', 'Transfer-Encoding', 'connection', 'Host', 'content-length', 'upgrade', 'expect', 'keep-alive', 'te', 'trailer', 'proxy-connection'])('refuses %j at creation', (name) => {
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: { [name]: 'v' } })).toThrow(KratosArgumentError)
  })

  test.each(['x-request-id', 'Authorization', "x!#$%&'*+.^_`|~a"])('takes the token %j', (name) => {
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: { [name]: 'v' } })).not.toThrow()
  })

  test('refuses headers that are not a plain object, and hooks that are not lists of functions', () => {
    for (const headers of [null, 'x', ['a', 'b'], new Headers({ authorization: 'Bearer x' }), new Map([['a', 'b']])]) {
      expect(() => createKratosClient({ baseUrl: 'http://kratos.test', headers: headers as never })).toThrow(KratosArgumentError)
    }
    for (const hooks of [null, 1, { beforeRequest: 'x' }, { afterResponse: [1] }, { beforeRequest: [() => {}, null] }]) {
      expect(() => createKratosClient({ baseUrl: 'http://kratos.test', hooks: hooks as never })).toThrow(KratosArgumentError)
    }
    expect(() => createKratosClient({ baseUrl: 'http://kratos.test', hooks: { beforeRequest: [() => {}], afterResponse: [] } })).not.toThrow()
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
    'an inherited toJSON': { method: 'profile', traits: new (class Traits { toJSON() { return 'x' } })() },
    'a throwing getter': { method: 'profile', traits: { get a() { throw new Error('boom') } } },
    'a revoked Proxy': { method: 'profile', traits: (() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy })() },
    'a shared object 20 levels deep (a million leaves)': { method: 'profile', traits: (() => { let value: unknown = 'leaf'; for (let index = 0; index < 20; index++) value = [value, value]; return value })() },
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
    const cycle = await client().updateSettingsFlow('f1', { method: 'profile', traits: cyclic() }).catch((caught: unknown) => caught)
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
