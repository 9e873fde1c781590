import { defineConfig } from 'vitest/config'

// The unit suite, for StrykerJS (`npm run test:mutation`): no build, no browser, no Next.js, no
// Prism, no packed tarball; each mutant runs only the tests that cover it. The bodies built to cost
// memory are left out: slow, and they prove bounds that the unit tests of json.ts prove too.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/response/to-result.hostile-bodies.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    env: { KRATOS_SETTINGS_MUTATION: '1' },
  },
})
