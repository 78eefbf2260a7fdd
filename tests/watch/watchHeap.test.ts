import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { RenderPool } from '../../src/build/renderPool.ts';
import { WATCH_NODE_FLAG, WATCH_SEMI_SPACE_MB, watchWorkerLimits } from '../../src/watch/watchHeap.ts';
import { watchRenderPool } from '../../src/watch/watchThreads.ts';

const repo = new URL('../../', import.meta.url);
const scripts = (JSON.parse(readFileSync(new URL('package.json', repo), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The young generation (MB) a pool's first worker thread was started with. */
async function workerYoungGeneration(pool: RenderPool): Promise<number | undefined> {
  const worker = (pool as unknown as { pool: { threads: Worker[] } }).pool.threads[0]!;
  if (Object.keys(worker.resourceLimits ?? {}).length === 0) await once(worker, 'online');
  return worker.resourceLimits?.maxYoungGenerationSizeMb;
}

describe('the young generation of watch mode', () => {
  it('is given to the watch process by npm run watch, and to the benches, not to a one-shot build', () => {
    expect(scripts.watch).toBe(`node ${WATCH_NODE_FLAG} bin/leaflets.js watch`);
    // The in-process benches (retention, large locale) render as a watch process does.
    expect(scripts.bench).toBe(`node ${WATCH_NODE_FLAG} bin/run-ts.js scripts/bench.ts`);
    expect(scripts.build).toBe('node bin/leaflets.js build');
  });

  it('is given to the watch session\'s render worker threads, as three semi-spaces, and not to a build\'s', async () => {
    expect(watchWorkerLimits.maxYoungGenerationSizeMb).toBe(3 * WATCH_SEMI_SPACE_MB);
    const watchPool = watchRenderPool(1);
    const buildPool = new RenderPool(1);
    try {
      expect(await workerYoungGeneration(watchPool)).toBe(3 * WATCH_SEMI_SPACE_MB);
      expect(await workerYoungGeneration(buildPool)).toBeLessThan(3 * WATCH_SEMI_SPACE_MB);
    } finally {
      await Promise.all([watchPool.close(), buildPool.close()]);
    }
  });
});
