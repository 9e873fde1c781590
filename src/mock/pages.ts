// The mock's own UI pages, served when no app page is configured: a sign-in page for its login
// flows and an error page for the errors it sends browsers to. Plain HTML forms, no script.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }

/** `text` safe inside HTML text and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!)

/** The kinds of session the sign-in page offers, as the `mock_session` field sends them. */
export const SESSION_KINDS = {
  aal2: 'Signed in with both factors (the identity has TOTP)',
  '': 'Signed in with a password (no second factor)',
  aal1: 'First factor only: the identity has TOTP, this session has not used it',
  stale: 'Signed in long ago: privileged changes ask to sign in again',
} as const

/** A value of the sign-in page's `mock_session` field. */
export type SessionKind = keyof typeof SESSION_KINDS

const page = (title: string, body: string): Response =>
  new Response(
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}label{display:block;margin:.75rem 0}input,select,button{font:inherit;padding:.3rem;display:block;margin-top:.25rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`,
    { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )

/** What the sign-in page shows of a login flow. */
export interface SignInPage {
  /** Where the form posts: Kratos' `POST /self-service/login?flow=<id>`. */
  readonly action: string
  readonly csrfToken: string
  /** A refresh (`refresh=true`): the user signs in again for a privileged change. */
  readonly refresh: boolean
  /** A second-factor login (`aal=aal2`). */
  readonly aal2: boolean
  /** The identity already signed in, if any: the page signs it in again. */
  readonly identifier: string | undefined
  /** Where the browser goes afterwards. */
  readonly returnTo: string
}

/** The sign-in page of a login flow: a form that signs in as any identity, with the kind of session chosen. */
export function signInPage(flow: SignInPage): Response {
  const heading = flow.aal2 ? 'Second factor' : flow.refresh ? 'Confirm it is you' : 'Sign in'
  const options = Object.entries(SESSION_KINDS)
    .filter(([kind]) => !flow.aal2 || kind === 'aal2')
    .map(([kind, label]) => `<option value="${kind}">${escapeHtml(label)}</option>`)
    .join('')
  const identifier = flow.identifier === undefined ? '' : ` value="${escapeHtml(flow.identifier)}" readonly`
  return page(
    `${heading} (mock Kratos)`,
    `<h1>${heading}</h1>
<p>This is kratos-settings' mock Kratos: any name signs in, and no password is checked. Afterwards you go to <code>${escapeHtml(flow.returnTo)}</code>.</p>
<form method="post" action="${escapeHtml(flow.action)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(flow.csrfToken)}">
<input type="hidden" name="method" value="${flow.aal2 ? 'totp' : 'password'}">
<label>Identity (a name such as ada, or an email)<input name="identifier" required autocomplete="username"${identifier || ' value="ada"'}></label>
<label>Session<select name="mock_session">${options}</select></label>
<button type="submit">Sign in</button>
</form>`,
  )
}

/** The error page: the stored error Kratos sent the browser to, as JSON. */
export function errorPage(error: unknown): Response {
  return page(
    'Error (mock Kratos)',
    `<h1>Something went wrong</h1>
<p>Kratos sent the browser here with this error (also at <code>/self-service/errors?id=</code>):</p>
<pre>${escapeHtml(JSON.stringify(error, null, 2))}</pre>`,
  )
}
