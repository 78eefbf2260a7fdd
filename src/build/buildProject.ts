import path from 'node:path';
import { compileLeaflet } from '../compile/compileLeaflet.ts';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import { readingEase } from '../compile/readingEase.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { outputPath } from '../emit/outputPaths.ts';
import { lintBrandAndStyles } from '../lint/brandLint.ts';
import { leafletGlyphDiagnostics, projectGlyphDiagnostics } from '../lint/glyphCoverage.ts';
import { withPseudoLocale } from '../i18n/pseudoLocale.ts';
import { blocksOutput } from '../i18n/localeChecks.ts';
import { translationCheckStage } from '../i18n/translationStage.ts';
import { lintLeafletBody } from '../lint/leafletLint.ts';
import type { LoadedBrand } from '../load/brand.ts';
import type { LeafletSource } from '../load/content.ts';
import { SOURCE_LOCALE } from '../load/locales.ts';
import { EDITIONS, type Edition, type EditionId } from '../render/editions.ts';
import { renderEdition } from '../render/renderEdition.ts';
import { writeDownloadsSite } from '../site/writeSite.ts';
import { leafletUrl } from './leafletUrl.ts';
import { loadProject, sourceOf, type ProjectSnapshot } from './project.ts';
import { fontStoreFor } from './renderSession.ts';
import { promoteStrict, selectionFilter, type BuildSelection } from './selection.ts';

export interface BuildOptions extends BuildSelection {
  root: string;
  outDir: string;
  strict: boolean;
  onOutput?: (result: OutputResult) => void;
  /** Update the website files after the PDFs (default true); watch mode does it once per rebuild instead. */
  writeSite?: boolean;
  /** Measure the English leaflets' reading ease (default true; watch mode skips it on its fast path). */
  measureReadingEase?: boolean;
  /** Flush each PDF to disk before renaming it into place (default true; see writeFileAtomic). */
  flushToDisk?: boolean;
}

export interface OutputResult {
  leafletId: string;
  locale: string;
  edition: EditionId;
  /** Path relative to the project root. */
  file: string;
  status: 'written' | 'unchanged' | 'failed';
  pages?: number;
  bytes?: number;
  ms: number;
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
  durationMs: number;
  ok: boolean;
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** Errors that stop every output of a locale (a broken locale file) or of the whole project (the brand). */
function blockingErrors(diagnostics: Diagnostic[], locale: string): Diagnostic[] {
  return diagnostics.filter(
    (d) => d.severity === 'error' && (d.file.startsWith('templates/brand') || d.file.startsWith(`locales/${locale}/`)),
  );
}

/** Brand lint results, kept while the loaded brand object lives (watch mode reuses it). */
const brandLintCache = new WeakMap<LoadedBrand, Map<string, Promise<Diagnostic[]>>>();

function brandLint(root: string, brand: LoadedBrand, editions: Edition[]): Promise<Diagnostic[]> {
  const byEditions = brandLintCache.get(brand) ?? new Map<string, Promise<Diagnostic[]>>();
  brandLintCache.set(brand, byEditions);
  const key = editions.map((edition) => edition.id).join(',');
  let result = byEditions.get(key);
  if (!result) {
    result = lintBrandAndStyles(root, brand, editions);
    byEditions.set(key, result);
  }
  return result;
}

/**
 * Builds every selected leaflet x locale x edition. One bad leaflet never stops the others;
 * a failed output is never written, so the last good PDF stays in place.
 */
export async function buildProject(options: BuildOptions, preloaded?: ProjectSnapshot): Promise<BuildReport> {
  const started = performance.now();
  const project = preloaded ?? (await loadProject(options.root));
  // The pseudo-locale (en-XA) exists only when asked for by name; the downloads site reads `project`, so never lists it.
  const buildable = withPseudoLocale(project, options.locales);
  const diagnostics: Diagnostic[] = promoteStrict(project.diagnostics, options.strict);
  const outputs: OutputResult[] = [];
  const readingEaseResults: ReadingEaseResult[] = [];
  const wanted = selectionFilter(options);
  const editions = options.editions.map((id) => EDITIONS[id]);
  const { brand } = project;
  if (brand) diagnostics.push(...(await brandLint(project.root, brand, editions)));

  const selected = buildable.sources.filter((s) => wanted(s.id, s.locale));
  if (brand) diagnostics.push(...projectGlyphDiagnostics(buildable, selected.map((s) => s.locale)));
  // Translation checks per locale built: an error stops that locale's (or leaflet's) PDFs.
  const translationProblems = (await Promise.all([...new Set(selected.map((s) => s.locale))].map((locale) => translationCheckStage(project.root, locale, project.sources)))).flat();
  diagnostics.push(...promoteStrict(translationProblems, options.strict));
  for (const source of selected) {
    if (source.locale === SOURCE_LOCALE && options.measureReadingEase !== false) {
      const ease = readingEase(source.body);
      readingEaseResults.push({ file: source.file, fleschReadingEase: ease.fleschReadingEase, words: ease.words });
    }
    const compiled = compileSource(buildable, source, options.strict);
    diagnostics.push(...compiled.diagnostics);
    const blocked = blockingErrors(diagnostics, source.locale).length > 0 || !brand || blocksOutput(translationProblems, source);
    for (const edition of editions) {
      const target = outputPath(options.outDir, source.locale, source.id, edition.id);
      const base = { leafletId: source.id, locale: source.locale, edition: edition.id, file: relative(project.root, target) };
      const t0 = performance.now();
      let result: OutputResult;
      if (!compiled.leaflet || blocked || !brand) {
        result = { ...base, status: 'failed', ms: 0 };
      } else {
        try {
          const rendered = await renderEdition({
            leaflet: compiled.leaflet,
            brand,
            edition,
            fontStore: fontStoreFor(brand),
            leafletUrl: leafletUrl(brand, source.locale, source.id),
          });
          const status = await writeFileAtomic(target, rendered.bytes, { flushToDisk: options.flushToDisk !== false });
          result = { ...base, status, pages: rendered.pageCount, bytes: rendered.bytes.length, ms: performance.now() - t0 };
        } catch (error) {
          diagnostics.push(
            diagnostic({
              file: source.file,
              rule: 'render-failed',
              source: 'render',
              message: `Could not render the ${edition.id} edition: ${(error as Error).message}`,
            }),
          );
          result = { ...base, status: 'failed', ms: performance.now() - t0 };
        }
      }
      outputs.push(result);
      options.onOutput?.(result);
    }
  }
  // manifest.json, cover thumbnails and index.html describe every PDF on disk, not only this build's.
  const knownPages = new Map(outputs.flatMap((o) => (o.pages ? [[path.resolve(project.root, o.file), o.pages] as const] : [])));
  if (options.writeSite !== false) {
    const site = await writeDownloadsSite({ outDir: options.outDir, sources: project.sources, brand, i18n: project.i18n, knownPages });
    diagnostics.push(...site.diagnostics);
  }
  const ok = !diagnostics.some((d) => d.severity === 'error') && outputs.every((o) => o.status !== 'failed');
  return { outputs, diagnostics, readingEase: readingEaseResults, durationMs: performance.now() - started, ok };
}

function compileSource(
  project: ProjectSnapshot,
  source: LeafletSource,
  strict: boolean,
): { leaflet?: CompiledLeaflet; diagnostics: Diagnostic[] } {
  if (!source.frontMatter || !project.brand) return { diagnostics: [] };
  const compiled = compileLeaflet({
    root: project.root,
    source,
    brand: project.brand,
    i18n: project.i18n,
    sourceLeaflet: sourceOf(project, source.id),
    templates: project.templates,
  });
  const diagnostics = promoteStrict(compiled.diagnostics, strict);
  if (compiled.leaflet) diagnostics.push(...lintLeafletBody(source.file, compiled.leaflet.body.blocks));
  if (compiled.leaflet) diagnostics.push(...leafletGlyphDiagnostics(project, compiled.leaflet, source));
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { leaflet: failed ? undefined : compiled.leaflet, diagnostics };
}
