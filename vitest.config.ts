import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumForTests } from './test/helpers/chromium.js'
import { freePort } from './test/helpers/http-server.js'

const typescript7 = fileURLToPath(new URL('./node_modules/typescript7/bin/tsc', import.meta.url))
const { launchOptions } = await chromiumForTests()
const chromium = playwright({ launchOptions })
// The browser tests' page origin, known before they start: the mock Kratos allows it (and only it) by CORS.
process.env['BROWSER_TESTS_PORT'] ??= String(await freePort())
const typeTests = { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' }

export default defineConfig({
  test: {
    projects: [
      // Three suites. unit: test/unit/ mirrors src/ file for file (a file's own aspects in
      // <file>.<aspect>.test.ts); what mutation testing runs. contract: the SDK and the mock held to
      // Kratos (behaviour rows, recordings, the OpenAPI document, Prism, fuzz). package: what users
      // install (the packed tarball, consumer types, runtimes, the examples, real browsers).
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // Memory tests collect garbage before they take a baseline.
          execArgv: ['--expose-gc'],
        },
      },
      { test: { name: 'contract', include: ['test/contract/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          globalSetup: ['test/package/browser/browsers-line.ts', 'test/package/browser/global-setup.ts'],
          // The page's origin: the mock Kratos allows this one by CORS, as Kratos' serve.public.cors would.
          api: { host: '127.0.0.1', port: Number(process.env['BROWSER_TESTS_PORT']), strictPort: true },
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
          },
        },
        // The page on 127.0.0.1 like the mock Kratos: another port, the same site.
        server: { host: '127.0.0.1' },
      },
      // Type tests run under both compilers: tools need TypeScript 5.9, users compile with 7.
      { test: { name: 'types', include: [], typecheck: typeTests } },
      { test: { name: 'types-ts7', include: [], typecheck: { ...typeTests, checker: typescript7 } } },
    ],
  },
})
