import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { blockingErrors, buildProject, defaultCacheDir, type OutputResult } from '../build/buildProject.ts';
import { BuildRecord } from '../build/cache/buildRecord.ts';
import { environmentFingerprint } from '../build/cache/fingerprint.ts';
import { rememberOutcome } from '../build/cache/rememberOutcome.ts';
import { collectGarbage } from '../build/collectGarbage.ts';
import { DependencyGraph } from '../build/graph.ts';
import { ProjectLoader, type ProjectSnapshot } from '../build/project.ts';
import { overviewOf } from '../build/projectOverview.ts';
import { promoteStrict } from '../build/selection.ts';
import type { RenderPool } from '../build/renderPool.ts';
import { unitKey } from '../build/stages/unit.ts';
import { pdfTargets } from '../build/stages/outputs.ts';
import { localeChecks } from '../build/stages/projectStages.ts';
import { OutputFolder, updateWebsite } from '../build/stages/siteStage.ts';
import { ProjectStore } from '../build/store/projectStore.ts';
import { buildUnit, type UnitOutcome, type UnitTask } from '../build/unitWork.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Fit } from '../render/copyFit/fit.ts';
import { outputPath } from '../emit/outputPaths.ts';
import { EDITION_IDS, type EditionId } from '../render/editions.ts';
import { InputWatcher } from './inputWatcher.ts';
import { JobReads } from './jobReads.ts';
import { RebuildLoop, type JobResult, type LoopJob } from './rebuildLoop.ts';
import { planRebuild, refitKey, type PlannedJob, type WatchUnit } from './rebuildPlanner.ts';
import type { RebuildSummary } from './rebuildTracker.ts';
import { shortDigest, type WatchEvent } from './watchEvents.ts';
import { watchBackgroundThreads, watchRenderPool } from './watchThreads.ts';

export interface WatchOptions {
  root: string;
  outDir: string;
  /** The first edition is rendered first, in this thread; the others in worker threads. */
  editions: EditionId[];
  strict: boolean;
  /** Quiet time that ends a burst of file events; default 5 ms. */
  debounceMs?: number;
  /** Worker threads for the other editions; 0 renders all in this thread. Default: from `jobs` (see watchBackgroundThreads). */
  workerThreads?: number;
  /** Render threads in all, this one included (`--jobs`); default `LEAFLETS_JOBS`, else one per core. */
  jobs?: number;
  onRebuild?: (summary: RebuildSummary) => void;
  /** After each output job, as soon as it is done (the live preview shows a leaflet's first edition the moment it is written). */
  onJobDone?: (job: { leafletId: string; locale: string; edition: EditionId }, result: Pick<JobResult, 'report' | 'removed' | 'generation'>) => void;
  /** As soon as a save's rebuild is planned, before anything renders: the outputs it will build or remove (the live preview says "rebuilding" on their pages). */
  onPlan?: (plan: PlannedRebuild) => void;
  /** After the website files (manifest, covers, downloads page) caught up with a rebuild. */
  onSiteUpdated?: (diagnostics: Diagnostic[]) => void;
  onError?: (error: unknown) => void;
  /** Every file event, burst, plan and job, as data (`leaflets watch --verbose`, `--event-log`). */
  onEvent?: (event: WatchEvent) => void;
  /** Files the watcher writes itself (absolute; the event log): never inputs, even inside the project. */
  ownFiles?: string[];
}

/** One save's rebuild as planned: `generation` is the one its jobs' results carry (or a later one). */
export interface PlannedRebuild {
  generation: number;
  changedFiles: string[];
  outputs: Array<{ leafletId: string; locale: string; edition: EditionId; action: 'render' | 'remove' }>;
}

export interface WatchSession {
  /** The first, full build. */
  initialBuild: Promise<RebuildSummary>;
  /** Resolves once no burst is being read and no output is pending or rendering. */
  idle(): Promise<void>;
  stats(): { rebuilds: number; workerRecycles: number };
  /** Stops watching; renders in progress finish, queued ones are dropped; every thread ends. */
  close(): Promise<void>;
}

/**
 * A forced full collection shrinks the heap, and the next render then collects again and
 * again as the heap regrows: measured, it doubled the time of the render someone waits for.
 * So the watcher collects only after a long pause in editing. That collection also compacts:
 * plain collections leave the pages of the old space ever more sparsely used, and over 100
 * rebuilds the process grew 12% with its live objects level (1.6% when compacted).
 */
const IDLE_GC_DELAY_MS = 30_000;
/** The build record is written once edits pause, never on the path of a save. */
const RECORD_SAVE_DELAY_MS = 2_000;

const unitsOf = (project: ProjectSnapshot): WatchUnit[] =>
  project.sources.map((source) => ({ key: unitKey({ leafletId: source.id, locale: source.locale }), leafletId: source.id, locale: source.locale, sourceFile: source.file }));

/**
 * Watch mode, a thin layer over the build core: the first build is `buildProject` (all cores,
 * the cache); then chokidar reports files, the project store forgets them, the project is
 * reloaded part by part, the dependency graph (what each leaflet's compile really read) says
 * which units are stale, the planner orders the jobs, and the loop runs them: the edited
 * leaflet's first edition in this thread, the rest in background threads. A failed output is
 * never written, so the last good PDF stays in place until the input is fixed.
 */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const { root, outDir, editions, strict } = options;
  const store = new ProjectStore(root);
  const loader = new ProjectLoader(store);
  const cacheDir = defaultCacheDir(root);
  const fingerprint = environmentFingerprint();
  const threads = options.workerThreads ?? watchBackgroundThreads(editions, options.jobs);
  const graph = new DependencyGraph();
  const jobReads = new JobReads(graph, (key) => store.digestOf(key));
  /** Every input changed so far, with the generation of its last change: workers catch up from it. */
  const changedAt = new Map<string, number>();
  let generation = 0;
  let rebuilds = 0;
  let project: ProjectSnapshot;
  let record: BuildRecord | undefined;
  let pool: RenderPool | undefined;
  /** Each output's bytes (SHA-256) as the last job that wrote or kept it left them on disk. */
  const onDisk = new Map<string, string>();
  /** The locale checks' findings (glyphs, translations) per locale, as of the project now. */
  const localeProblems = new Map<string, Diagnostic[]>();
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const log = options.onEvent;
  /** The digest a job's reads recorded for the unit's own source file (the event log tells saves apart by it). */
  const sourceRead = (unit: WatchUnit, reads: ReadonlyArray<[string, string]>) => ({
    [unit.sourceFile]: shortDigest(reads.find(([key]) => key === unit.sourceFile)?.[1]),
  });

  let recordTimer: NodeJS.Timeout | undefined;
  const saveRecordSoon = () => {
    clearTimeout(recordTimer);
    recordTimer = setTimeout(() => void record?.save().catch(() => undefined), RECORD_SAVE_DELAY_MS);
    recordTimer.unref();
  };
  // Collect garbage in this thread once it has been idle a while (never while a save waits).
  let gcTimer: NodeJS.Timeout | undefined;
  const collectWhenIdle = () => {
    clearTimeout(gcTimer);
    gcTimer = setTimeout(() => loop.isMainIdle() && burstsInFlight === 0 && collectGarbage({ compact: true }), IDLE_GC_DELAY_MS);
    gcTimer.unref();
  };

  async function removeOutputs(unit: WatchUnit, edition: EditionId): Promise<string[]> {
    // The first edition's job also clears editions this session does not build.
    const unwatched = edition === editions[0] ? EDITION_IDS.filter((id) => !editions.includes(id)) : [];
    const removed: string[] = [];
    for (const each of [edition, ...unwatched]) {
      const target = outputPath(outDir, unit.locale, unit.leafletId, each);
      if (await stat(target).then(() => true, () => false)) {
        await rm(target, { force: true });
        removed.push(relative(target));
      }
    }
    graph.delete(unit.key);
    return removed;
  }

  function reportOf(outcome: UnitOutcome, unit: WatchUnit): Pick<JobResult, 'report'> {
    const outputs: OutputResult[] = outcome.outputs.map((output) => ({
      leafletId: unit.leafletId,
      locale: unit.locale,
      edition: output.target.variant as EditionId,
      file: relative(outputPath(outDir, unit.locale, unit.leafletId, output.target.variant as EditionId)),
      status: output.status,
      ...(output.status === 'failed' ? {} : { via: output.rendered ? ('render' as const) : ('cache' as const) }),
      ...(output.pages ? { pages: output.pages } : {}),
      ...(output.bytes ? { bytes: output.bytes } : {}),
      ...(output.meta.fit ? { fit: output.meta.fit as Fit } : {}),
      ms: output.ms,
    }));
    return { report: { outputs, diagnostics: [...outcome.diagnostics, ...outcome.outputs.flatMap((o) => o.diagnostics)] } };
  }

  async function renderJob(job: PlannedJob): Promise<JobResult> {
    const readAt = generation;
    const snapshot = project;
    const unit = job.unit;
    if (!snapshot.sources.some((s) => s.id === unit.leafletId && s.locale === unit.locale)) {
      return { generation: readAt, removed: await removeOutputs(unit, job.edition) };
    }
    const checks = localeProblems.get(unit.locale) ?? [];
    const blocking = snapshot.brand
      ? [...blockingErrors(snapshot.diagnostics, unit.locale), ...blockingErrors(checks, unit.locale, unit.sourceFile)]
      : snapshot.diagnostics.filter((d) => d.severity === 'error');
    const base = { leafletId: unit.leafletId, locale: unit.locale, edition: job.edition, file: relative(outputPath(outDir, unit.locale, unit.leafletId, job.edition)) };
    if (blocking.length > 0 || !snapshot.brand) {
      return { generation: readAt, report: { outputs: [{ ...base, status: 'failed', ms: 0 }], diagnostics: [...new Set([...blocking, ...checks])] } };
    }
    const task: UnitTask = {
      root,
      outDir,
      unit: { leafletId: unit.leafletId, locale: unit.locale },
      targets: pdfTargets([job.edition]),
      strict,
      fingerprint,
      cacheDir,
      // The reading-ease pass and the disk flush stay off the path of a save (the next full build flushes).
      measureReadingEase: false,
      flushToDisk: false,
    };
    const remembered = record?.unit(unit.key)?.outputs[job.edition]?.meta;
    if (remembered) task.previousMeta = { [job.edition]: remembered };
    if (job.fit === 'reuse') task.reuseFit = true;
    // A re-fit replaces only the PDF that is there as it starts (its edit's fast render): if a
    // later save's PDF lands meanwhile, that one stays (the later save's own re-fit follows).
    const current = job.key === refitKey(unit, job.edition) ? onDisk.get(base.file) : undefined;
    if (current !== undefined) task.replacing = { [job.edition]: current };
    // Problems found loading this leaflet's file (its front matter) belong to its rebuild.
    const loadProblems = snapshot.diagnostics.filter((d) => d.file === unit.sourceFile);
    const outcome =
      job.lane === 'workers' && pool
        ? (await pool.run({ task, changes: [...changedAt], background: true })).outcome
        : await buildUnit(task, snapshot, store);
    if (record && !outcome.provisional) rememberOutcome(record, outcome);
    if (!outcome.internalError && !outcome.missing) {
      const { recorded, unseen } = jobReads.record(unit.key, readAt, outcome.reads);
      log?.({ type: 'graph', unit: unit.key, generation: readAt, read: sourceRead(unit, outcome.reads), recorded, unseen });
    }
    saveRecordSoon();
    const { report } = reportOf(outcome, unit);
    for (const output of outcome.outputs) {
      if (output.fileDigest && !output.superseded) onDisk.set(output.file, output.fileDigest);
    }
    const superseded = outcome.outputs.filter((output) => output.superseded).map((output) => output.file);
    return {
      generation: readAt,
      report: { outputs: report!.outputs, diagnostics: [...loadProblems, ...checks, ...report!.diagnostics] },
      ...(log ? { read: sourceRead(unit, outcome.reads) } : {}),
      ...(superseded.length > 0 ? { superseded } : {}),
    };
  }

  async function siteJob(): Promise<JobResult> {
    const { diagnostics: siteDiagnostics } = await updateWebsite({
      overview: overviewOf(project),
      project: async () => project,
      store,
      folder: new OutputFolder(outDir),
      strict,
      // Renders of a newer edit may write while this works from the sources it started with.
      removeOnlyListed: true,
      ...(record ? { record } : {}),
    });
    saveRecordSoon();
    return { generation, siteDiagnostics };
  }

  const loop = new RebuildLoop({
    workers: threads,
    run: (job: LoopJob) =>
      job.action === 'site'
        ? siteJob()
        : renderJob(job).then((result) => {
            options.onJobDone?.({ leafletId: job.unit.leafletId, locale: job.unit.locale, edition: job.edition }, result);
            return result;
          }),
    generation: () => generation,
    onRebuild: (summary) => {
      rebuilds += 1;
      options.onRebuild?.(summary);
    },
    ...(options.onSiteUpdated ? { onSiteUpdated: options.onSiteUpdated } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    onMainJobDone: collectWhenIdle,
    ...(log ? { onEvent: log } : {}),
  });

  /** Files read from outside the watched tree (fonts from npm) are watched one by one. */
  const watchOutsideInputs = () => {
    const outside = [...graph.inputFiles(), ...[...project.reads.brand.keys()]].filter(
      (key) => key.startsWith('../') || key.startsWith('node_modules/') || path.isAbsolute(key),
    );
    watcher.addFiles([...new Set(outside)].map((key) => store.absolute(key)));
  };

  /** Runs the locale checks of these locales on the project now (each remembered on its reads, so unchanged ones cost nothing). */
  async function checkLocales(locales: Iterable<string>): Promise<void> {
    const context = { store, record, reads: overviewOf(project).reads, project: async () => project };
    for (const locale of new Set(locales)) localeProblems.set(locale, promoteStrict(await localeChecks(context, locale), strict));
  }

  async function applyBurst(files: string[]): Promise<void> {
    const started = performance.now();
    store.invalidate(files);
    const loaded = await loader.load();
    // The generation moves with the project it names: a job starting while the project loads
    // reads the old project and says so (it was labelled new and read old before).
    generation += 1;
    for (const file of files) changedAt.set(file, generation);
    const before = unitsOf(project);
    project = loaded;
    const after = unitsOf(project);
    const stale = graph.staleUnits((key) => store.digestOf(key));
    const unknown = new Set(after.filter((unit) => !graph.has(unit.key)).map((unit) => unit.key));
    const plan = planRebuild({ changedFiles: files, before, after, stale, unknown, editions, workers: pool ? threads : 0, refitInBackground: true });
    log?.({
      type: 'plan',
      generation,
      changedFiles: files,
      digests: Object.fromEntries(files.filter((file) => !file.endsWith('/')).map((file) => [file, shortDigest(store.digestOf(file))])),
      stale: [...stale].sort(),
      jobs: plan.jobs.map((job) => ({ key: job.key, lane: job.lane, urgent: job.urgent === true, priority: job.priority, action: job.action, fit: job.fit })),
    });
    watchOutsideInputs();
    if (plan.jobs.length === 0) return;
    options.onPlan?.({ generation, changedFiles: files, outputs: plan.jobs.map((job) => ({ leafletId: job.unit.leafletId, locale: job.unit.locale, edition: job.edition, action: job.action })) });
    await checkLocales(plan.jobs.map((job) => job.unit.locale));
    loop.begin(generation, files, plan, started);
  }

  let bursts = Promise.resolve();
  let burstsInFlight = 0;
  const watcher = new InputWatcher({
    root,
    ignoredFolders: [outDir, ...(options.ownFiles ?? [])],
    debounceMs: options.debounceMs ?? 5,
    onBurst: (files) => {
      burstsInFlight += 1;
      bursts = bursts
        .then(() => applyBurst(files))
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => (burstsInFlight -= 1));
    },
    ...(options.onError ? { onError: options.onError } : {}),
    ...(log ? { onEvent: log } : {}),
  });

  // The first build: the whole project through the core, on every core, from the cache where it can.
  const initialBuild = (async (): Promise<RebuildSummary> => {
    const report = await buildProject(
      { root, outDir, editions, strict, flushToDisk: false, measureReadingEase: false, jobs: threads + 1 },
      { store, loader },
    );
    project = await loader.load();
    record = await BuildRecord.open(cacheDir, outDir, fingerprint);
    await checkLocales(project.sources.map((source) => source.locale));
    for (const unit of unitsOf(project)) {
      const reads = record.unit(unit.key)?.reads;
      if (reads) graph.set(unit.key, reads);
    }
    pool = threads > 0 ? watchRenderPool(threads) : undefined;
    await watcher.ready;
    watchOutsideInputs();
    const summary: RebuildSummary = {
      id: 0,
      changedFiles: [],
      outputs: report.outputs,
      removed: [],
      diagnostics: report.diagnostics,
      durationMs: report.durationMs,
      ok: report.ok,
    };
    options.onRebuild?.(summary);
    options.onSiteUpdated?.([]);
    return summary;
  })();
  // Bursts wait for the first build: they see the project it loaded.
  bursts = initialBuild.then(() => undefined);

  async function idle(): Promise<void> {
    for (;;) {
      await bursts;
      await loop.idle();
      if (burstsInFlight === 0 && loop.isIdle()) return;
    }
  }

  return {
    initialBuild,
    idle,
    stats: () => ({ rebuilds, workerRecycles: pool?.recycled ?? 0 }),
    async close() {
      clearTimeout(gcTimer);
      clearTimeout(recordTimer);
      await watcher.close();
      await initialBuild.catch(() => undefined);
      await bursts;
      // Outputs not yet started are left as they are (the last good PDF); running ones finish.
      loop.dropPending();
      await loop.idle();
      await pool?.close();
      await record?.save().catch(() => undefined);
      const { closeCoverThread } = await import('../site/thumbnails.ts');
      await closeCoverThread();
    },
  };
}
