import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { removeStaleTemporaries, writeFileAtomic } from '../emit/atomicWrite.ts';
import { isPseudoLocale as isAnyPseudoLocale } from '../load/pseudoLocaleTag.ts';
import { pageCountChanges, readPreviousPageCounts, type PageCountChange } from '../emit/pageCountChanges.ts';
import type { Fit } from '../render/copyFit/fit.ts';
import { EDITIONS, type EditionId } from '../render/editions.ts';
import { isPseudoLocale } from '../i18n/pseudoLocaleTag.ts';
import { buildDate, REVIEW_DATE_RULES, reviewDateOf, reviewDateSummary, type ReviewDate } from '../lint/reviewDates.ts';
import { BuildRecord, readCosts, writeCosts, type OutputRecord, type UnitRecord } from './cache/buildRecord.ts';
import { rememberOutcome } from './cache/rememberOutcome.ts';
import { environmentFingerprint } from './cache/fingerprint.ts';
import { OutputCache } from './cache/outputCache.ts';
import type { ProjectLoader, ProjectSnapshot } from './project.ts';
import { overviewOf, projectOverview, type ProjectOverview } from './projectOverview.ts';
import { promoteStrict, selectionFilter, type BuildSelection } from './selection.ts';
import { planShards, type ShardSpec } from './shards.ts';
import { unitKey, type Unit } from './stages/unit.ts';
import { OUTPUT_HANDLERS, pdfTargets, targetId, type OutputTarget } from './stages/outputs.ts';
import { brandChecks, localeChecks } from './stages/projectStages.ts';
import { OutputFolder, SHARD_FILE, updateWebsite } from './stages/siteStage.ts';
import { ProjectStore } from './store/projectStore.ts';
import { changedReads } from './store/readLog.ts';
import type { RenderPool } from './renderPool.ts';
import { defaultThreads } from './threadCount.ts';
import { runUnits } from './unitRunner.ts';
import type { UnitOutcome, UnitTask } from './unitWork.ts';

export interface BuildOptions extends BuildSelection {
  root: string;
  outDir: string;
  strict: boolean;
  onOutput?: (result: OutputResult) => void;
  /** Update the website files after the PDFs (default true; never for a shard). */
  writeSite?: boolean;
  /** Measure the English leaflets' reading ease (default true). */
  measureReadingEase?: boolean;
  /** Flush each PDF to disk before renaming it into place (default true; see writeFileAtomic). */
  flushToDisk?: boolean;
  /** Render threads: 1 renders in this thread; default `defaultThreads()`, one per two cores. */
  jobs?: number;
  /** Units a render worker builds before it is replaced (memory bound); default 40. */
  unitsPerWorker?: number;
  /** Build only this shard's share of the leaflet x locale units (CI matrix). */
  shard?: ShardSpec;
  /** Use and fill the output cache and build record (default true). */
  cache?: boolean;
  /** Default `<root>/.cache/leaflets`. */
  cacheDir?: string;
  /** Size bound of the output cache in bytes. */
  cacheBytes?: number;
  /** Where pseudo-locales (en-XA) are built: never inside the output folder. Default `<root>/preview`. */
  previewDir?: string;
}

export interface OutputResult {
  leafletId: string;
  locale: string;
  edition: EditionId;
  /** Path relative to the project root. */
  file: string;
  status: 'written' | 'unchanged' | 'failed';
  /** How the bytes were had: rendered now, from the output cache, or already on disk from the last build. */
  via?: 'render' | 'cache' | 'kept';
  pages?: number;
  bytes?: number;
  ms: number;
  /** The copy-fit the PDF was laid out with. */
  fit?: Fit;
}

export interface ReadingEaseResult {
  file: string;
  fleschReadingEase: number;
  words: number;
}

export interface BuildReport {
  outputs: OutputResult[];
  diagnostics: Diagnostic[];
  readingEase: ReadingEaseResult[];
  /** PDFs whose page count differs from the previous build's (booklets in sheets). */
  pageCountChanges?: PageCountChange[];
  /** Each built leaflet file's review date, soonest first. */
  reviewDates?: ReviewDate[];
  durationMs: number;
  ok: boolean;
  /** Outputs rendered by this build (the rest came from the cache or were already in place). */
  rendered: number;
  /** Files removed from the output folder because nothing publishes them any more (paths relative to the root). */
  removed?: string[];
}

/** A store and loader kept between builds (watch mode), so unchanged files are not read again. */
export interface BuildSession {
  store: ProjectStore;
  loader: ProjectLoader;
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');
export const defaultCacheDir = (root: string) => path.join(root, '.cache', 'leaflets');
export const defaultPreviewDir = (root: string) => path.join(root, 'preview');
const isInside = (folder: string, parent: string) => {
  const between = path.relative(path.resolve(parent), path.resolve(folder));
  return between === '' || (!between.startsWith('..') && !path.isAbsolute(between));
};

/**
 * Errors that stop every output of a locale (a broken locale file), of the whole project (the
 * brand) or, given its file, of one leaflet (a project-wide check found it, e.g. a translation's
 * Handlebars).
 */
export function blockingErrors(diagnostics: Diagnostic[], locale: string, sourceFile?: string): Diagnostic[] {
  return diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      (d.file.startsWith('templates/brand') || d.file.startsWith(`locales/${locale}/`) || d.file === `locales/${locale}` || (sourceFile !== undefined && d.file === sourceFile)),
  );
}

interface UnitSlot {
  source: ProjectOverview['sources'][number];
  unit: Unit;
  diagnostics: Diagnostic[];
  results: Map<string, OutputResult>;
  readingEase?: ReadingEaseResult;
  reviewDue?: string;
}

/**
 * Builds every selected leaflet x locale x edition. Each unit (leaflet in one locale) whose
 * recorded reads are unchanged and whose files are in place costs nothing; the rest are
 * compiled once and each output is taken from the cache or rendered, on the render threads. One bad
 * leaflet never stops the others; a failed output is never written, so the last good file stays.
 */
export async function buildProject(options: BuildOptions, session?: BuildSession): Promise<BuildReport> {
  const pseudo = options.locales?.filter(isAnyPseudoLocale) ?? [];
  const outDir = path.resolve(options.outDir);
  const previewDir = path.resolve(options.previewDir ?? defaultPreviewDir(options.root));
  // Pseudo-locales go to their own folder, so the output folder can always be uploaded as it is.
  if (pseudo.length > 0 && previewDir !== outDir) {
    if (isInside(previewDir, outDir) || isInside(outDir, previewDir)) {
      const message = `The preview folder ${previewDir} and the output folder ${outDir} must not hold one another: pseudo-locales are never published`;
      return { outputs: [], diagnostics: [{ file: path.relative(options.root, previewDir) || '.', severity: 'error', rule: 'preview-folder', source: 'emit', message }], readingEase: [], durationMs: 0, ok: false, rendered: 0 };
    }
    const preview = await buildProject({ ...options, locales: pseudo, outDir: previewDir, previewDir, writeSite: false }, session);
    const others = options.locales!.filter((locale) => !isAnyPseudoLocale(locale));
    if (others.length === 0) return preview;
    const rest = await buildProject({ ...options, locales: others }, session);
    return {
      ...rest,
      outputs: [...preview.outputs, ...rest.outputs],
      diagnostics: [...preview.diagnostics, ...rest.diagnostics],
      durationMs: preview.durationMs + rest.durationMs,
      ok: preview.ok && rest.ok,
      rendered: preview.rendered + rest.rendered,
    };
  }
  return buildInto(options, session);
}

async function buildInto(options: BuildOptions, session?: BuildSession): Promise<BuildReport> {
  let pool: Promise<RenderPool> | undefined;
  try {
    return await buildProjectWith(options, session, (start) => (pool ??= start()));
  } finally {
    if (pool) await (await pool).close();
  }
}

async function buildProjectWith(
  options: BuildOptions,
  session: BuildSession | undefined,
  /** Starts the worker pool once (the caller closes it). */
  startPool: (start: () => Promise<RenderPool>) => Promise<RenderPool>,
): Promise<BuildReport> {
  const started = performance.now();
  const { root, outDir, strict } = options;
  const today = buildDate();
  await removeStaleTemporaries(outDir);
  const previousPages = await readPreviousPageCounts(outDir);
  const store = session?.store ?? new ProjectStore(root);
  const fingerprint = environmentFingerprint();
  const cacheDir = options.cacheDir ?? defaultCacheDir(root);
  const useCache = options.cache !== false;
  const record = useCache ? await BuildRecord.open(cacheDir, outDir, fingerprint) : undefined;
  const threads = Math.max(1, options.jobs ?? defaultThreads());
  // A build that will render everything (no record of an earlier one) starts its worker
  // threads now, so they load the renderer and the project while this thread reads it too.
  const pool = threads > 1 && !session && record?.isEmpty() !== false && !namesOneUnit(options) ? startPool(() => warmPool(threads - 1, root, options.unitsPerWorker)) : undefined;
  // The project is parsed only when something needs it (a unit to compile, a stage or the website to redo).
  let loading: Promise<ProjectSnapshot> | undefined;
  const loadProject = () =>
    (loading ??= (async () => {
      const { ProjectLoader } = await import('./project.ts');
      return (session?.loader ?? new ProjectLoader(store)).load();
    })());
  // The pseudo-locale (en-XA) exists only when asked for by name; the website never lists it.
  const pseudo = options.locales?.some(isPseudoLocale) === true;
  const known = session || pseudo ? { overview: overviewOf(await loadProject()) } : await projectOverview(store, record, loadProject);
  const overview = known.overview;
  let buildable: ProjectOverview = overview;
  if (pseudo) {
    const { withPseudoLocale } = await import('../i18n/pseudoLocale.ts');
    buildable = overviewOf(withPseudoLocale(await loadProject(), options.locales));
  }
  // A copy: this list grows, and the overview is remembered in the build record as loaded.
  const diagnostics: Diagnostic[] = [...promoteStrict(overview.diagnostics, strict)];
  const cache = useCache ? new OutputCache(cacheDir, options.cacheBytes) : undefined;
  const folder = new OutputFolder(outDir);
  const targets = pdfTargets(options.editions);
  const wanted = selectionFilter(options);
  // A withdrawn leaflet is not built; the site stage removes its files and lists it as withdrawn.
  // A pseudo-locale is built only when named (into the preview folder, see buildProject), even with files in content/.
  const named = new Set(options.locales ?? []);
  let selected = buildable.sources.filter((s) => wanted(s.id, s.locale) && !s.withdrawn && (!isAnyPseudoLocale(s.locale) || named.has(s.locale)));
  const costs = await readCosts(cacheDir);
  if (options.shard) {
    const plan = planShards(selected.map((s) => unitKey({ leafletId: s.id, locale: s.locale })), options.shard.count, costs, (key) =>
      selected.find((s) => unitKey({ leafletId: s.id, locale: s.locale }) === key)?.bytes ?? 1,
    );
    const mine = new Set(plan.shards[options.shard.index - 1]);
    selected = selected.filter((s) => mine.has(unitKey({ leafletId: s.id, locale: s.locale })));
    await writeFileAtomic(
      path.join(outDir, SHARD_FILE),
      Buffer.from(`${JSON.stringify({ shard: options.shard.index, of: options.shard.count, plan: plan.digest, units: [...mine].sort(), editions: options.editions }, null, 2)}\n`),
    );
  }

  const stageContext = { store, record, reads: overview.reads, project: loadProject };
  if (overview.hasBrand) diagnostics.push(...(await brandChecks(stageContext, options.editions.map((id) => EDITIONS[id]))));
  // Locale checks (glyphs, translations) can stop one leaflet too: an error they find in its file.
  const localeProblems: Diagnostic[] = [];
  for (const locale of [...new Set(selected.map((s) => s.locale))]) localeProblems.push(...promoteStrict(await localeChecks(stageContext, locale), strict));
  diagnostics.push(...localeProblems);

  const slots: UnitSlot[] = [];
  const tasks: Array<{ slot: UnitSlot; task: UnitTask }> = [];
  const emit = (slot: UnitSlot, target: OutputTarget, result: OutputResult) => {
    slot.results.set(targetId(target), result);
    options.onOutput?.(result);
  };
  const baseOf = (slot: UnitSlot, target: OutputTarget) => ({
    leafletId: slot.unit.leafletId,
    locale: slot.unit.locale,
    edition: target.variant as EditionId,
    file: relative(root, OUTPUT_HANDLERS[target.kind].path(outDir, slot.unit, target.variant)),
  });

  for (const source of selected) {
    const unit = { leafletId: source.id, locale: source.locale };
    const slot: UnitSlot = { source, unit, diagnostics: [], results: new Map() };
    slots.push(slot);
    if (!buildable.hasBrand || blockingErrors(diagnostics, source.locale).length > 0 || blockingErrors(localeProblems, source.locale, source.file).length > 0) {
      for (const target of targets) emit(slot, target, { ...baseOf(slot, target), status: 'failed', ms: 0 });
      continue;
    }
    const remembered = record?.unit(unitKey(unit));
    const valid =
      remembered &&
      remembered.strict === strict &&
      reviewCheckHolds(remembered, source, today) &&
      changedReads(remembered.reads, (key) => store.digestOf(key)).length === 0;
    const needed: OutputTarget[] = [];
    if (remembered && valid) {
      slot.diagnostics.push(...remembered.diagnostics);
      if (remembered.reviewDue) slot.reviewDue = remembered.reviewDue;
      if (remembered.readingEase && options.measureReadingEase !== false) slot.readingEase = { file: source.file, ...remembered.readingEase };
      for (const target of targets) {
        const t0 = performance.now();
        const output = remembered.outputs[targetId(target)];
        const absolute = OUTPUT_HANDLERS[target.kind].path(outDir, unit, target.variant);
        if (!remembered.compiled) {
          emit(slot, target, { ...baseOf(slot, target), status: 'failed', ms: 0 });
        } else if (!output) {
          needed.push(target);
        } else if (!output.fileDigest) {
          slot.diagnostics.push(...output.diagnostics);
          emit(slot, target, { ...baseOf(slot, target), status: 'failed', ms: 0 });
        } else if ((await folder.digestOf(absolute)) === output.fileDigest) {
          slot.diagnostics.push(...output.diagnostics);
          emit(slot, target, { ...baseOf(slot, target), status: 'unchanged', via: 'kept', ...sizes(output), ms: performance.now() - t0 });
        } else {
          const cached = await cache?.get(output.key);
          if (!cached) {
            needed.push(target);
            continue;
          }
          const status = await writeFileAtomic(absolute, cached.bytes, { flushToDisk: options.flushToDisk !== false });
          folder.wrote(absolute, output.fileDigest);
          slot.diagnostics.push(...cached.diagnostics);
          emit(slot, target, { ...baseOf(slot, target), status, via: 'cache', ...sizes(output), ...fitOf(output.meta), ms: performance.now() - t0 });
        }
      }
      if (needed.length === 0) continue;
    } else {
      needed.push(...targets);
    }
    const task: UnitTask = {
      root,
      outDir,
      unit,
      targets: needed,
      strict,
      fingerprint,
      today,
      ...(cache ? { cacheDir, cacheBytes: cache.maxBytes } : {}),
      measureReadingEase: options.measureReadingEase !== false,
      flushToDisk: options.flushToDisk !== false,
      ...(remembered ? { previousMeta: Object.fromEntries(Object.entries(remembered.outputs).map(([id, output]) => [id, output.meta])) } : {}),
    };
    tasks.push({ slot, task });
  }

  let rendered = 0;
  // Most expensive first, so the threads finish together: by last build's times when every
  // unit has one, else by the size of the leaflet file.
  const timed = tasks.every(({ task }) => costs[unitKey(task.unit)] !== undefined);
  const costOf = ({ slot, task }: (typeof tasks)[number]) => (timed ? costs[unitKey(task.unit)]! : slot.source.bytes);
  const byCost = [...tasks].sort((a, b) => costOf(b) - costOf(a));
  const runContext = { threads, project: loadProject, store, ...(options.unitsPerWorker ? { unitsPerWorker: options.unitsPerWorker } : {}), ...(pool ? { pool } : {}) };
  await runUnits(byCost.map((each) => each.task), runContext, (outcome) => {
    // Outcomes from worker threads are copies: match them by unit key.
    const entry = tasks.find((each) => unitKey(each.task.unit) === unitKey(outcome.unit))!;
    rendered += absorb(entry.slot, outcome, record, costs, folder, (target, result) => emit(entry.slot, target, result), baseOf);
  });

  const outputs: OutputResult[] = [];
  const readingEase: ReadingEaseResult[] = [];
  for (const slot of slots) {
    diagnostics.push(...slot.diagnostics);
    if (slot.readingEase) readingEase.push(slot.readingEase);
    for (const target of targets) {
      const result = slot.results.get(targetId(target));
      if (result) outputs.push(result);
    }
  }

  const removed: string[] = [];
  if (options.writeSite !== false && !options.shard) {
    // manifest.json, cover thumbnails and index.html describe every PDF on disk, not only this build's.
    const knownPages = new Map(outputs.flatMap((o) => (o.pages ? [[path.resolve(root, o.file), o.pages] as const] : [])));
    const site = await updateWebsite({ overview, project: loadProject, store, folder, strict, today, ...(record ? { record } : {}), knownPages });
    diagnostics.push(...site.diagnostics);
    removed.push(...site.removed.map((file) => relative(root, path.join(outDir, file))));
  }
  if (record) await record.save().catch(() => undefined);
  if (useCache && tasks.length > 0) {
    // Shards leave the costs alone: every shard of one build must plan from the same table.
    if (!options.shard) await writeCosts(cacheDir, costs).catch(() => undefined);
    if (rendered > 0) await cache?.prune().catch(() => undefined);
  }
  const ok = !diagnostics.some((d) => d.severity === 'error') && outputs.every((o) => o.status !== 'failed');
  const changes = pageCountChanges(previousPages, outputs, root, outDir);
  const reviewDates = reviewDateSummary(
    slots.flatMap((slot) => (slot.reviewDue ? [{ file: slot.source.file, locale: slot.source.locale, frontMatter: { reviewDue: slot.reviewDue } }] : [])),
    today,
  );
  return {
    outputs,
    diagnostics: dedupe(diagnostics),
    readingEase,
    pageCountChanges: changes,
    reviewDates,
    durationMs: performance.now() - started,
    ok,
    rendered,
    ...(removed.length > 0 ? { removed } : {}),
  };
}

/**
 * A remembered unit's diagnostics still hold while its review date is more than the warning
 * period away, today as when it was compiled. Once it is close or past, the unit is compiled
 * again on every build, so its warning counts the days from today (and an overdue leaflet fails).
 */
function reviewCheckHolds(remembered: UnitRecord, source: UnitSlot['source'], today: string): boolean {
  if (remembered.diagnostics.some((d) => REVIEW_DATE_RULES.has(d.rule))) return false;
  const review = reviewDateOf({ file: source.file, locale: source.locale, frontMatter: remembered.reviewDue ? { reviewDue: remembered.reviewDue } : undefined }, today);
  return review === undefined || review.state === 'ok';
}

/** A selection of exactly one leaflet in one locale renders in this thread alone. */
const namesOneUnit = (options: BuildOptions) => options.leaflets?.length === 1 && options.locales?.length === 1;

async function warmPool(workers: number, root: string, unitsPerWorker: number | undefined): Promise<RenderPool> {
  const { RenderPool } = await import('./renderPool.ts');
  return new RenderPool(workers, { warmRoot: root, ...(unitsPerWorker ? { unitsPerWorker } : {}) });
}

/** The copy-fit a PDF's renderer reported, for the output line. */
const fitOf = (meta: Record<string, unknown> | undefined): { fit?: Fit } => (meta?.fit ? { fit: meta.fit as Fit } : {});
const sizes = (output: OutputRecord) => ({ ...(output.pages ? { pages: output.pages } : {}), ...(output.bytes ? { bytes: output.bytes } : {}) });

/** The same problem reported twice (a unit's warning and its output's) is printed once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = JSON.stringify([d.file, d.line, d.column, d.rule, d.message]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Folds one unit's outcome into its slot, the record and the costs; returns how many outputs were rendered. */
function absorb(
  slot: UnitSlot,
  outcome: UnitOutcome,
  record: BuildRecord | undefined,
  costs: Record<string, number>,
  folder: OutputFolder,
  emit: (target: OutputTarget, result: OutputResult) => void,
  baseOf: (slot: UnitSlot, target: OutputTarget) => Omit<OutputResult, 'status' | 'ms'>,
): number {
  slot.diagnostics.push(...outcome.diagnostics);
  if (outcome.reviewDue) slot.reviewDue = outcome.reviewDue;
  if (outcome.readingEase) slot.readingEase = { file: slot.source.file, ...outcome.readingEase };
  let rendered = 0;
  for (const output of outcome.outputs) {
    slot.diagnostics.push(...output.diagnostics);
    if (output.rendered) rendered += 1;
    if (output.fileDigest) folder.wrote(OUTPUT_HANDLERS[output.target.kind].path(folder.dir, slot.unit, output.target.variant), output.fileDigest);
    emit(output.target, {
      ...baseOf(slot, output.target),
      status: output.status,
      ...(output.status === 'failed' ? {} : { via: output.rendered ? 'render' : 'cache' }),
      ...(output.pages ? { pages: output.pages } : {}),
      ...(output.bytes ? { bytes: output.bytes } : {}),
      ...fitOf(output.meta),
      ms: output.ms,
    });
  }
  if (!outcome.missing && !outcome.internalError && record) rememberOutcome(record, outcome);
  const key = unitKey(slot.unit);
  if (outcome.outputs.some((o) => o.rendered)) costs[key] = Math.round(outcome.ms);
  return rendered;
}
