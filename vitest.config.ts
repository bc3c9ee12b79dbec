// vitest: the suites under tests/suites and the unit tests beside the code; guest
// programs run as child processes, so give them time, and a translation cache of their own
// (support/global-setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/suites/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/suites/support/global-setup.ts'],
  },
});
