import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at once: vitest's default on 2 cores is one, and the suite then took 10 minutes.
    maxWorkers: 2,
    globalSetup: ['tests/support/freshDist.ts', 'tests/support/sharedBuildDir.ts'],
    // The date review-due checks count as today (src/lint/reviewDates.ts), so no test changes with the calendar.
    // Builds render in one thread unless a test asks for more: on a 2-core machine each worker
    // thread's start-up (seconds of CPU) would compete with the other test files.
    env: { LEAFLETS_TODAY: '2026-11-30', LEAFLETS_JOBS: '1' },
    setupFiles: ['tests/support/layoutMemoHook.ts'],
  },
});
