import type { TestProject } from 'vitest/node'
import { serve } from '../../examples/demo/serve.js'
import { createMockKratos } from '../../src/msw/index.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The mock Kratos' base URL: another loopback port than the page's, so calls are cross-origin. */
    kratosUrl: string
  }
}

/** Serves the mock Kratos on 127.0.0.1 with CORS for credentialed requests, as Kratos is configured for a SPA. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let kratos: (request: Request) => Response | undefined = () => undefined
  const server = await serve((request) => {
    const origin = request.headers.get('origin')
    const cors: Record<string, string> = origin === null ? {} : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
    if (request.method === 'OPTIONS') {
      const allowHeaders = request.headers.get('access-control-request-headers') ?? ''
      return new Response(null, { status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': allowHeaders } })
    }
    const response = kratos(request)
    if (response === undefined) return undefined
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value)
    return response
  })
  kratos = createMockKratos({ baseUrl: `${server.origin}/auth` })
  project.provide('kratosUrl', `${server.origin}/auth`)
  return server.close
}
