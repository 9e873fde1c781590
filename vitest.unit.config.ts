import { defineConfig, mergeConfig } from 'vitest/config'
import mutation from './vitest.mutation.config.js'

// The fast inner loop (`npm run test:unit`): the files StrykerJS runs (node tests that exercise src/
// directly, property tests at their low KRATOS_SETTINGS_MUTATION run counts), minus the slowest, run
// without a fresh module graph per file. `npm test` still runs everything, isolated.
export default mergeConfig(
  mutation,
  defineConfig({
    test: {
      // 1,000 concurrent users through two real HTTP servers: a third of the time of all the others.
      exclude: ['test/unit/client/create-kratos-client.isolation.test.ts'],
      // Processes, not threads: the memory tests read the process' resident set size.
      pool: 'forks',
      // One module graph per worker instead of per file, which halves the time. Safe here: the tests
      // restore what they change (msw stops listening after each file, fake timers and stubbed
      // globals are undone after each test), and the suite passes in shuffled orders.
      isolate: false,
      // The default on two cores is one worker; the tests mostly wait on sockets and timers.
      maxWorkers: 2,
    },
  }),
)
