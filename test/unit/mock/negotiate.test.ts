import { describe, expect, test } from 'vitest'
import { SESSION_COOKIE } from '../../../src/mock/index.js'
import { harness } from '../../contract/behaviour/harness.js'

describe('JSON or browser: Accept negotiated as Kratos does', () => {
  const answersJson = async (accept: string, contentType?: string) => {
    const h = harness()
    const response = await h.send(
      new Request('http://kratos.test/self-service/settings/browser', {
        headers: { accept, cookie: `${SESSION_COOKIE}=ada`, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
      }),
    )
    return response.status === 200 ? 'json' : response.status === 303 ? 'browser' : response.status
  }

  test.each([
    ['application/json;q=0.9', 'a q below 1 still accepts'],
    ['text/html;q=0.5, application/json', 'the range with the higher q wins, spaces after commas skipped'],
    ['application/json;q=0.5, text/html;level=1', 'a range with a parameter other than q is dropped'],
    ['application/*', 'a subtype wildcard matches application/json only'],
    ['*/*, application/*', 'at equal q, application/* is more specific than */*'],
    ['*/*, application/json', 'at equal q, the exact type is more specific than */*'],
    ['*/json, application/json;q=0.5', 'a type wildcard with a concrete subtype matches nothing'],
    ['text/plain, application/json;q=0.5', 'another subtype of text matches nothing'],
    ['image/html, application/json;q=0.5', 'the same subtype of another type matches nothing'],
  ])('Accept %s is a JSON request: %s', async (accept) => {
    expect(await answersJson(accept)).toBe('json')
  })

  test.each([
    ['application/json;q=0', 'q=0 refuses it'],
    ['*/*, application/json;q=0.5', 'a more specific range with a lower q loses to */*'],
    ['*/*', '*/* picks text/html, the first offer'],
  ])('Accept %s is a browser request: %s', async (accept) => {
    expect(await answersJson(accept)).toBe('browser')
  })

  test('Content-Type: application/json makes a JSON request whatever Accept says', async () => {
    expect(await answersJson('text/html', 'application/json')).toBe('json')
    expect(await answersJson('text/html', 'application/x-www-form-urlencoded')).toBe('browser')
  })
})
