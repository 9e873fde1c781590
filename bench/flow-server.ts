// The Kratos stand-in the bench calls: a node:http server on 127.0.0.1 answering
// GET …/self-service/settings/browser with a realistic settings flow of about 8 KB and a CSRF
// Set-Cookie. Run as a child process, so that it has its own event loop (and core).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { makeSettingsFlow } from 'kratos-settings/mock'

const flow = makeSettingsFlow({ id: '7a0c2a4e-5b7e-4a0f-9d6e-1f2b3c4d5e6f' })
// Grow the flow to a typical size with the nodes of the methods a real account shows.
const template = flow.ui.nodes[5]!
for (const group of ['totp', 'lookup_secret', 'webauthn', 'passkey', 'oidc'] as const) {
  for (let index = 0; index < 5; index++) {
    const node = structuredClone(template)
    node.group = group
    if (node.attributes.node_type === 'input') node.attributes.name = `${group}_${index}`
    flow.ui.nodes.push(node)
  }
}
const body = JSON.stringify(flow)
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(body)),
  'set-cookie': 'csrf_token_806060ca5bf70dff3caa0e5c860002aade9d470a5a4dce73bcfa7ba10778f481=q7Rm+2b/Hk9vXw1s0Tn3aJcY8dL4eP6uFzQxG5iKoAE=; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax',
}

const server = createServer((request, response) => {
  if (request.url?.split('?')[0]?.endsWith('/self-service/settings/browser')) response.writeHead(200, headers).end(body)
  else response.writeHead(404).end()
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port, bytes: Buffer.byteLength(body) })
})
process.on('disconnect', () => server.close(() => process.exit(0)))
