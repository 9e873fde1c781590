import type { TestProject } from 'vitest/node'
import { serveMockKratos } from '../../helpers/serve-mock-kratos.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The mock Kratos' base URL: another loopback port than the page's, so calls are cross-origin. */
    kratosUrl: string
  }
}

/** Serves the mock Kratos on 127.0.0.1 with CORS for the test page's origin only, as Kratos is configured for a SPA. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kratos = await serveMockKratos('/auth', { corsOrigins: [`http://127.0.0.1:${process.env['BROWSER_TESTS_PORT']}`] })
  project.provide('kratosUrl', kratos.baseUrl)
  return kratos.close
}
