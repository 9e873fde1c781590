import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { kyBundleSize, ourBundleSize } from '../../bench/bundles.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Bundles an entry for the browser as an app's bundler would; returns the packages in it. */
async function bundledPackages(entry: string): Promise<Set<string>> {
  const { metafile } = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const packages = Object.keys(metafile.inputs).map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? '(ours)')
  return new Set(packages)
}

describe('the core bundled for the browser', () => {
  test('holds our code and ky only: no tough-cookie, tldts or msw', async () => {
    expect(await bundledPackages('src/index.ts')).toEqual(new Set(['(ours)', 'ky']))
  })

  // Growth is a decision: raise this limit in the change that needs it, and say why (BENCHMARKS.md).
  test('one call, minified and gzipped, is at most 20 KB with ky, and our own part under 10.6 KB', async () => {
    const { gzip, minified } = await ourBundleSize()
    const ours = gzip - (await kyBundleSize()).gzip
    console.log(`size: ${(gzip / 1024).toFixed(2)} KB gzip (${(minified / 1024).toFixed(2)} KB minified), ${(ours / 1024).toFixed(2)} KB of it ours`)
    expect(gzip).toBeLessThanOrEqual(20 * 1024)
    expect(ours).toBeLessThan(10.6 * 1024)
  })

  test('the same check sees tough-cookie in the cookies entry, so it can fail', async () => {
    expect(await bundledPackages('src/cookies/index.ts')).toContain('tough-cookie')
  })
})
