import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { WorkerResult, WorkerTask } from './renderWorker.ts';

/** Heap a render worker may reach before the pool is replaced (react-pdf has leaked before). */
const DEFAULT_HEAP_LIMIT = 512 * 1024 * 1024;
/** Units a worker renders before it is replaced, so memory stays bounded on any project size. */
export const DEFAULT_UNITS_PER_WORKER = 40;

/** One render thread per core. */
export const defaultThreads = (): number => Math.max(1, availableParallelism());

/**
 * Worker threads that build units (renderWorkerEntry.mjs loads the worker). Every
 * `unitsPerWorker x threads` tasks, or when a worker's heap passes the limit, the pool is
 * replaced: the old one finishes its running tasks, then its threads exit, returning their memory.
 */
export class RenderPool {
  private pool: Piscina<WorkerTask, WorkerResult>;
  private tasksInPool = 0;
  private readonly draining = new Set<Promise<void>>();
  recycled = 0;

  constructor(
    readonly threads: number,
    private readonly options: { unitsPerWorker?: number; heapLimit?: number } = {},
  ) {
    this.pool = this.createPool();
  }

  async run(task: WorkerTask): Promise<WorkerResult> {
    // Callers keep at most `threads` tasks in flight, so a retired pool only finishes running ones.
    if (this.tasksInPool >= (this.options.unitsPerWorker ?? DEFAULT_UNITS_PER_WORKER) * this.threads) this.recycle();
    const pool = this.pool;
    this.tasksInPool += 1;
    const result = await pool.run(task);
    if (result.heapUsed > (this.options.heapLimit ?? DEFAULT_HEAP_LIMIT) && pool === this.pool) this.recycle();
    return result;
  }

  /** Ends every worker thread (finishing none that are queued). */
  async close(): Promise<void> {
    await Promise.all([this.pool.destroy(), ...this.draining]);
  }

  private recycle(): void {
    const old = this.pool;
    this.pool = this.createPool();
    this.tasksInPool = 0;
    this.recycled += 1;
    const drained = old.close().catch(() => undefined);
    this.draining.add(drained);
    void drained.then(() => this.draining.delete(drained));
  }

  private createPool(): Piscina<WorkerTask, WorkerResult> {
    const pool = new Piscina<WorkerTask, WorkerResult>({
      filename: new URL('./renderWorkerEntry.mjs', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    // A worker that dies fails its task (reported as an internal error); Piscina starts another.
    pool.on('error', () => undefined);
    return pool;
  }
}
