import { Piscina } from 'piscina';
import type { RenderTask, RenderTaskResult } from './renderWorker.ts';

/** Heap a render worker may reach before it is replaced (react-pdf has leaked before). */
const DEFAULT_HEAP_LIMIT = 512 * 1024 * 1024;

/**
 * Worker threads for background editions (renderWorkerEntry.mjs loads the TypeScript worker). A worker whose heap passes the limit is retired: the pool is
 * replaced and the old one drains its running tasks before it is destroyed.
 */
export class RenderWorkerPool {
  private pool: Piscina<RenderTask, RenderTaskResult>;
  recycled = 0;

  constructor(
    readonly threads: number,
    private readonly heapLimit = DEFAULT_HEAP_LIMIT,
  ) {
    this.pool = this.createPool();
  }

  async run(task: RenderTask): Promise<RenderTaskResult> {
    const pool = this.pool;
    const result = await pool.run(task);
    if (result.heapUsed > this.heapLimit && pool === this.pool) this.recycle();
    return result;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private recycle(): void {
    const old = this.pool;
    this.pool = this.createPool();
    this.recycled += 1;
    void old.close().catch(() => undefined);
  }

  private createPool(): Piscina<RenderTask, RenderTaskResult> {
    const pool = new Piscina<RenderTask, RenderTaskResult>({
      filename: new URL('./renderWorkerEntry.mjs', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    // A worker that dies fails its task (reported as a render error); Piscina starts another.
    pool.on('error', () => undefined);
    return pool;
  }
}
