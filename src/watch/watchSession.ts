import { rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildProject, type BuildReport } from '../build/buildProject.ts';
import { affectedOutputs, type OutputPair } from '../build/dependencyGraph.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { outputPath } from '../emit/outputPaths.ts';
import { EDITION_IDS, type EditionId } from '../render/editions.ts';
import { collectGarbage } from './collectGarbage.ts';
import { InputWatcher } from './inputWatcher.ts';
import { LiveProject } from './liveProject.ts';
import { OutputScheduler, type KeyedJob } from './outputScheduler.ts';
import { RebuildTracker, type RebuildSummary } from './rebuildTracker.ts';
import type { WorkerJob } from './renderWorker.ts';
import { updateSite } from './updateSite.ts';
import { RenderWorkerPool } from './workerPool.ts';

export interface WatchOptions {
  root: string;
  outDir: string;
  /** The first edition is rendered first, in this thread; the others in worker threads. */
  editions: EditionId[];
  strict: boolean;
  /** Quiet time that ends a burst of file events; default 5 ms. */
  debounceMs?: number;
  /** Worker threads for the other editions; default one per spare core. 0 renders all in this thread. */
  workerThreads?: number;
  onRebuild?: (summary: RebuildSummary) => void;
  /** After the website files (manifest, covers, downloads page) caught up with a rebuild. */
  onSiteUpdated?: (report: BuildReport) => void;
  onError?: (error: unknown) => void;
}

export interface WatchSession {
  /** The first, full build. */
  initialBuild: Promise<RebuildSummary>;
  /** Resolves once no burst is being read and no output is pending or rendering. */
  idle(): Promise<void>;
  stats(): { rebuilds: number; workerRecycles: number };
  /** Stops watching; renders in progress finish, queued ones are dropped. */
  close(): Promise<void>;
}

interface OutputJob extends KeyedJob {
  work: WorkerJob;
}

interface JobResult {
  generation: number;
  report?: BuildReport;
  removed?: string[];
}

/**
 * A forced full collection shrinks the heap, and the next render then collects again and
 * again as the heap regrows: measured, it doubled the time of the render someone waits for.
 * So the watcher collects only after a long pause in editing.
 */
const IDLE_GC_DELAY_MS = 30_000;
const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');
const keyOf = (pair: OutputPair, edition: EditionId) => `${pair.locale}/${pair.leafletId}/${edition}`;

function defaultWorkerThreads(editions: EditionId[]): number {
  return editions.length > 1 ? Math.min(editions.length - 1, Math.max(1, availableParallelism() - 1)) : 0;
}

/**
 * Watch mode: a full build, then every burst of input changes rebuilds exactly the outputs
 * the dependency graph says it affects. A failed output is never written, so the last good
 * PDF stays in place until the input is fixed.
 */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const { root, outDir, editions, strict } = options;
  const live = await LiveProject.load(root);
  const threads = options.workerThreads ?? defaultWorkerThreads(editions);
  const pool = threads > 0 ? new RenderWorkerPool(threads) : undefined;
  /** Every input changed so far, with the generation of its last change: workers catch up from it. */
  const changedAt = new Map<string, number>();
  let rebuilds = 0;
  let resolveInitial: (summary: RebuildSummary) => void = () => {};
  const initialBuild = new Promise<RebuildSummary>((resolve) => (resolveInitial = resolve));

  const tracker = new RebuildTracker((summary) => {
    if (summary.id === 0) resolveInitial(summary);
    else rebuilds += 1;
    options.onRebuild?.(summary);
    if (summary.removed.length > 0 || summary.outputs.some((o) => o.status === 'written')) {
      scheduler.request([{ key: 'site', lane: pool ? 'workers' : 'main', priority: Number.MAX_SAFE_INTEGER, work: { kind: 'site' } }]);
    }
  });

  async function removeOutputs(pair: OutputPair, edition: EditionId): Promise<string[]> {
    // The first edition's job also clears editions this session does not build.
    const unwatched = edition === editions[0] ? EDITION_IDS.filter((id) => !editions.includes(id)) : [];
    const removed: string[] = [];
    for (const each of [edition, ...unwatched]) {
      const target = outputPath(outDir, pair.locale, pair.leafletId, each);
      if (await stat(target).then(() => true, () => false)) {
        await rm(target, { force: true });
        removed.push(relative(root, target));
      }
    }
    return removed;
  }

  async function runJob({ work, lane }: OutputJob): Promise<JobResult> {
    const generation = live.generation;
    const snapshot = live.snapshot;
    if (work.kind === 'render' && !snapshot.sources.some((s) => s.id === work.leafletId && s.locale === work.locale)) {
      return { generation, removed: await removeOutputs(work, work.edition) };
    }
    if (lane === 'workers' && pool) {
      const { report } = await pool.run({ root, outDir, strict, job: work, changes: [...changedAt] });
      return { generation, report };
    }
    if (work.kind === 'site') return { generation, report: await updateSite(outDir, snapshot) };
    const selection = { editions: [work.edition], outputs: [work], writeSite: false, measureReadingEase: false, flushToDisk: false };
    return { generation, report: await buildProject({ root, outDir, strict, ...selection }, snapshot) };
  }

  // Collect garbage in this thread once it has been idle a moment (never while a save waits).
  let gcTimer: NodeJS.Timeout | undefined;
  const collectWhenIdle = () => {
    clearTimeout(gcTimer);
    gcTimer = setTimeout(() => scheduler.isLaneIdle('main') && burstsInFlight === 0 && collectGarbage(), IDLE_GC_DELAY_MS);
    gcTimer.unref();
  };

  const scheduler = new OutputScheduler<OutputJob, JobResult>({ main: 1, workers: threads }, runJob, (job, result, error) => {
    if (job.lane === 'main') collectWhenIdle();
    if (job.work.kind === 'site') {
      if (result?.report) options.onSiteUpdated?.(result.report);
      else if (error) options.onError?.(error);
      return;
    }
    if (result) {
      tracker.settle(job.key, result.generation, {
        ...(result.report ? { report: result.report } : {}),
        ...(result.removed ? { removed: result.removed } : {}),
      });
      return;
    }
    // Only a crashed worker gets here: buildProject reports render errors itself.
    const file = `content/${job.work.locale}/${job.work.leafletId}.md`;
    const message = `Could not render the ${job.work.edition} edition: ${(error as Error)?.message ?? String(error)}`;
    const report: BuildReport = {
      outputs: [],
      diagnostics: [diagnostic({ file, rule: 'render-failed', source: 'render', message })],
      readingEase: [],
      durationMs: 0,
      ok: false,
    };
    tracker.settle(job.key, live.generation, { report });
    // Two threads rendering at once slow each other down on a small machine, so background
    // editions wait while the PDF someone is waiting for renders.
  }, { workers: 'main' });

  function schedule(pairs: OutputPair[], changedFiles: string[], started: number, everything: boolean): void {
    // The first edition of the leaflet that was edited comes first: that is the PDF someone is waiting for.
    const edited = new Set(changedFiles);
    const sourceFile = (pair: OutputPair) => `content/${pair.locale}/${pair.leafletId}.md`;
    // This thread renders only that first edition (of every affected leaflet when the change was
    // to strings, partials or the brand), as urgent jobs the workers wait for; everything else
    // goes to the workers, so this thread is free for the next save. The first build has nothing
    // urgent and is shared out: every (workers + 1)th output in this thread.
    const planned = editions.flatMap((edition, index) =>
      pairs.map((pair) => ({ edition, index, pair, direct: everything || edited.has(sourceFile(pair)) })),
    );
    const anyDirect = planned.some((each) => each.direct);
    const jobs: OutputJob[] = planned
      .map(({ edition, index, pair, direct }, position) => {
        const urgent = !everything && index === 0 && (direct || !anyDirect);
        const lane = !pool || urgent || (everything && position % (threads + 1) === 0) ? 'main' : 'workers';
        return {
          key: keyOf(pair, edition),
          lane,
          urgent,
          priority: index * 2 + (direct ? 0 : 1),
          work: { kind: 'render' as const, ...pair, edition },
        };
      });
    const relevantFiles = new Set([...changedFiles, ...pairs.map(sourceFile)]);
    tracker.begin(live.generation, changedFiles, jobs.map((job) => job.key), { started, ...(everything ? {} : { relevantFiles }) });
    scheduler.request(jobs);
  }

  async function applyBurst(files: string[]): Promise<void> {
    const started = performance.now();
    const before = live.snapshot;
    const brandFilesBefore = live.brandFiles;
    const after = await live.apply(files);
    for (const file of files) changedAt.set(file, live.generation);
    const affected = new Map<string, OutputPair>();
    for (const pair of [...affectedOutputs(before, files, brandFilesBefore), ...affectedOutputs(after, files, live.brandFiles)]) {
      affected.set(`${pair.locale}/${pair.leafletId}`, pair);
    }
    const newFonts = [...live.brandFiles].filter((file) => !brandFilesBefore.has(file));
    watcher.addFiles(newFonts.map((file) => path.resolve(root, file)));
    schedule([...affected.values()], files, started, false);
  }

  let bursts = Promise.resolve();
  let burstsInFlight = 0;
  const watcher = new InputWatcher({
    root,
    debounceMs: options.debounceMs ?? 5,
    onBurst: (files) => {
      burstsInFlight += 1;
      bursts = bursts
        .then(() => applyBurst(files))
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => (burstsInFlight -= 1));
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
  watcher.addFiles([...live.brandFiles].filter((file) => file.startsWith('..') || path.isAbsolute(file)).map((file) => path.resolve(root, file)));
  await watcher.ready;

  const allPairs = live.snapshot.sources.map((source) => ({ leafletId: source.id, locale: source.locale }));
  schedule(allPairs, [], performance.now(), true);

  async function idle(): Promise<void> {
    for (;;) {
      await bursts;
      await scheduler.idle();
      if (burstsInFlight === 0 && scheduler.isIdle()) return;
    }
  }

  return {
    initialBuild,
    idle,
    stats: () => ({ rebuilds, workerRecycles: pool?.recycled ?? 0 }),
    async close() {
      clearTimeout(gcTimer);
      await watcher.close();
      await bursts;
      // Outputs not yet started are left as they are (the last good PDF); running ones finish.
      scheduler.dropPending();
      await scheduler.idle();
      await pool?.close();
    },
  };
}
