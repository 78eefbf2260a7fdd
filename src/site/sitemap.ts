import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import { leafletsById, type SiteContext } from './siteContext.ts';

export const SITEMAP_FILE = 'sitemap.xml';

interface SitemapPage {
  path: string;
  lastmod: string;
  /** The same page in each language, this one included. */
  alternates: Array<{ locale: string; path: string }>;
}

/** The latest `published` date of the listed leaflets: a date from the inputs, so builds stay byte-identical. */
export const generatedAtOf = (context: Pick<SiteContext, 'manifest'>): string | undefined =>
  context.manifest.leaflets.map((entry) => entry.published).sort().at(-1);

/** Every page of the site, with its language alternates. */
export function sitePages(context: SiteContext): SitemapPage[] {
  const { layout, locales } = context;
  const generatedAt = generatedAtOf(context) ?? '1970-01-01';
  const perLocale = (pathOf: (locale: string) => string, lastmodOf: (locale: string) => string): SitemapPage[] => {
    const alternates = locales.map((locale) => ({ locale, path: pathOf(locale) }));
    return locales.map((locale) => ({ path: pathOf(locale), lastmod: lastmodOf(locale), alternates }));
  };
  const latestIn = (locale: string) =>
    context.manifest.leaflets.filter((entry) => entry.locale === locale).map((entry) => entry.published).sort().at(-1) ?? generatedAt;
  const pages: SitemapPage[] = [
    { path: layout.root, lastmod: generatedAt, alternates: [] },
    ...perLocale(layout.home, latestIn),
    ...perLocale(layout.downloads, latestIn),
  ];
  for (const entries of leafletsById(context.manifest).values()) {
    const alternates = entries.map((entry) => ({ locale: entry.locale, path: layout.leafletPage(entry.locale, entry.id) }));
    for (const entry of entries) pages.push({ path: layout.leafletPage(entry.locale, entry.id), lastmod: entry.published, alternates });
  }
  return pages;
}

/** `sitemap.xml` with absolute URLs and `hreflang` alternates (xhtml:link), as search engines read it. */
export function renderSitemap(context: SiteContext): string {
  const { layout } = context;
  const urls = sitePages(context).map((page) =>
    x('url', [
      x('loc', layout.url(page.path)),
      x('lastmod', page.lastmod),
      ...(page.alternates.length > 1
        ? page.alternates.map((alternate) => x('xhtml:link', { rel: 'alternate', hreflang: alternate.locale, href: layout.url(alternate.path) }))
        : []),
    ]),
  );
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
    x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' }, urls),
  ]);
  return `${toXml(tree, { closeEmptyElements: true })}\n`;
}
