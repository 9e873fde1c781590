import type { TestProject } from 'vitest/node'
import { serveMockKratos, withCors } from '../../helpers/serve-mock-kratos.js'

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
