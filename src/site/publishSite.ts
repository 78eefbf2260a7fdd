import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledLeaflet, Translate } from '../compile/leaflet.ts';
import type { Block } from '../compile/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { sha256Of, type Manifest, type ManifestEntry } from '../emit/manifest.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { renderDownloadsPage } from './downloadsPage.ts';
import { renderHomePage, renderRootPage } from './homePages.ts';
import { renderLeafletPage } from './leafletPage.ts';
import { renderWithdrawnPage } from './withdrawn.ts';
import { AssetWriter, writeSharedAssets } from './siteAssets.ts';
import { publishedLocales, type SiteContext } from './siteContext.ts';
import { hrefBetween, siteLayout, versioned, type SiteLayout } from './siteLayout.ts';
import { generatedAtOf, renderSitemap, SITEMAP_FILE } from './sitemap.ts';

export interface PublishInput {
  outDir: string;
  brand: LoadedBrand;
  /** What is in the output folder now (PDFs and covers). */
  manifest: Manifest;
  previous?: Manifest;
  /** Compiled leaflets by `<locale>/<id>`; a leaflet missing here keeps its last good page. */
  leaflets: ReadonlyMap<string, CompiledLeaflet>;
  translatorFor: (locale: string) => Translate;
  sourceLocale: string;
  diagnostics: Diagnostic[];
}

type PageRecord = NonNullable<ManifestEntry['page']>;

function imagesOf(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'image') return [block.src];
    if (block.type === 'callout') return imagesOf(block.children);
    if (block.type === 'list') return block.items.flatMap((item) => imagesOf(item.children));
    return [];
  });
}

async function writePage(outDir: string, relative: string, html: string, written?: Set<string>): Promise<string> {
  const bytes = Buffer.from(html);
  written?.add(relative);
  await writeFileAtomic(path.join(outDir, ...relative.split('/')), bytes);
  return sha256Of(bytes);
}

/** Every file under a folder, as paths relative to it with `/`. */
export async function filesUnder(folder: string, prefix: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) =>
      // Hidden folders and node_modules are never the build's (and `--out .` must not walk them).
      entry.isDirectory()
        ? entry.name.startsWith('.') || entry.name === 'node_modules'
          ? Promise.resolve([])
          : filesUnder(path.join(folder, entry.name), `${prefix}${entry.name}/`)
        : Promise.resolve([`${prefix}${entry.name}`]),
    ),
  );
  return nested.flat();
}

/** The manifest with public addresses: every PDF with its versioned URL, every page with its own. */
function withAddresses(manifest: Manifest, layout: SiteLayout, pages: ReadonlyMap<string, PageRecord>): Manifest {
  const generatedAt = generatedAtOf({ manifest });
  return {
    ...manifest,
    baseUrl: layout.baseUrl,
    ...(generatedAt ? { generatedAt } : {}),
    sitemap: SITEMAP_FILE,
    leaflets: manifest.leaflets.map((entry) => {
      const page = pages.get(`${entry.locale}/${entry.id}`);
      return {
        ...entry,
        editions: entry.editions.map((file) => ({ ...file, url: new URL(versioned(hrefBetween('index.html', file.path), file.sha256), layout.baseUrl).href })),
        ...(page ? { page } : {}),
      };
    }),
    ...(manifest.withdrawn
      ? {
          withdrawn: manifest.withdrawn.map((entry) => {
            const page = pages.get(`${entry.locale}/${entry.id}`);
            return { ...entry, ...(page ? { page } : {}) };
          }),
        }
      : {}),
  };
}

/**
 * Writes the site around the PDFs: shared assets, each leaflet's HTML page, the home and
 * downloads page of each language, the root language picker and `sitemap.xml`, and a notice
 * at the address of each withdrawn leaflet. Returns the manifest with the pages and public
 * addresses added, and every site file written (see staleFiles.ts for what is removed).
 */
export async function publishSite(input: PublishInput): Promise<{ manifest: Manifest; siteFiles?: Set<string>; pagePrefix?: string }> {
  const { outDir, brand, manifest } = input;
  const found = siteLayout(brand);
  if ('problem' in found) {
    if (!input.diagnostics.some((d) => d.rule === 'site-layout')) {
      input.diagnostics.push(diagnostic({ file: 'templates/brand.yaml', rule: 'site-layout', source: 'emit', message: found.problem }));
    }
    return { manifest };
  }
  const { layout } = found;
  const written = new Set<string>();
  const assets = new AssetWriter(outDir);
  const context: SiteContext = {
    brand,
    layout,
    manifest,
    assets: await writeSharedAssets(assets, brand),
    translatorFor: input.translatorFor,
    sourceLocale: input.sourceLocale,
    locales: publishedLocales(manifest, input.sourceLocale),
  };

  const pages = new Map<string, PageRecord>();
  for (const entry of manifest.leaflets) {
    const key = `${entry.locale}/${entry.id}`;
    const pagePath = layout.leafletPage(entry.locale, entry.id);
    const record = (sha256: string) => pages.set(key, { path: pagePath, url: layout.url(pagePath), sha256 });
    const leaflet = input.leaflets.get(key);
    if (leaflet) {
      const images = new Map<string, string>();
      for (const src of imagesOf(leaflet.body.blocks)) images.set(src, await assets.image(src));
      const html = renderLeafletPage(context, { leaflet, entry, imageHref: (src, from) => hrefBetween(from, images.get(src)!) });
      record(await writePage(outDir, pagePath, html, written));
    } else {
      // The source does not compile now: its last good page stays, as its last good PDFs do.
      const kept = await readFile(path.join(outDir, ...pagePath.split('/'))).catch(() => undefined);
      if (kept) record(sha256Of(kept));
    }
  }
  // A withdrawn leaflet's address still answers (printed QR codes outlive it): with a notice.
  for (const entry of manifest.withdrawn ?? []) {
    const pagePath = layout.leafletPage(entry.locale, entry.id);
    const sha256 = await writePage(outDir, pagePath, renderWithdrawnPage(context, entry), written);
    pages.set(`${entry.locale}/${entry.id}`, { path: pagePath, url: layout.url(pagePath), sha256 });
  }
  for (const locale of context.locales) {
    await writePage(outDir, layout.home(locale), renderHomePage(context, locale), written);
    await writePage(outDir, layout.downloads(locale), renderDownloadsPage(context, locale), written);
  }
  await writePage(outDir, layout.root, renderRootPage(context), written);
  await writePage(outDir, SITEMAP_FILE, renderSitemap(context), written);

  for (const file of assets.written) written.add(file);
  // The folder above the language folders of the leaflet pages (`leaflets/` when published at the site root).
  const sample = layout.leafletPage('xx-XX', 'id');
  const pagePrefix = sample.includes('xx-XX/') ? sample.slice(0, sample.indexOf('xx-XX/')) : '';
  return { manifest: withAddresses(manifest, layout, pages), siteFiles: written, pagePrefix };
}
