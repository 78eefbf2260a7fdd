import type { ProjectSnapshot } from './project.ts';
import type { RenderPool } from './renderPool.ts';
import type { ProjectStore } from './store/projectStore.ts';
import type { UnitOutcome, UnitTask } from './unitWork.ts';

/**
 * Runs unit tasks in the order given (most expensive first, so the threads finish together):
 * in this thread when one thread is asked for or there is a single unit, else in this thread
 * and on a pool of worker threads, with at most one task in flight per thread. Outcomes arrive
 * as they finish; the caller puts them in a stable order, so the output is the same whatever
 * the timing.
 */
export async function runUnits(
  tasks: UnitTask[],
  context: {
    threads: number;
    project: () => Promise<ProjectSnapshot>;
    store: ProjectStore;
    unitsPerWorker?: number;
    /** Worker threads already started (warming up) for `threads - 1` lanes; the caller closes it. */
    pool?: Promise<RenderPool>;
  },
  onOutcome: (outcome: UnitOutcome) => void,
): Promise<void> {
  if (tasks.length === 0) return;
  const inThisThread = async (task: UnitTask) => {
    const [{ buildUnit }, project] = await Promise.all([import('./unitWork.ts'), context.project()]);
    return buildUnit(task, project, context.store);
  };
  if (context.threads <= 1 || tasks.length === 1) {
    for (const task of tasks) onOutcome(await inThisThread(task));
    return;
  }
  // This thread renders too, from the start, while the worker threads load and warm up: one
  // lane here and one per worker, so `threads` threads render in all.
  const lanes = Math.min(context.threads, tasks.length);
  const owned = context.pool === undefined;
  const pool = owned
    ? new (await import('./renderPool.ts')).RenderPool(lanes - 1, {
        warmRoot: tasks[0]!.root,
        ...(context.unitsPerWorker === undefined ? {} : { unitsPerWorker: context.unitsPerWorker }),
      })
    : await context.pool!;
  try {
    let next = 0;
    const lane = async (index: number) => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        let outcome: UnitOutcome;
        try {
          outcome = index === 0 ? await inThisThread(task) : (await pool.run({ task })).outcome;
        } catch (error) {
          outcome = crashedOutcome(task, error);
        }
        onOutcome(outcome);
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, index) => lane(index)));
  } finally {
    if (owned) await pool.close();
  }
}

/** A worker thread died mid-task (out of memory, a native crash): the unit fails with an internal error. */
export function crashedOutcome(task: UnitTask, error: unknown): UnitOutcome {
  const file = `content/${task.unit.locale}/${task.unit.leafletId}.md`;
  const failure = error instanceof Error ? error : new Error(String(error));
  const diagnostic = {
    file,
    severity: 'error' as const,
    rule: 'internal-error',
    source: 'render',
    message: `Internal error: the render thread stopped: ${failure.message.split('\n')[0]}`,
    note: 'This is a fault in leaflets or a library it uses; the other leaflets were built. Run with --verbose for the stack trace and report it.',
    ...(failure.stack ? { stack: failure.stack } : {}),
  };
  return {
    unit: task.unit,
    strict: task.strict,
    reads: [],
    diagnostics: [diagnostic],
    compiled: false,
    internalError: true,
    outputs: task.targets.map((target) => ({ target, file: '', status: 'failed' as const, rendered: false, diagnostics: [], meta: {}, ms: 0 })),
    ms: 0,
  };
}
