import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KratosClient } from 'kratos-settings'
import { forwardSetCookie, getCookieHeader, type SetCookieRewrite } from 'kratos-settings/cookies'

/**
 * GET /settings for a Node server (node:http, Express, the pages router's `req`/`res`): creates
 * the flow with the browser's cookies, forwards Kratos' cookies, and answers with the flow or
 * sends the browser where Kratos says.
 */
export function createSettingsHandler(kratos: KratosClient, loginUrl: string, rewrite?: SetCookieRewrite) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const result = await kratos.createBrowserSettingsFlow(undefined, getCookieHeader(request))
    forwardSetCookie(result.setCookie, response, rewrite)
    if (result.kind === 'flow') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result.flow))
    } else if (result.kind === 'redirect') {
      response.writeHead(303, { location: result.location ?? loginUrl }).end()
    } else if (result.kind === 'error' && result.error.id === 'session_aal2_required') {
      response.writeHead(303, { location: result.error.redirectBrowserTo }).end()
    } else if (result.kind === 'error' && result.error.id === 'session_inactive') {
      response.writeHead(303, { location: loginUrl }).end()
    } else {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(`Kratos answered ${result.status}: ${result.error.message}`)
    }
  }
}
