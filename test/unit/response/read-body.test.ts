import { afterEach, describe, expect, test, vi } from 'vitest'
import { KratosNetworkError } from '../../../src/index.js'
import { makeSettingsFlow } from '../../../src/mock/index.js'
import { kratosAnswering, streamOf, unexpectedOf } from '../../helpers/fake-kratos.js'

const FLOW_ID = '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f'

afterEach(() => {
  vi.useRealTimers()
})

describe('bodies that are not JSON, too large or too complex', () => {
  test('the message previews the body on one line, collapsed and trimmed, cut at 120 characters', async () => {
    const answer = (text: string) => kratosAnswering(() => new Response(text, { status: 502, headers: { 'content-type': 'text/html ; charset=utf-8' } })).kratos.getSettingsFlow(FLOW_ID)
    const message = async (text: string) => unexpectedOf(await answer(text)).message
    expect(await message('  <html>\n\n  <b>Bad   gateway</b>\t</html>  ')).toBe('Kratos answered 502 with a body that is not JSON (text/html): "<html> <b>Bad gateway</b> </html>"')
    const exact = 'x'.repeat(120)
    expect(await message(`\n${exact}`)).toBe(`Kratos answered 502 with a body that is not JSON (text/html): "${exact}"`)
    expect(await message(`${exact}y`)).toBe(`Kratos answered 502 with a body that is not JSON (text/html): "${exact}…"`)
  })

  test('a body without content type says so, and one without a body is an empty body', async () => {
    const bytes = kratosAnswering(() => new Response(new TextEncoder().encode('oops'), { status: 500 }))
    expect(unexpectedOf(await bytes.kratos.getSettingsFlow(FLOW_ID)).message).toBe('Kratos answered 500 with a body that is not JSON (no content type): "oops"')
    const empty = kratosAnswering(() => new Response(null, { status: 500 }))
    expect(unexpectedOf(await empty.kratos.getSettingsFlow(FLOW_ID)).message).toBe('Kratos answered 500 with an empty body')
  })

  test('text that is no secret is kept verbatim in the body of an unexpected answer', async () => {
    const { kratos } = kratosAnswering(() => new Response('Back in five minutes', { status: 500 }), { headers: { 'x-app': 'Back in five minutes' } })
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).body).toBe('Back in five minutes')
  })

  test('a status no operation documents keeps its JSON body as JSON', async () => {
    const { kratos } = kratosAnswering(() => Response.json({ ok: true }, { status: 202 }))
    const error = unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))
    expect(error).toMatchObject({ problem: 'unexpected_status', message: 'Kratos answered 202, which getSettingsFlow does not document', body: { ok: true } })
  })

  test('a body nested too deep is not parsed', async () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`
    const { kratos } = kratosAnswering(() => new Response(deep, { headers: { 'content-type': 'application/json' } }))
    const error = unexpectedOf(await kratos.getSettingsFlow(FLOW_ID))
    expect(error).toMatchObject({
      problem: 'body_too_complex',
      message: 'Kratos answered 200 with a body nested deeper than 64 levels or with more than 20000 values; it was not parsed',
      body: undefined,
    })
  })

  test('a declared length over maxBodyBytes is not read, and the body is cancelled', async () => {
    let cancelled = false
    const { kratos } = kratosAnswering(
      () =>
        new Response(
          streamOf(['{}'], () => void (cancelled = true)),
          { status: 500, headers: { 'content-length': '11' } },
        ),
      {
        maxBodyBytes: 10,
        timeout: 200,
      },
    )
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).problem).toBe('body_too_large')
    expect(cancelled).toBe(true)
  })

  test('a streamed body over maxBodyBytes is cancelled', async () => {
    let cancelled = false
    const { kratos } = kratosAnswering(
      () =>
        new Response(
          streamOf(['hello', 'world!'], () => void (cancelled = true)),
          { status: 500 },
        ),
      { maxBodyBytes: 10, timeout: 200 },
    )
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).problem).toBe('body_too_large')
    expect(cancelled).toBe(true)
  })

  test('a body of exactly maxBodyBytes is read, declared or streamed', async () => {
    const declared = kratosAnswering(() => new Response(streamOf(['hello']), { status: 500, headers: { 'content-length': '5' } }), { maxBodyBytes: 5 })
    expect(unexpectedOf(await declared.kratos.getSettingsFlow(FLOW_ID)).body).toBe('hello')
    const streamed = kratosAnswering(() => new Response(streamOf(['hel', 'lo']), { status: 500 }), { maxBodyBytes: 5 })
    expect(unexpectedOf(await streamed.kratos.getSettingsFlow(FLOW_ID)).body).toBe('hello')
  })

  test('a body in many chunks is read whole, whatever maxBodyBytes allows', async () => {
    const chunks = ['a'.repeat(10_000), 'b'.repeat(10_000), 'c'.repeat(20_000)]
    const { kratos } = kratosAnswering(() => new Response(streamOf(chunks), { status: 500 }), { maxBodyBytes: Number.MAX_SAFE_INTEGER })
    expect(unexpectedOf(await kratos.getSettingsFlow(FLOW_ID)).body).toBe(chunks.join(''))
  })

  test('a body stream that fails is a KratosNetworkError', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    const { kratos } = kratosAnswering(() => new Response(broken, { status: 500 }))
    const error = await kratos.getSettingsFlow(FLOW_ID).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(KratosNetworkError)
    expect((error as KratosNetworkError).cause).toMatchObject({ message: 'connection reset' })
  })

  test('no timer is left behind once a body is read', async () => {
    vi.useFakeTimers()
    const { kratos } = kratosAnswering(() => Response.json(makeSettingsFlow()))
    expect((await kratos.getSettingsFlow(FLOW_ID)).kind).toBe('flow')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('without getSetCookie (older browsers) setCookie is empty', async () => {
    const { kratos } = kratosAnswering(() => {
      const response = Response.json(makeSettingsFlow())
      Object.defineProperty(response.headers, 'getSetCookie', { value: undefined })
      return response
    })
    expect(await kratos.getSettingsFlow(FLOW_ID)).toMatchObject({ kind: 'flow', setCookie: [] })
  })
})
