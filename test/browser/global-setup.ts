import type { TestProject } from 'vitest/node'
import type { MockKratosHandler } from '../../src/mock/index.js'
import { serveMockKratos } from '../helpers/serve-mock-kratos.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The mock Kratos' base URL: another loopback port than the page's, so calls are cross-origin. */
    kratosUrl: string
  }
}

/** Serves the mock Kratos on 127.0.0.1 with CORS for credentialed requests, as Kratos is configured for a SPA. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kratos = await serveMockKratos('/auth', {}, withCors)
  project.provide('kratosUrl', kratos.baseUrl)
  return kratos.close
}

/** Answers CORS preflights and lets the page read credentialed responses, as Kratos' CORS settings do for allowed origins. */
function withCors(kratos: MockKratosHandler) {
  return async (request: Request): Promise<Response | undefined> => {
    const origin = request.headers.get('origin')
    const cors: Record<string, string> = origin === null ? {} : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
    if (request.method === 'OPTIONS') {
      const allowHeaders = request.headers.get('access-control-request-headers') ?? ''
      return new Response(null, { status: 204, headers: { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': allowHeaders } })
    }
    const response = await kratos(request)
    for (const [name, value] of Object.entries(cors)) response?.headers.set(name, value)
    return response
  }
}
