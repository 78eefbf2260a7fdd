import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../diagnostics/guard.ts';
import { replaceFileAtomic, writeFileAtomic } from '../emit/atomicWrite.ts';
import { sha256Of } from '../emit/manifest.ts';
import { withPseudoLocale } from '../i18n/pseudoLocale.ts';
import { buildDate } from '../lint/reviewDates.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { OutputCache } from './cache/outputCache.ts';
import type { ProjectSnapshot } from './project.ts';
import { compileUnitOnce } from './stages/compileUnit.ts';
import { sourceFileOf, type Unit } from './stages/unit.ts';
import { OUTPUT_HANDLERS, outputKey, targetId, type OutputTarget, type RenderedOutput } from './stages/outputs.ts';
import type { ProjectStore } from './store/projectStore.ts';
import { logEntries } from './store/readLog.ts';
import { promoteStrict } from './selection.ts';

/** One unit to build: compile once, then each requested output from the cache or a render. */
export interface UnitTask {
  root: string;
  outDir: string;
  unit: Unit;
  targets: OutputTarget[];
  strict: boolean;
  fingerprint: string;
  cacheDir?: string;
  cacheBytes?: number;
  measureReadingEase: boolean;
  flushToDisk: boolean;
  /** The day the build counts as today (YYYY-MM-DD) for review dates; buildDate() when left out. */
  today?: string;
  /** Per output (target id), what its last render reported besides the bytes (see RenderContext). */
  previousMeta?: Record<string, Record<string, unknown>>;
  /**
   * Lay out with the fit in `previousMeta` (watch mode's fast path). Such a render may differ
   * from a full build's, so it is neither cached nor remembered: a re-fit follows it.
   */
  reuseFit?: boolean;
  /**
   * Per output (target id), the SHA-256 of the file this build may replace: when the file on
   * disk is another by the time the output is ready, it is left alone (watch mode: a slow
   * re-fit of a save never covers the PDF of a later save).
   */
  replacing?: Record<string, string>;
}

export interface OutputOutcome {
  target: OutputTarget;
  file: string;
  status: 'written' | 'unchanged' | 'failed';
  /** Not written: the file on disk was no longer the one `replacing` named (status `unchanged`). */
  superseded?: boolean;
  /** Rendered now, or taken from the cache (false). */
  rendered: boolean;
  key?: string;
  fileDigest?: string;
  pages?: number;
  bytes?: number;
  diagnostics: Diagnostic[];
  meta: Record<string, unknown>;
  ms: number;
}

export interface UnitOutcome {
  unit: Unit;
  strict: boolean;
  /** The unit's source is gone (a deleted leaflet). */
  missing?: boolean;
  reads: Array<[string, string]>;
  diagnostics: Diagnostic[];
  compiled: boolean;
  /** An internal error happened: the outcome is reported but never remembered. */
  internalError: boolean;
  /** Rendered with a reused fit: reported, never remembered (see UnitTask.reuseFit). */
  provisional?: boolean;
  readingEase?: { fleschReadingEase: number; words: number };
  /** The leaflet's review date (front matter `reviewDue`), for the build summary. */
  reviewDue?: string;
  outputs: OutputOutcome[];
  ms: number;
}

const hasError = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/**
 * Builds one unit against a loaded project: compile (once, whatever the number of outputs),
 * then each output by its key from the cache, or rendered and put in the cache. A file is
 * written only when its bytes differ from what is on disk, and never when its diagnostics
 * hold an error (the last good file stays). Every exception becomes an `internal-error`
 * diagnostic naming the leaflet file; nothing here throws.
 */
export async function buildUnit(task: UnitTask, loaded: ProjectSnapshot, store: ProjectStore): Promise<UnitOutcome> {
  const started = performance.now();
  const project = withPseudoLocale(loaded, [task.unit.locale]);
  const source = project.sources.find((s) => s.id === task.unit.leafletId && s.locale === task.unit.locale);
  const file = source?.file ?? sourceFileOf(task.unit);
  const base = { unit: task.unit, strict: task.strict, reads: [] as Array<[string, string]>, diagnostics: [] as Diagnostic[], compiled: false, internalError: false, outputs: [] as OutputOutcome[] };
  if (!source) return { ...base, missing: true, ms: 0 };
  const cache = task.cacheDir ? new OutputCache(task.cacheDir, task.cacheBytes) : undefined;
  const relative = (absolute: string) => store.keyOf(absolute);
  const outcome: UnitOutcome = { ...base, ...(source.frontMatter ? { reviewDue: source.frontMatter.reviewDue } : {}), ms: 0 };

  let compiled: ReturnType<typeof compileUnitOnce> | undefined;
  try {
    compiled = compileUnitOnce(project, store, source, task.strict, task.today ?? buildDate());
    outcome.reads = logEntries(compiled.reads);
    outcome.diagnostics = compiled.diagnostics;
    outcome.compiled = compiled.leaflet !== undefined;
  } catch (error) {
    outcome.diagnostics.push(internalErrorDiagnostic(error, { file }, 'compiling this leaflet', 'compile'));
    outcome.internalError = true;
  }
  if (source.locale === SOURCE_LOCALE && task.measureReadingEase && source.frontMatter) {
    try {
      const { readingEase } = await import('../compile/readingEase.ts');
      const ease = readingEase(source.body);
      outcome.readingEase = { fleschReadingEase: ease.fleschReadingEase, words: ease.words };
    } catch (error) {
      outcome.diagnostics.push(internalErrorDiagnostic(error, { file }, 'measuring reading ease', 'lint'));
      outcome.internalError = true;
    }
  }

  const fontsVersion = JSON.stringify(logEntries(project.reads.brand));
  for (const target of task.targets) {
    const t0 = performance.now();
    const handler = OUTPUT_HANDLERS[target.kind];
    const absolute = handler.path(task.outDir, task.unit, target.variant);
    const result: OutputOutcome = { target, file: relative(absolute), status: 'failed', rendered: false, diagnostics: [], meta: {}, ms: 0 };
    outcome.outputs.push(result);
    if (!compiled?.leaflet || !project.brand) continue;
    const key = outputKey(task.fingerprint, task.unit, target, task.strict, compiled.reads);
    result.key = key;
    try {
      let output: RenderedOutput | undefined = await cache?.get(key);
      if (!output) {
        const previousMeta = task.previousMeta?.[targetId(target)];
        const reuseFit = task.reuseFit === true && previousMeta?.fit !== undefined;
        const context = { unit: task.unit, leaflet: compiled.leaflet, brand: project.brand, fontsVersion, ...(previousMeta ? { previousMeta } : {}), reuseFit };
        output = await handler.render(context, target.variant);
        result.rendered = true;
        if (reuseFit) outcome.provisional = true;
      }
      // Layout warnings (stranded lines, a heading at a page foot) are errors under --strict.
      result.diagnostics = promoteStrict(output.diagnostics, task.strict);
      result.meta = output.meta;
      if (!hasError(result.diagnostics)) {
        const replacing = task.replacing?.[targetId(target)];
        const written =
          replacing === undefined
            ? await writeFileAtomic(absolute, output.bytes, { flushToDisk: task.flushToDisk })
            : await replaceFileAtomic(absolute, output.bytes, { replacing, flushToDisk: task.flushToDisk });
        result.status = written === 'superseded' ? 'unchanged' : written;
        if (written === 'superseded') result.superseded = true;
        result.fileDigest = sha256Of(output.bytes);
        result.bytes = output.bytes.length;
        if (output.pages !== undefined) result.pages = output.pages;
      }
      // Into the cache after the file is in place: the PDF someone waits for comes first.
      if (result.rendered && !outcome.provisional) await cache?.put(key, output).catch(() => undefined);
    } catch (error) {
      delete result.key;
      result.diagnostics.push(internalErrorDiagnostic(error, { file }, `rendering the ${targetId(target)} edition`, 'render'));
      outcome.internalError = true;
    }
    result.ms = performance.now() - t0;
  }
  outcome.ms = performance.now() - started;
  return outcome;
}
