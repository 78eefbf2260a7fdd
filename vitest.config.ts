import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/support/freshDist.ts'],
    // The date review-due checks count as today (src/lint/reviewDates.ts), so no test changes with the calendar.
    env: { LEAFLETS_TODAY: '2026-11-30' },
    setupFiles: ['tests/support/layoutMemoHook.ts'],
  },
});
