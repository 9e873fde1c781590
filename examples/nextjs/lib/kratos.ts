import { createKratosClient, type KratosClient } from 'kratos-settings'

let client: KratosClient | undefined

/** One client for the whole server, on Kratos' public URL from `KRATOS_URL`: it holds no per-user state. */
export function kratos(): KratosClient {
  const url = process.env.KRATOS_URL
  if (url === undefined || url === '') throw new Error('Set KRATOS_URL to Kratos’ public URL, for example http://127.0.0.1:4433')
  client ??= createKratosClient({ baseUrl: url })
  return client
}

/** This app's URL for `path` as the browser addressed it (behind a proxy, `request.url` may name another host). */
export function appUrl(headers: Headers, path: string): string {
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${headers.get('host')}${path}`
}
