import type { SettingsFlowResult } from 'kratos-settings'

/**
 * Where the browser must go instead of seeing a form, as Kratos says; `undefined` for a result
 * to render (a flow, or an error with nowhere to send the browser).
 */
export function browserTarget(result: SettingsFlowResult, loginUrl: string): string | undefined {
  switch (result.kind) {
    case 'flow':
      return undefined
    case 'redirect':
      return result.location ?? loginUrl
    case 'error':
      switch (result.error.id) {
        case 'session_inactive':
          return loginUrl
        case 'session_aal2_required':
        case 'session_refresh_required':
        case 'browser_location_change_required':
          return result.error.redirectBrowserTo
        default:
          return undefined
      }
    case 'unexpected':
      return undefined
  }
}

/** Kratos' browser login, coming back to `returnTo` afterwards. */
export function loginUrl(kratosUrl: string, returnTo: string): string {
  const url = new URL('self-service/login/browser', kratosUrl.endsWith('/') ? kratosUrl : `${kratosUrl}/`)
  url.searchParams.set('return_to', returnTo)
  return url.href
}

/**
 * This app's URL for `path`, as the browser addressed it (Host and X-Forwarded-Proto), since
 * behind `next start -H` or a proxy `request.url` may name another host, with other cookies.
 */
export function appUrl(headers: Headers, path: string): string {
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${headers.get('host')}${path}`
}
