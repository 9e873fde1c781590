import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { ourBundleSize } from '../../bench/bundles.js'

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
  test('holds our code only: no tough-cookie, tldts or msw', async () => {
    expect(await bundledPackages('src/index.ts')).toEqual(new Set(['(ours)']))
  })

  // Growth is a decision: raise this limit in the change that needs it, and say why (BENCHMARKS.md).
  test('one call, minified and gzipped, is at most 9 KB', async () => {
    const { gzip, minified } = await ourBundleSize()
    console.log(`size: ${(gzip / 1024).toFixed(2)} KB gzip (${(minified / 1024).toFixed(2)} KB minified), all of it ours`)
    expect(gzip).toBeLessThanOrEqual(9 * 1024)
  })

  test('the same check sees tough-cookie in the cookies entry, so it can fail', async () => {
    expect(await bundledPackages('src/cookies/index.ts')).toContain('tough-cookie')
  })
})
