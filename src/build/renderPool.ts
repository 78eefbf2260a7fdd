import { Piscina } from 'piscina';
import type { ResourceLimits } from 'node:worker_threads';
import type { WorkerResult, WorkerStartData, WorkerTask } from './renderWorker.ts';

/** Heap a render worker may reach before the pool is replaced (react-pdf has leaked before). */
const DEFAULT_HEAP_LIMIT = 512 * 1024 * 1024;
/** Units a worker renders before it is replaced, so memory stays bounded on any project size. */
export const DEFAULT_UNITS_PER_WORKER = 40;

/**
 * Worker threads that build units (renderWorkerEntry.mjs loads the worker). Every
 * `unitsPerWorker x threads` tasks, or when a worker's heap passes the limit, the pool is
 * replaced: the old one finishes its running tasks and its threads exit, returning their
 * memory, before the new one starts.
 */
export class RenderPool {
  private pool: Piscina<WorkerTask, WorkerResult>;
  private tasksInPool = 0;
  private recycling: Promise<void> | undefined;
  recycled = 0;

  constructor(
    readonly threads: number,
    private readonly options: { unitsPerWorker?: number; heapLimit?: number; warmRoot?: string; resourceLimits?: ResourceLimits } = {},
  ) {
    this.pool = this.createPool();
  }

  async run(task: WorkerTask): Promise<WorkerResult> {
    if (this.tasksInPool >= (this.options.unitsPerWorker ?? DEFAULT_UNITS_PER_WORKER) * this.threads) await this.recycle();
    await this.recycling;
    const pool = this.pool;
    this.tasksInPool += 1;
    const result = await pool.run(task);
    if (result.heapUsed > (this.options.heapLimit ?? DEFAULT_HEAP_LIMIT) && pool === this.pool) await this.recycle();
    return result;
  }

  /** Ends every worker thread. */
  async close(): Promise<void> {
    await this.recycling;
    await this.pool.destroy();
  }

  /**
   * Replaces the pool once its running tasks finish; tasks asked for meanwhile wait. So no more
   * than `threads` workers ever exist at once, and peak memory stays that of one pool.
   */
  private recycle(): Promise<void> {
    this.recycling ??= (async () => {
      const old = this.pool;
      this.tasksInPool = 0;
      this.recycled += 1;
      await old.close().catch(() => undefined);
      this.pool = this.createPool();
    })().finally(() => (this.recycling = undefined));
    return this.recycling;
  }

  private createPool(): Piscina<WorkerTask, WorkerResult> {
    const pool = new Piscina<WorkerTask, WorkerResult>({
      filename: new URL('./renderWorkerEntry.mjs', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      ...(this.options.resourceLimits === undefined ? {} : { resourceLimits: this.options.resourceLimits }),
      // Threads start loading the project and the renderer at once, before their first task.
      ...(this.options.warmRoot === undefined ? {} : { workerData: { warmRoot: this.options.warmRoot } satisfies WorkerStartData }),
    });
    // A worker that dies fails its task (reported as an internal error); Piscina starts another.
    pool.on('error', () => undefined);
    return pool;
  }
}
