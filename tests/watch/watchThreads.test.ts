import { describe, expect, it, vi } from 'vitest';
import { restoreLeafletsJobsAfterEach } from '../support/pinnedJobs.ts';

const cores = vi.hoisted(() => ({ count: 2 }));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => cores.count }));

const { watchBackgroundThreads } = await import('../../src/watch/watchThreads.ts');

const FOUR = ['a5', 'a4', 'booklet', 'large-print'] as const;

describe('background render threads in watch mode', () => {
  restoreLeafletsJobsAfterEach();

  it('without LEAFLETS_JOBS: one per spare core, at least one, at most one per edition after the first', () => {
    delete process.env.LEAFLETS_JOBS;
    const threadsFor = (count: number) => ((cores.count = count), watchBackgroundThreads([...FOUR]));
    expect([1, 2, 3, 4, 8].map(threadsFor)).toEqual([1, 1, 2, 3, 3]);
    expect(watchBackgroundThreads(['a5'])).toBe(0);
  });

  it('takes LEAFLETS_JOBS as render threads in all, this one included, as build does', () => {
    cores.count = 8;
    process.env.LEAFLETS_JOBS = '1';
    expect(watchBackgroundThreads([...FOUR])).toBe(0);
    process.env.LEAFLETS_JOBS = '2';
    expect(watchBackgroundThreads([...FOUR])).toBe(1);
    process.env.LEAFLETS_JOBS = '16';
    expect(watchBackgroundThreads([...FOUR])).toBe(3);
    for (const invalid of ['0', '-2', '1.5', 'all', '']) {
      process.env.LEAFLETS_JOBS = invalid;
      expect(watchBackgroundThreads([...FOUR])).toBe(3);
    }
  });

  it('lets --jobs override LEAFLETS_JOBS', () => {
    cores.count = 8;
    process.env.LEAFLETS_JOBS = '1';
    expect(watchBackgroundThreads([...FOUR], 3)).toBe(2);
  });
});
