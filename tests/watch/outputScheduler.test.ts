import { describe, expect, it } from 'vitest';
import { OutputScheduler, type KeyedJob } from '../../src/watch/outputScheduler.ts';

interface Job extends KeyedJob {
  version: number;
}

/** A scheduler whose jobs finish when the test says so, recording what ran and overlapped. */
function harness(capacities: Record<string, number>, yieldsTo: Record<string, string> = {}) {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const running = new Set<string>();
  let overlaps = 0;
  const scheduler = new OutputScheduler<Job, string>(
    capacities,
    (job) =>
      new Promise((resolve) => {
        if (running.has(job.key)) overlaps += 1;
        running.add(job.key);
        started.push(`${job.key}@${job.version}`);
        finishers.set(job.key, () => {
          running.delete(job.key);
          resolve(job.key);
        });
      }),
    () => undefined,
    yieldsTo,
  );
  const finish = async (key: string) => {
    finishers.get(key)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { scheduler, started, finish, overlaps: () => overlaps };
}

const job = (key: string, version: number, priority = 0, lane = 'main', urgent = false): Job => ({ key, lane, priority, version, urgent });

describe('OutputScheduler', () => {
  it('never runs the same output twice at once, and runs it once more with the latest request', async () => {
    const { scheduler, started, finish, overlaps } = harness({ main: 2 });
    scheduler.request([job('a', 1)]);
    scheduler.request([job('a', 2)]);
    scheduler.request([job('a', 3)]);
    expect(started).toEqual(['a@1']);
    await finish('a');
    expect(started).toEqual(['a@1', 'a@3']);
    await finish('a');
    expect(scheduler.isIdle()).toBe(true);
    expect(overlaps()).toBe(0);
  });

  it('merges requests for an output that has not started, and runs the most urgent first', async () => {
    const { scheduler, started, finish } = harness({ main: 1 });
    scheduler.request([job('busy', 1)]);
    scheduler.request([job('later', 1, 5), job('soon', 1, 1), job('later', 2, 5)]);
    await finish('busy');
    await finish('soon');
    await finish('later');
    expect(started).toEqual(['busy@1', 'soon@1', 'later@2']);
    await scheduler.idle();
  });

  it('runs lanes side by side', () => {
    const { scheduler, started } = harness({ main: 1, workers: 1 });
    scheduler.request([job('a5', 1, 0, 'main'), job('a4', 1, 1, 'workers'), job('large', 1, 1, 'workers')]);
    expect(started).toEqual(['a5@1', 'a4@1']);
  });

  it('holds a yielding lane back while the other lane has urgent work, and only then', async () => {
    const { scheduler, started, finish } = harness({ main: 1, workers: 1 }, { workers: 'main' });
    // A first build: nothing urgent, both lanes busy at once.
    scheduler.request([job('en/a5', 1, 0, 'main'), job('en/a4', 1, 1, 'workers')]);
    expect(started).toEqual(['en/a5@1', 'en/a4@1']);
    await finish('en/a5');
    await finish('en/a4');
    // A save: its A5 is urgent, so the background edition waits for it.
    scheduler.request([job('cy/a5', 2, 0, 'main', true), job('cy/a4', 2, 1, 'workers')]);
    expect(started.slice(2)).toEqual(['cy/a5@2']);
    await finish('cy/a5');
    expect(started.slice(2)).toEqual(['cy/a5@2', 'cy/a4@2']);
    await finish('cy/a4');
    await scheduler.idle();
  });
});
