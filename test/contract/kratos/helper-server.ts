// What our Kratos configuration calls on 127.0.0.1:4499 while recording: the profile web hooks
// and a stub OIDC provider (only its discovery document: a link stops at the redirect to it).
import { createServer, type Server } from 'node:http'
import { asText } from './target.js'

export const HELPER_ORIGIN = 'http://127.0.0.1:4499'

/** The message the before-save hook answers for an email that starts with `interrupt-`. */
export const HOOK_MESSAGE = { id: 4000099, text: 'This address is not accepted here.', type: 'error', context: {} }

function read(request: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => resolve(text))
    request.on('error', reject)
  })
}

/** Starts the helper on 127.0.0.1:4499; resolves to a function that stops it. */
export async function startHelper(): Promise<() => Promise<void>> {
  const issuer = `${HELPER_ORIGIN}/oidc`
  const server: Server = createServer((request, response) => {
    void read(request).then((text) => {
      const email = asText((JSON.parse(text || '{}') as { email?: unknown }).email)
      const send = (status: number, body?: unknown) => {
        response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
        response.end(body === undefined ? undefined : JSON.stringify(body))
      }
      switch (request.url) {
        case '/oidc/.well-known/openid-configuration':
          return send(200, {
            issuer,
            authorization_endpoint: `${issuer}/auth`,
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            userinfo_endpoint: `${issuer}/userinfo`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          })
        case '/hooks/before-save':
          if (email.startsWith('interrupt-')) return send(400, { messages: [{ instance_ptr: '#/traits/email', messages: [HOOK_MESSAGE] }] })
          return send(204)
        case '/hooks/after-save':
          return email.startsWith('fail-') ? send(500, { error: 'the hook failed' }) : send(204)
        default:
          return send(404)
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(4499, '127.0.0.1', resolve)
  })
  return () => new Promise((resolve) => server.close(() => resolve()))
}
