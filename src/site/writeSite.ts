import { rm } from 'node:fs/promises';
import path from 'node:path';
import { compileLeaflet } from '../compile/compileLeaflet.ts';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import type { TemplateSet } from '../compile/templates.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildManifest, isPseudoLocale, readManifest, stableJson, writeManifest, type Manifest } from '../emit/manifest.ts';
import type { LeafletSource } from '../load/content.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { makeTranslate, SOURCE_LOCALE, type I18n } from '../load/locales.ts';
import { publishSite } from './publishSite.ts';
import { ensureCover } from './thumbnails.ts';

export interface SiteInput {
  outDir: string;
  /** Project root: leaflets are compiled again here for their HTML pages. */
  root: string;
  /** All of the project's leaflet sources: the site lists every leaflet, whatever was rebuilt. */
  sources: LeafletSource[];
  brand?: LoadedBrand;
  i18n: I18n;
  /** Handlebars partials already loaded for this build (read from disk when left out). */
  templates?: TemplateSet;
  /** Page counts of PDFs this build wrote or confirmed, by absolute path. */
  knownPages?: ReadonlyMap<string, number>;
}

/**
 * Brings the website in the output folder up to date after a build: cover thumbnails, the
 * HTML edition of every leaflet, home, downloads and language-picker pages, `sitemap.xml`,
 * and `manifest.json` (+ its JSON Schema) describing all of it. Problems become diagnostics;
 * this never throws.
 */
export async function writeDownloadsSite(input: SiteInput): Promise<{ manifest?: Manifest; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const problem = (file: string, message: string) =>
    diagnostics.push(diagnostic({ file, rule: 'website-output', source: 'emit', message }));
  try {
    const previous = await readManifest(input.outDir);
    const leaflets = input.brand ? compileForWeb(input, input.brand) : new Map<string, CompiledLeaflet>();
    let described = await describeOutputs(input, previous, problem);
    let published = described;
    // Watch mode builds editions in several threads at once, each ending here: whoever writes
    // last checks the disk again afterwards, so the final manifest never lags behind a PDF.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      published = input.brand
        ? await publishSite({ outDir: input.outDir, brand: input.brand, manifest: described, previous, leaflets, translatorFor: (locale) => makeTranslate(input.i18n, locale), sourceLocale: SOURCE_LOCALE, diagnostics })
        : described;
      await writeManifest(input.outDir, published);
      const check = await describeOutputs(input, published, problem);
      if (stableJson(check) === stableJson(described)) break;
      described = check;
    }
    await removeOrphanCovers(input.outDir, previous, published);
    return { manifest: published, diagnostics };
  } catch (error) {
    problem(path.basename(input.outDir), `Could not write the website files and manifest: ${(error as Error).message}`);
    return { diagnostics };
  }
}

const leafletKey = (locale: string, id: string) => `${locale}/${id}`;

/** The inputs a compiled leaflet came from, by identity: watch mode keeps unchanged ones. */
interface CompiledFrom {
  brand: LoadedBrand;
  i18n: I18n;
  templates?: TemplateSet;
  sourceLeaflet?: LeafletSource;
  leaflet?: CompiledLeaflet;
}
const compiledFor = new WeakMap<LeafletSource, CompiledFrom>();

/**
 * Every published leaflet compiled from its source, for its HTML page. One that does not
 * compile now is left out: its last good page stays, as its last good PDFs do. Its problems
 * are the build's to report, so none are added here. A leaflet whose source, brand, strings
 * and partials are the very objects it was compiled from last time is not compiled again.
 */
function compileForWeb(input: SiteInput, brand: LoadedBrand): Map<string, CompiledLeaflet> {
  const compiled = new Map<string, CompiledLeaflet>();
  for (const source of input.sources) {
    if (isPseudoLocale(source.locale) || !source.frontMatter) continue;
    const sourceLeaflet = input.sources.find((s) => s.id === source.id && s.locale === SOURCE_LOCALE);
    let from = compiledFor.get(source);
    if (!from || from.brand !== brand || from.i18n !== input.i18n || !input.templates || from.templates !== input.templates || from.sourceLeaflet !== sourceLeaflet) {
      const result = compileLeaflet({
        root: input.root,
        source,
        brand,
        i18n: input.i18n,
        ...(sourceLeaflet ? { sourceLeaflet } : {}),
        ...(input.templates ? { templates: input.templates } : {}),
      });
      from = { brand, i18n: input.i18n, ...(input.templates ? { templates: input.templates } : {}), ...(sourceLeaflet ? { sourceLeaflet } : {}), ...(result.leaflet ? { leaflet: result.leaflet } : {}) };
      compiledFor.set(source, from);
    }
    if (from.leaflet) compiled.set(leafletKey(source.locale, source.id), from.leaflet);
  }
  return compiled;
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

/** Thumbnails of leaflets that are no longer published (their PDFs or sources were removed). */
async function removeOrphanCovers(outDir: string, previous: Manifest | undefined, current: Manifest): Promise<void> {
  const kept = new Set(current.leaflets.flatMap((entry) => (entry.cover ? [entry.cover.path] : [])));
  for (const entry of previous?.leaflets ?? []) {
    if (entry.cover && !kept.has(entry.cover.path)) await rm(path.join(outDir, ...entry.cover.path.split('/')), { force: true });
  }
}
