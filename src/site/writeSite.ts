import { rm } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { buildManifest, readManifest, stableJson, writeManifest, type Manifest } from '../emit/manifest.ts';
import type { LeafletSource } from '../load/content.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { makeTranslate, SOURCE_LOCALE, type I18n } from '../load/locales.ts';
import { renderDownloadsPage } from './downloadsPage.ts';
import { copySiteAssets } from './siteAssets.ts';
import { ensureCover } from './thumbnails.ts';

export const DOWNLOADS_PAGE = 'index.html';

export interface SiteInput {
  outDir: string;
  /** All of the project's leaflet sources: the site lists every leaflet, whatever was rebuilt. */
  sources: LeafletSource[];
  brand?: LoadedBrand;
  i18n: I18n;
  /** Page counts of PDFs this build wrote or confirmed, by absolute path. */
  knownPages?: ReadonlyMap<string, number>;
}

/**
 * Brings the website files in the output folder up to date after a build: cover thumbnails,
 * `manifest.json` (+ its JSON Schema) and the static downloads page `index.html`.
 * Problems become diagnostics; this never throws.
 */
export async function writeDownloadsSite(input: SiteInput): Promise<{ manifest?: Manifest; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const problem = (file: string, message: string) =>
    diagnostics.push(diagnostic({ file, rule: 'website-output', source: 'emit', message }));
  try {
    const previous = await readManifest(input.outDir);
    let manifest = await describeOutputs(input, previous, problem);
    // Watch mode builds editions in several threads at once, each ending here: whoever writes
    // last checks the disk again afterwards, so the final manifest never lags behind a PDF.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await writeManifest(input.outDir, manifest);
      const check = await describeOutputs(input, manifest, problem);
      if (stableJson(check) === stableJson(manifest)) break;
      manifest = check;
    }
    await removeOrphanCovers(input.outDir, previous, manifest);
    if (input.brand) {
      const assets = await copySiteAssets(input.outDir, input.brand);
      const html = renderDownloadsPage({
        manifest,
        brand: input.brand,
        translatorFor: (locale) => makeTranslate(input.i18n, locale),
        pageLocale: SOURCE_LOCALE,
        sourceLocale: SOURCE_LOCALE,
        assets,
      });
      await writeFileAtomic(path.join(input.outDir, DOWNLOADS_PAGE), Buffer.from(html));
    }
    return { manifest, diagnostics };
  } catch (error) {
    problem(path.basename(input.outDir), `Could not write the downloads manifest and page: ${(error as Error).message}`);
    return { diagnostics };
  }
}

/** The manifest of what is on disk now, with each entry's cover thumbnail brought up to date. */
async function describeOutputs(input: SiteInput, previous: Manifest | undefined, problem: (file: string, message: string) => void): Promise<Manifest> {
  const manifest = await buildManifest({ ...input, sourceLocale: SOURCE_LOCALE, previous });
  const previousCovers = new Map((previous?.leaflets ?? []).map((entry) => [`${entry.locale}/${entry.id}`, entry.cover]));
  for (const entry of manifest.leaflets) {
    try {
      entry.cover = await ensureCover(input.outDir, entry, previousCovers.get(`${entry.locale}/${entry.id}`));
    } catch (error) {
      problem(`content/${entry.locale}/${entry.id}.md`, `Could not render the cover thumbnail: ${(error as Error).message}`);
    }
  }
  return manifest;
}

/** Thumbnails of leaflets that are no longer published (their PDFs or sources were removed). */
async function removeOrphanCovers(outDir: string, previous: Manifest | undefined, current: Manifest): Promise<void> {
  const kept = new Set(current.leaflets.flatMap((entry) => (entry.cover ? [entry.cover.path] : [])));
  for (const entry of previous?.leaflets ?? []) {
    if (entry.cover && !kept.has(entry.cover.path)) await rm(path.join(outDir, ...entry.cover.path.split('/')), { force: true });
  }
}
