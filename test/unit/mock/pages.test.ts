import { describe, expect, test } from 'vitest'
import { errorPage, escapeHtml, SESSION_KINDS, signInPage } from '../../../src/mock/pages.js'

const flow = { action: 'http://kratos.test/self-service/login?flow=f&x=1', csrfToken: 'tok"en', refresh: false, aal2: false, identifier: undefined, returnTo: 'http://app.test/' }

describe('the mock pages', () => {
  test('escapeHtml escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&#34;x&#34; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  test('the sign-in page posts a password login to the flow, with every kind of session to choose from', async () => {
    const response = signInPage(flow)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html).toContain('<form method="post" action="http://kratos.test/self-service/login?flow=f&amp;x=1">')
    expect(html).toContain('name="csrf_token" value="tok&#34;en"')
    expect(html).toContain('name="method" value="password"')
    expect(html).toContain('value="ada"')
    expect(html.match(/<option /g)).toHaveLength(Object.keys(SESSION_KINDS).length)
  })

  test('a second-factor page offers only a session with both factors, a refresh keeps the identity', async () => {
    const second = await signInPage({ ...flow, aal2: true, identifier: 'ada@example.com' }).text()
    expect(second).toContain('<h1>Second factor</h1>')
    expect(second).toContain('name="method" value="totp"')
    expect(second.match(/<option /g)).toEqual(['<option '])
    const refresh = await signInPage({ ...flow, refresh: true, identifier: 'ada@example.com' }).text()
    expect(refresh).toContain('<h1>Confirm it is you</h1>')
    expect(refresh).toContain('value="ada@example.com" readonly')
    const hostile = await signInPage({ ...flow, refresh: true, identifier: '"><script>x</script>', returnTo: '<b>' }).text()
    expect(hostile).not.toMatch(/<script>|<b>/)
    expect(hostile).toContain('value="&#34;&gt;&lt;script&gt;x&lt;/script&gt;" readonly')
  })

  test('the error page shows the error as escaped JSON', async () => {
    const html = await errorPage({ id: 'x', reason: '<img src=x onerror=alert(1)>' }).text()
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
  })
})
