import { afterEach } from 'vitest';

/** Puts LEAFLETS_JOBS back as the test run set it after each test of the file that calls this (tests set and delete it). */
export function restoreLeafletsJobsAfterEach(): void {
  const pinned = process.env.LEAFLETS_JOBS;
  afterEach(() => {
    if (pinned === undefined) delete process.env.LEAFLETS_JOBS;
    else process.env.LEAFLETS_JOBS = pinned;
  });
}
