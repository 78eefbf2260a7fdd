import type { OutputResult } from '../../build/buildProject.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { CONTENT_DIR } from '../../load/content.ts';
import type { EditionId } from '../../render/editions.ts';

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
      this.outputDone(output, diagnostics);
    }
  }

  /** One output job finished (written, unchanged or failed); `diagnostics` are its report's. */
  jobDone(job: { leafletId: string; locale: string; edition: EditionId }, outputs: readonly OutputResult[] = [], diagnostics: readonly Diagnostic[] = [], removed: readonly string[] = []): void {
    if (job.edition !== this.edition) return;
    if (removed.length > 0 && outputs.length === 0) {
      const key = unitPath(job.locale, job.leafletId);
      const unit = this.known.get(key);
      if (unit) {
        this.known.delete(key);
        this.notify({ ...unit, version: unit.version + 1, failed: true, diagnostics: [] });
      }
      return;
    }
    for (const output of outputs) if (output.edition === this.edition) this.outputDone(output, diagnostics);
  }

  private outputDone(output: OutputResult, diagnostics: readonly Diagnostic[]): void {
    const key = unitPath(output.locale, output.leafletId);
    const sourceFile = `${CONTENT_DIR}/${output.locale}/${output.leafletId}.md`;
    const unit: PreviewUnit = this.known.get(key) ?? { locale: output.locale, leafletId: output.leafletId, sourceFile, version: 0, failed: false, diagnostics: [] };
    const fresh = output.status !== 'failed';
    if (output.status === 'written' || (fresh && unit.version === 0)) {
      unit.version += 1;
      unit.writtenAt = Date.now();
    }
    if (fresh) {
      unit.file = output.file;
      if (output.pages !== undefined) unit.pages = output.pages;
    }
    unit.failed = !fresh;
    unit.diagnostics = dedupe(diagnostics.filter((d) => !aboutOtherLeaflet(d, sourceFile) && (!d.file.startsWith('locales/') || isLocaleFileOf(d.file, output.locale))));
    this.known.set(key, unit);
    this.notify(unit);
  }

  private notify(unit: PreviewUnit): void {
    for (const listener of this.listeners) {
      try {
        listener(unit);
      } catch {
        // A page that went away must not stop the watcher.
      }
    }
  }
}

/** A strings file this locale prints from: its own, or the English it falls back to. */
const isLocaleFileOf = (file: string, locale: string) => file.startsWith(`locales/${locale}/`) || file.startsWith('locales/en-GB/');

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of diagnostics) seen.set(`${d.file}:${d.line ?? ''}:${d.column ?? ''}:${d.rule}:${d.message}`, d);
  return [...seen.values()];
}
