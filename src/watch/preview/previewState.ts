import type { OutputResult } from '../../build/buildProject.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { CONTENT_DIR } from '../../load/content.ts';
import type { EditionId } from '../../render/editions.ts';

/**
 * Where the previewed PDF stands after the last save that concerned it: `idle` until a save
 * does; `rebuilding` from the moment a rebuild of it is planned; then `updated` (written, new
 * pages), `unchanged` (rebuilt to the same bytes: the save changed nothing these pages print),
 * `failed` (the last good pages stay) or `removed` (its Markdown file went). `at` is epoch ms.
 */
export type RebuildStatus =
  | { state: 'idle' }
  | { state: 'rebuilding'; at: number; files: string[] }
  | { state: 'updated' | 'unchanged' | 'failed'; at: number }
  | { state: 'removed'; at: number };

/** What the preview knows of one leaflet in one language. */
export interface PreviewUnit {
  locale: string;
  leafletId: string;
  /** Project-relative Markdown file. */
  sourceFile: string;
  /** Goes up each time the previewed edition's PDF is written; 0 before it exists. */
  version: number;
  /** The previewed edition's PDF, project-relative, once it exists. */
  file?: string;
  pages?: number;
  /** Epoch ms of the last write of the previewed PDF. */
  writtenAt?: number;
  /** The last rebuild of the previewed edition failed: the PDF shown is the last good one. */
  failed: boolean;
  /** Problems of the last rebuild in this leaflet's file, its strings, partials and brand. */
  diagnostics: Diagnostic[];
  status: RebuildStatus;
  /** Goes up on every change a page hears of (across all units, so a leaflet removed and added again keeps counting up): a page never shows an older status over a newer one. */
  seq: number;
  /** The watch generation of the newest planned rebuild of the previewed PDF not yet done. */
  awaiting?: number;
}

/** One finished output job as the watch session reports it; `generation` is the project generation it read. */
export interface JobOutcome {
  outputs?: readonly OutputResult[];
  diagnostics?: readonly Diagnostic[];
  removed?: readonly string[];
  generation?: number;
}

export const unitPath = (locale: string, leafletId: string): string => `${locale}/${leafletId}`;

/** Another leaflet's file: its problems belong on that leaflet's page. */
const aboutOtherLeaflet = (d: Diagnostic, sourceFile: string) => d.file.startsWith(`${CONTENT_DIR}/`) && d.file !== sourceFile;

/**
 * The live preview's view of the watch session, fed by its events (each finished output job,
 * and the first full build), so a page can show a leaflet's pages and problems without
 * reading anything itself. Listeners hear which unit changed.
 */
export class PreviewState {
  private readonly known = new Map<string, PreviewUnit>();
  private readonly listeners = new Set<(unit: PreviewUnit) => void>();
  private changes = 0;

  /** `edition`: the edition the preview shows (watch mode's first, rendered first). */
  constructor(readonly edition: EditionId) {}

  units(): PreviewUnit[] {
    return [...this.known.values()].sort((a, b) => a.leafletId.localeCompare(b.leafletId) || a.locale.localeCompare(b.locale));
  }

  unit(locale: string, leafletId: string): PreviewUnit | undefined {
    return this.known.get(unitPath(locale, leafletId));
  }

  onChange(listener: (unit: PreviewUnit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first full build: every output, and every problem filed under the leaflets it concerns. */
  fullBuild(outputs: readonly OutputResult[], diagnostics: readonly Diagnostic[]): void {
    for (const output of outputs) {
      if (output.edition !== this.edition) continue;
      this.outputDone(output, diagnostics, undefined, true);
    }
  }

  /**
   * A save's rebuild was planned: each page whose previewed PDF it will build says so at once,
   * until a job that read this generation (or a later one) reports back.
   */
  planned(plan: { generation: number; changedFiles: readonly string[]; outputs: ReadonlyArray<{ leafletId: string; locale: string; edition: EditionId }> }): void {
    const now = Date.now();
    const units = new Set(plan.outputs.filter((output) => output.edition === this.edition).map((output) => unitPath(output.locale, output.leafletId)));
    for (const key of units) {
      const unit = this.known.get(key);
      // A leaflet new in this save has no page yet; it appears once built.
      if (!unit) continue;
      unit.awaiting = Math.max(unit.awaiting ?? 0, plan.generation);
      unit.status = { state: 'rebuilding', at: now, files: [...plan.changedFiles] };
      this.notify(unit);
    }
  }

  /**
   * A rebuild finished. A job that crashed (a fault in leaflets, reported as an `internal-error`
   * on its leaflet's file) reports no output, so without this its page would say "rebuilding"
   * for ever: it says the rebuild failed, with the error.
   */
  rebuilt(diagnostics: readonly Diagnostic[]): void {
    for (const unit of this.known.values()) {
      if (unit.status.state !== 'rebuilding') continue;
      const crashed = diagnostics.filter((d) => d.rule === 'internal-error' && d.file === unit.sourceFile);
      if (crashed.length === 0) continue;
      unit.failed = true;
      unit.diagnostics = dedupe([...crashed, ...unit.diagnostics]);
      unit.status = { state: 'failed', at: Date.now() };
      delete unit.awaiting;
      this.notify(unit);
    }
  }

  /** One output job finished (written, unchanged or failed, or its output removed). */
  jobDone(job: { leafletId: string; locale: string; edition: EditionId }, outcome: JobOutcome = {}): void {
    if (job.edition !== this.edition) return;
    const { outputs = [], diagnostics = [], removed = [], generation } = outcome;
    if (removed.length > 0 && outputs.length === 0) {
      const key = unitPath(job.locale, job.leafletId);
      const unit = this.known.get(key);
      if (unit) {
        this.known.delete(key);
        delete unit.awaiting;
        this.notify({ ...unit, version: unit.version + 1, failed: true, diagnostics: [], status: { state: 'removed', at: Date.now() } });
      }
      return;
    }
    for (const output of outputs) if (output.edition === this.edition) this.outputDone(output, diagnostics, generation);
  }

  private outputDone(output: OutputResult, diagnostics: readonly Diagnostic[], generation?: number, firstBuild = false): void {
    const key = unitPath(output.locale, output.leafletId);
    const sourceFile = `${CONTENT_DIR}/${output.locale}/${output.leafletId}.md`;
    const unit: PreviewUnit = this.known.get(key) ?? {
      locale: output.locale,
      leafletId: output.leafletId,
      sourceFile,
      version: 0,
      failed: false,
      diagnostics: [],
      status: { state: 'idle' },
      seq: 0,
    };
    const fresh = output.status !== 'failed';
    const now = Date.now();
    if (output.status === 'written' || (fresh && unit.version === 0)) {
      unit.version += 1;
      unit.writtenAt = now;
    }
    if (fresh) {
      unit.file = output.file;
      if (output.pages !== undefined) unit.pages = output.pages;
    }
    unit.failed = !fresh;
    unit.diagnostics = dedupe(diagnostics.filter((d) => !aboutOtherLeaflet(d, sourceFile) && (!d.file.startsWith('locales/') || isLocaleFileOf(d.file, output.locale))));
    unit.status = firstBuild ? { state: 'idle' } : nextStatus(unit, output.status, generation, now);
    if (unit.status.state !== 'rebuilding') delete unit.awaiting;
    this.known.set(key, unit);
    this.notify(unit);
  }

  private notify(unit: PreviewUnit): void {
    unit.seq = ++this.changes;
    for (const listener of this.listeners) {
      try {
        listener(unit);
      } catch {
        // A page that went away must not stop the watcher.
      }
    }
  }
}

/**
 * The status after one job of the previewed edition. A job that read an older generation than
 * the newest planned rebuild leaves "rebuilding" in place (its pages still show), and a job
 * no save is waiting for (the background re-fit after a fast render) changes the status only
 * when it wrote new pages or failed.
 */
function nextStatus(unit: PreviewUnit, status: OutputResult['status'], generation: number | undefined, now: number): RebuildStatus {
  const waiting = unit.awaiting !== undefined;
  if (waiting && generation !== undefined && generation < unit.awaiting!) return unit.status;
  if (status === 'written') return { state: 'updated', at: now };
  if (status === 'failed') return { state: 'failed', at: now };
  return waiting ? { state: 'unchanged', at: now } : unit.status;
}

/** A strings file this locale prints from: its own, or the English it falls back to. */
const isLocaleFileOf = (file: string, locale: string) => file.startsWith(`locales/${locale}/`) || file.startsWith('locales/en-GB/');

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of diagnostics) seen.set(`${d.file}:${d.line ?? ''}:${d.column ?? ''}:${d.rule}:${d.message}`, d);
  return [...seen.values()];
}
