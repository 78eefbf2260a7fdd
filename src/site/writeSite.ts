import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildManifest, isPseudoLocale, readManifest, stableJson, writeManifest, type Manifest } from '../emit/manifest.ts';
import type { LeafletSource } from '../load/content.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { makeTranslate, SOURCE_LOCALE, type I18n } from '../load/locales.ts';
import { outputFileName } from '../emit/outputPaths.ts';
import { withdrawnDate } from '../load/withdrawn.ts';
import { EDITION_IDS } from '../render/editions.ts';
import { filesUnder, publishSite } from './publishSite.ts';
import { filesToRemove, publishedFiles } from './staleFiles.ts';
import { ensureCover } from './thumbnails.ts';

export interface SiteInput {
  outDir: string;
  /** All of the project's leaflet sources: the site lists every leaflet, whatever was rebuilt. */
  sources: LeafletSource[];
  brand?: LoadedBrand;
  i18n: I18n;
  /**
   * The compiled model of a leaflet, for its HTML page (the build core compiles each leaflet
   * once and hands the same model to the PDF and the page); undefined when it does not compile
   * now, so its last good page stays, as its last good PDFs do.
   */
  leafletModel: (source: LeafletSource) => CompiledLeaflet | undefined;
  /** Page counts of PDFs this build wrote or confirmed, by absolute path. */
  knownPages?: ReadonlyMap<string, number>;
  /**
   * Remove only files the last manifest listed (plus pseudo-locale files and old assets): for
   * watch mode, where PDFs of a newer edit may land while this update works from older sources.
   */
  removeOnlyListed?: boolean;
}

/**
 * Brings the website in the output folder up to date after a build: cover thumbnails, the
 * HTML edition of every leaflet, home, downloads and language-picker pages, `sitemap.xml`,
 * and `manifest.json` (+ its JSON Schema) describing all of it. Problems become diagnostics;
 * this never throws.
 */
export async function writeDownloadsSite(input: SiteInput): Promise<{ manifest?: Manifest; diagnostics: Diagnostic[]; removed: string[] }> {
  const diagnostics: Diagnostic[] = [];
  const problem = (file: string, message: string) =>
    diagnostics.push(diagnostic({ file, rule: 'website-output', source: 'emit', message }));
  try {
    const previous = await readManifest(input.outDir);
    const leaflets = input.brand ? modelsOf(input) : new Map<string, CompiledLeaflet>();
    let described = await describeOutputs(input, previous, problem);
    let published = described;
    let siteFiles: Set<string> | undefined;
    let pagePrefix = '';
    // Watch mode builds editions in several threads at once, each ending here: whoever writes
    // last checks the disk again afterwards, so the final manifest never lags behind a PDF.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const site = input.brand
        ? await publishSite({ outDir: input.outDir, brand: input.brand, manifest: described, leaflets, translatorFor: (locale) => makeTranslate(input.i18n, locale), sourceLocale: SOURCE_LOCALE, diagnostics })
        : { manifest: described };
      published = site.manifest;
      siteFiles = site.siteFiles;
      pagePrefix = site.pagePrefix ?? '';
      await writeManifest(input.outDir, published);
      const check = await describeOutputs(input, published, problem);
      if (stableJson(check) === stableJson(described)) break;
      described = check;
    }
    // Only after a complete site: without one (no brand, a layout problem) nothing is known to be unpublished.
    const removed = siteFiles ? await removeUnpublished(input, published, siteFiles, pagePrefix, previous) : [];
    return { manifest: published, diagnostics, removed };
  } catch (error) {
    problem(path.basename(input.outDir), `Could not write the website files and manifest: ${(error as Error).message}`);
    return { diagnostics, removed: [] };
  }
}

/**
 * Removes what nothing publishes any more (see staleFiles.ts), so the folder can be uploaded as
 * it is. The PDFs and thumbnail of a leaflet that still exists stay even when it is not listed
 * (its front matter is broken now): the last good output is never removed. Empty folders left
 * behind go too. Returns the removed files, relative to the output folder.
 */
async function removeUnpublished(
  input: SiteInput,
  manifest: Manifest,
  siteFiles: ReadonlySet<string>,
  pagePrefix: string,
  previous: Manifest | undefined,
): Promise<string[]> {
  const keep = new Set<string>();
  for (const source of input.sources) {
    if (isPseudoLocale(source.locale) || withdrawnDate(source, input.sources)) continue;
    for (const edition of EDITION_IDS) keep.add(`${source.locale}/${outputFileName(source.id, edition)}`);
    keep.add(`${source.locale}/${source.id}.cover.png`);
  }
  let candidates = await filesUnder(input.outDir, '');
  if (input.removeOnlyListed) {
    const listed = previous ? publishedFiles(previous, []) : new Set<string>();
    candidates = candidates.filter((file) => listed.has(file) || file.startsWith('assets/') || isPseudoLocale(file.split('/')[0]!));
  }
  const removed = filesToRemove(candidates, publishedFiles(manifest, siteFiles), { keep, pagePrefix });
  for (const file of removed) await rm(path.join(input.outDir, ...file.split('/')), { force: true });
  const folders = new Set(removed.flatMap((file) => file.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))));
  // Deepest first, so a folder emptied by removing its sub-folder goes too.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(path.join(input.outDir, ...folder.split('/'))).catch(() => undefined);
  }
  return removed;
}

const leafletKey = (locale: string, id: string) => `${locale}/${id}`;

/** Every published leaflet's compiled model, by `<locale>/<id>`. */
function modelsOf(input: SiteInput): Map<string, CompiledLeaflet> {
  const models = new Map<string, CompiledLeaflet>();
  for (const source of input.sources) {
    if (isPseudoLocale(source.locale) || !source.frontMatter) continue;
    const leaflet = input.leafletModel(source);
    if (leaflet) models.set(leafletKey(source.locale, source.id), leaflet);
  }
  return models;
}

/** The manifest of what is on disk now, with each entry's cover thumbnail brought up to date. */
async function describeOutputs(input: SiteInput, previous: Manifest | undefined, problem: (file: string, message: string) => void): Promise<Manifest> {
  const manifest = await buildManifest({ ...input, sourceLocale: SOURCE_LOCALE, previous });
  const previousCovers = new Map((previous?.leaflets ?? []).map((entry) => [leafletKey(entry.locale, entry.id), entry.cover]));
  for (const entry of manifest.leaflets) {
    try {
      entry.cover = await ensureCover(input.outDir, entry, previousCovers.get(leafletKey(entry.locale, entry.id)));
    } catch (error) {
      problem(`content/${entry.locale}/${entry.id}.md`, `Could not render the cover thumbnail: ${(error as Error).message}`);
    }
  }
  return manifest;
}
