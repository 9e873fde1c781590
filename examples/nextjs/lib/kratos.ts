import { createKratosClient, type KratosClient } from 'kratos-settings'

let client: KratosClient | undefined

/** Kratos' public URL, read at run time so that one build serves every environment. */
export function kratosUrl(): string {
  const url = process.env.KRATOS_URL
  if (url === undefined || url === '') throw new Error('Set KRATOS_URL to Kratos’ public URL, for example http://127.0.0.1:4433')
  return url
}

/** One client for the whole server: it holds no per-user state, so concurrent requests share it. */
export function kratos(): KratosClient {
  client ??= createKratosClient({ baseUrl: kratosUrl() })
  return client
}
