import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
// The SDK's own ky (the bench's contender may pin another version), for the SDK's share of its bundle.
const root = fileURLToPath(new URL('..', import.meta.url))
const CALL = `const cookie = undefined; const done = (id) => console.log(id)`

/** One call from a browser page, for each contender, as an app would write it. */
const entries: Record<string, string> = {
  'raw fetch': `fetch('https://auth.example.com/self-service/settings/browser', { headers: { accept: 'application/json' }, credentials: 'include' }).then((r) => r.json()).then((f) => console.log(f.id))`,
  'kratos-settings': `import { createKratosClient } from 'kratos-settings'; ${CALL}; createKratosClient({ baseUrl: 'https://auth.example.com' }).createBrowserSettingsFlow().then((r) => done(r.kind))`,
  ky: `import ky from 'ky'; ky.get('https://auth.example.com/self-service/settings/browser').json().then((f) => console.log(f.id))`,
  '@ory/client-fetch': `import { Configuration, FrontendApi } from '@ory/client-fetch'; new FrontendApi(new Configuration({ basePath: 'https://auth.example.com', credentials: 'include' })).createBrowserSettingsFlow().then((f) => console.log(f.id))`,
  '@ory/client (axios)': `import { Configuration, FrontendApi } from '@ory/client'; new FrontendApi(new Configuration({ basePath: 'https://auth.example.com', baseOptions: { withCredentials: true } })).createBrowserSettingsFlow().then((r) => console.log(r.data.id))`,
  'openapi-fetch': `import createClient from 'openapi-fetch'; createClient({ baseUrl: 'https://auth.example.com' }).GET('/self-service/settings/browser').then((r) => console.log(r.data.id))`,
}

export interface BundleSize {
  readonly minified: number
  readonly gzip: number
}

const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length

async function bundle(contents: string, resolveDir = here) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.contents
}

async function sizeOf(name: string, resolveDir?: string): Promise<BundleSize> {
  const output = await bundle(entries[name]!, resolveDir)
  return { minified: output.length, gzip: gzip(output) }
}

/** kratos-settings' browser bundle for one call, ky included. */
export function ourBundleSize(): Promise<BundleSize> {
  return sizeOf('kratos-settings')
}

/** ky's browser bundle for one call alone, ky as the SDK depends on it: subtracted from ours, it leaves our own part. */
export function kyBundleSize(): Promise<BundleSize> {
  return sizeOf('ky', root)
}

/** Each contender's browser bundle for one call: esbuild, minified, gzip level 9. */
export async function bundleSizes(): Promise<Record<string, BundleSize>> {
  const sizes: Record<string, BundleSize> = {}
  for (const name of Object.keys(entries)) sizes[name] = await sizeOf(name)
  return sizes
}
