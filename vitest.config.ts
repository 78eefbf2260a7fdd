import { defineConfig } from 'vitest/config';

const TEST_FILES = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];
/**
 * Test files that need a module graph and process state of their own: they check what loads a
 * module for the first time (the layout memos' shims), mock a Node module, or change the
 * environment, memos or clock of the process they run in.
 */
const OWN_MODULES = [
  'tests/build/threadCount.test.ts',
  'tests/watch/watchThreads.test.ts',
  'tests/render/colorStringShim.test.ts',
  'tests/render/emojiPattern.test.ts',
  'tests/render/fnsShim.test.ts',
  'tests/render/loadRenderer.test.ts',
  'tests/render/layoutMemo.test.tsx',
  'tests/render/pageStreams.test.ts',
  'tests/compile/templatePieces.test.ts',
  'tests/lint/reviewDates.test.ts',
];

export default defineConfig({
  test: {
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
    projects: [
      // The rest share each worker's modules from one test file to the next: loading react-pdf,
      // pdf.js and the pipeline again for every file took about a sixth of the suite's time.
      { extends: true, test: { name: 'shared', include: TEST_FILES, exclude: OWN_MODULES, isolate: false } },
      { extends: true, test: { name: 'isolated', include: OWN_MODULES, isolate: true } },
    ],
  },
});
