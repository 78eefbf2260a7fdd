/**
 * A worker thread that renders editions in the background while the main thread renders the
 * edition a reader is waiting for. It keeps its own warm copy of the project (fonts parsed,
 * partials compiled) and re-reads only the files changed since its last task.
 */
import { buildProject, type BuildReport } from '../build/buildProject.ts';
import type { EditionId } from '../render/editions.ts';
import { collectGarbage } from './collectGarbage.ts';
import { LiveProject } from './liveProject.ts';
import { runThisThreadInBackground } from '../build/backgroundThread.ts';
import { updateSite } from './updateSite.ts';

export type WorkerJob =
  | { kind: 'render'; leafletId: string; locale: string; edition: EditionId }
  /** Bring the website files (manifest, covers, downloads page) up to date with the PDFs on disk. */
  | { kind: 'site' };

export interface RenderTask {
  root: string;
  outDir: string;
  strict: boolean;
  job: WorkerJob;
  /** Every input file changed since the watch began, with the generation of its last change. */
  changes: Array<[file: string, generation: number]>;
}

export interface RenderTaskResult {
  report: BuildReport;
  heapUsed: number;
}

runThisThreadInBackground();

let live: LiveProject | undefined;
const seen = new Map<string, number>();

export default async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  if (live?.root !== task.root) {
    // Read fresh from disk: already up to date with every change listed.
    live = await LiveProject.load(task.root);
    seen.clear();
    for (const [file, generation] of task.changes) seen.set(file, generation);
  } else {
    const stale = task.changes.filter(([file, generation]) => (seen.get(file) ?? -1) < generation);
    if (stale.length > 0) {
      await live.apply(stale.map(([file]) => file));
      for (const [file, generation] of stale) seen.set(file, generation);
    }
  }
  const { job } = task;
  const report =
    job.kind === 'site'
      ? await updateSite(task.outDir, live.snapshot)
      : await buildProject(
          {
            root: task.root,
            outDir: task.outDir,
            strict: task.strict,
            editions: [job.edition],
            outputs: [{ leafletId: job.leafletId, locale: job.locale }],
            writeSite: false,
            measureReadingEase: false,
            flushToDisk: false,
          },
          live.snapshot,
        );
  // Collect between tasks: the worker only renders in the background, so the pause costs no one.
  collectGarbage();
  return { report, heapUsed: process.memoryUsage().heapUsed };
}
