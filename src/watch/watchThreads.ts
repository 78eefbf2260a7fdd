import { availableParallelism } from 'node:os';
import { RenderPool } from '../build/renderPool.ts';
import { pinnedThreads } from '../build/threadCount.ts';
import type { EditionId } from '../render/editions.ts';
import { watchWorkerLimits } from './watchHeap.ts';

/**
 * Background render threads for watch mode. `jobs` counts every render thread, this one
 * included, as `build --jobs` does: `--jobs`, else `LEAFLETS_JOBS`, else one background thread
 * per spare core. Never more than the editions after the first (it renders here), and 0 (all
 * in this thread) with one edition or `jobs` 1.
 */
export function watchBackgroundThreads(editions: readonly EditionId[], jobs: number | undefined = pinnedThreads()): number {
  const others = Math.max(0, editions.length - 1);
  const wanted = jobs === undefined ? Math.max(1, availableParallelism() - 1) : jobs - 1;
  return Math.min(others, wanted);
}

/**
 * The watch session's background render threads, with watch mode's young generation
 * (watchHeap.ts). Watch tasks are single outputs: a worker is replaced after 200 of them, or
 * sooner past its heap limit.
 */
export const watchRenderPool = (threads: number): RenderPool => new RenderPool(threads, { unitsPerWorker: 200, resourceLimits: watchWorkerLimits });
