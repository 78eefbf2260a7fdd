import { describe, expect, it, vi } from 'vitest';
import { restoreLeafletsJobsAfterEach } from '../support/pinnedJobs.ts';

const cores = vi.hoisted(() => ({ count: 2 }));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => cores.count }));

const { defaultThreads } = await import('../../src/build/threadCount.ts');

describe('default render threads', () => {
  restoreLeafletsJobsAfterEach();

  it('gives each render thread two cores, and never fewer than one thread', () => {
    delete process.env.LEAFLETS_JOBS;
    const threadsFor = (count: number) => ((cores.count = count), defaultThreads());
    expect([1, 2, 3, 4, 8, 16].map(threadsFor)).toEqual([1, 1, 1, 2, 4, 8]);
  });

  it('takes LEAFLETS_JOBS when it is a whole number from 1, and ignores anything else', () => {
    cores.count = 8;
    process.env.LEAFLETS_JOBS = '3';
    expect(defaultThreads()).toBe(3);
    for (const invalid of ['0', '-2', '1.5', 'all', '']) {
      process.env.LEAFLETS_JOBS = invalid;
      expect(defaultThreads()).toBe(4);
    }
  });
});
