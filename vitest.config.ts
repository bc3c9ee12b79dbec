// vitest: the suites under tests/suites and the unit tests beside the code; guest
// programs run as child processes, so give them time, and a translation cache of their own
// (support/global-setup.ts). Two workers, one a core: most of a file's time is spent
// waiting on a guest program (single-threaded JavaScript), so one worker (vitest's default
// here: cores - 1) left a core mostly idle.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/suites/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/suites/support/global-setup.ts'],
  },
});
