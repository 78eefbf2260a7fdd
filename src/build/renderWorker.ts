/**
 * A worker thread of the render pool. It keeps its own warm copy of the project (a store,
 * parsed files, fonts, partials) and, in watch mode, re-reads only the files changed since
 * its last task. Each task is one unit: compiled once, each output from the cache or rendered.
 */
import { workerData } from 'piscina';
import { loadRenderer } from '../render/loadRenderer.ts';
import { runThisThreadInBackground } from './backgroundThread.ts';
import { ProjectLoader } from './project.ts';
import { ProjectStore } from './store/projectStore.ts';
import { buildUnit, type UnitOutcome, type UnitTask } from './unitWork.ts';

export interface WorkerTask {
  task: UnitTask;
  /** Every input changed since the watch began, with the generation of its last change. */
  changes?: Array<[file: string, generation: number]>;
  /** Watch mode: run at low priority and collect garbage between tasks. */
  background?: boolean;
}

export interface WorkerResult {
  outcome: UnitOutcome;
  heapUsed: number;
}

/** What the pool tells each worker thread when it starts (see RenderPool's `warmRoot`). */
export interface WorkerStartData {
  /** The project the first task will name: load it and the renderer before that task arrives. */
  warmRoot?: string;
}

let state: { root: string; store: ProjectStore; loader: ProjectLoader; seen: Map<string, number> } | undefined;
let backgrounded = false;

/**
 * Run by the thread's entry before it reports itself ready (once idle, piscina blocks the
 * thread in Atomics.wait, which would stall this work until the first task came). A fresh
 * thread spends seconds loading modules and parsing the project; doing it while the build's
 * own thread still loads means the first task finds a warm thread. Failures here are left for
 * the task itself to meet and report.
 */
export async function warmUp(): Promise<void> {
  const warmRoot = (workerData as WorkerStartData | undefined)?.warmRoot;
  if (warmRoot === undefined) return;
  const store = new ProjectStore(warmRoot);
  state = { root: warmRoot, store, loader: new ProjectLoader(store), seen: new Map() };
  await Promise.all([state.loader.load(), loadRenderer(), import('./renderSession.ts')]).catch(() => undefined);
}

export default async function renderUnitTask({ task, changes = [], background = false }: WorkerTask): Promise<WorkerResult> {
  if (background && !backgrounded) {
    runThisThreadInBackground();
    backgrounded = true;
  }
  if (state?.root !== task.root) {
    const store = new ProjectStore(task.root);
    state = { root: task.root, store, loader: new ProjectLoader(store), seen: new Map(changes) };
  } else {
    const seen = state.seen;
    const stale = changes.filter(([file, generation]) => (seen.get(file) ?? -1) < generation);
    state.store.invalidate(stale.map(([file]) => file));
    for (const [file, generation] of stale) seen.set(file, generation);
  }
  const project = await state.loader.load();
  const outcome = await buildUnit(task, project, state.store);
  if (background) {
    // The thread only renders in the background, so a pause here costs no one.
    const { collectGarbage } = await import('./collectGarbage.ts');
    collectGarbage();
  }
  return { outcome, heapUsed: process.memoryUsage().heapUsed };
}
