import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CompiledLeaflet, Translate } from '../compile/leaflet.ts';
import type { EditionFile, ManifestEntry } from '../emit/manifest.ts';
import { leafletArticle } from '../html/leafletArticle.ts';
import { renderPage } from '../html/pageShell.ts';
import { downloadText, EDITION_KEYS, fileHref, leafletsById, pageFrame, type SiteContext } from './siteContext.ts';
import { hrefBetween } from './siteLayout.ts';

/** One PDF as a list item: the link, then a line saying what the file is for. */
export function downloadItem(pagePath: string, file: EditionFile, locale: string, t: Translate, withHelp: boolean): ElementContent {
  return h('li', [
    h('a', { href: fileHref(pagePath, file), type: 'application/pdf', hrefLang: locale }, downloadText(file, locale, t)),
    ...(withHelp ? [h('p', { className: ['help'] }, t(`site:editions.${EDITION_KEYS[file.edition]}`))] : []),
  ]);
}

/**
 * Reading editions in a list, then the print files under "For printers"; with `withHelp`, a
 * line under each link says what the file is for (the downloads page says it once, at the end).
 */
export function downloadLists(pagePath: string, entry: ManifestEntry, t: Translate, headingTag: 'h3' | 'h4', withHelp = true): ElementContent[] {
  const reading = entry.editions.filter((file) => !file.forPrinters);
  const printing = entry.editions.filter((file) => file.forPrinters);
  const list = (files: EditionFile[]) => h('ul', { className: ['downloads'] }, files.map((file) => downloadItem(pagePath, file, entry.locale, t, withHelp)));
  return [
    ...(reading.length > 0 ? [list(reading)] : []),
    ...(printing.length > 0
      ? [h(headingTag, t('downloads.forPrinters')), h('p', { className: ['help'] }, t('downloads.forPrintersNote')), list(printing)]
      : []),
  ];
}

export interface LeafletPageInput {
  leaflet: CompiledLeaflet;
  entry: ManifestEntry;
  /** The `src` of a local image, relative to the page. */
  imageHref: (absolutePath: string, fromPage: string) => string;
}

/**
 * The HTML edition of one leaflet, at the address its QR code prints: the leaflet (from the
 * same compiled model as the PDF), then its PDFs, with the same leaflet in other languages
 * linked in the header and as `hreflang` alternates.
 */
export function renderLeafletPage(context: SiteContext, { leaflet, entry, imageHref }: LeafletPageInput): string {
  const { layout } = context;
  const pagePath = layout.leafletPage(entry.locale, entry.id);
  const t = leaflet.t;
  const translations = (leafletsById(context.manifest).get(entry.id) ?? []).map((other) => ({
    locale: other.locale,
    path: layout.leafletPage(other.locale, other.id),
  }));
  const frame = pageFrame(context, {
    locale: entry.locale,
    pagePath,
    title: leaflet.frontMatter.title,
    description: leaflet.frontMatter.summary,
    translations,
  });
  const downloads = h('section', { className: ['panel'], ariaLabelledBy: 'downloads' }, [
    h('h2', { id: 'downloads' }, t('site:leaflet.downloadsHeading')),
    ...downloadLists(pagePath, entry, t, 'h3'),
    h('p', [h('a', { href: hrefBetween(pagePath, layout.downloads(entry.locale)) }, t('site:leaflet.allDownloads'))]),
  ]);
  const article = leafletArticle({ leaflet, imageHref: (src) => imageHref(src, pagePath) });
  return renderPage({ ...frame, main: [article, downloads] });
}
