import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Translate } from '../compile/leaflet.ts';
import type { EditionFile, Manifest, ManifestEntry } from '../emit/manifest.ts';
import type { PageLink, PageShellInput } from '../html/pageShell.ts';
import type { Brand } from '../load/brandSchema.ts';
import { isAllowedLink } from '../load/linkPolicy.ts';
import { languageName } from '../load/locales.ts';
import type { EditionId } from '../render/editions.ts';
import { hrefBetween, versioned, type SiteLayout } from './siteLayout.ts';

/** Paths (inside the output folder) of the files every page shares. */
export interface SharedAssets {
  stylesheet: string;
  logo: { path: string; width: number; height: number };
}

/** What every page of one build is made from. */
export interface SiteContext {
  brand: Pick<Brand, 'charityName' | 'website' | 'logo'>;
  layout: SiteLayout;
  manifest: Manifest;
  assets: SharedAssets;
  translatorFor: (locale: string) => Translate;
  sourceLocale: string;
  /** Languages with at least one leaflet, the source language first. */
  locales: string[];
}

export const publishedLocales = (manifest: Manifest, sourceLocale: string): string[] =>
  [...new Set(manifest.leaflets.map((entry) => entry.locale))].sort((a, b) =>
    a === sourceLocale ? -1 : b === sourceLocale ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

/** Entries grouped by leaflet id, in manifest order. */
export function leafletsById(manifest: Manifest): Map<string, ManifestEntry[]> {
  const groups = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.leaflets) groups.set(entry.id, [...(groups.get(entry.id) ?? []), entry]);
  return groups;
}

/** Locale keys of edition names (keys are camelCase in the locale files). */
export const EDITION_KEYS: Record<EditionId, string> = {
  a5: 'a5',
  a4: 'a4',
  'large-print': 'largePrint',
  booklet: 'booklet',
  'print-shop': 'printShop',
};

/** Sizes in KB (1024 bytes), at least 1, written with the locale's digits. */
const kilobytes = (bytes: number, locale: string) => new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)));

/**
 * What a download link says: the file type, edition, pages and size. A booklet's PDF pages are
 * sides of A4 sheets, each holding two booklet pages, so it is counted in booklet pages and sheets.
 */
export function downloadText(file: EditionFile, locale: string, t: Translate): string {
  const pages =
    file.edition === 'booklet'
      ? t('site:printing.bookletPages', { pages: file.pages * 2, count: Math.ceil(file.pages / 2) })
      : t('downloads.pages', { count: file.pages });
  return t('downloads.link', {
    edition: t(`edition.${EDITION_KEYS[file.edition]}`),
    pages,
    size: t('downloads.size', { size: kilobytes(file.bytes, locale) }),
  });
}

/** A link to another website only when linkPolicy allows its address (the PDFs follow the same rule); else the text alone. */
export const webLink = (url: string, text: string): ElementContent => (isAllowedLink(url, { web: true }) ? h('a', { href: url }, text) : { type: 'text', value: text });

/** The link to one PDF, with its content hash in the URL. */
export const fileHref = (fromPage: string, file: { path: string; sha256: string }) => versioned(hrefBetween(fromPage, file.path), file.sha256);

/** The frame of a page (header, navigation, footer) in one language; the caller adds `main`. */
export function pageFrame(
  context: SiteContext,
  options: {
    locale: string;
    pagePath: string;
    title: string;
    description?: string;
    /** The same page in other languages (paths inside the output folder), this one included. */
    translations: Array<{ locale: string; path: string }>;
  },
): Omit<PageShellInput, 'main'> {
  const { layout, brand, assets } = context;
  const t = context.translatorFor(options.locale);
  const link = (to: string, text: string): PageLink => ({ href: hrefBetween(options.pagePath, to), text, current: to === options.pagePath });
  const others = options.translations.filter((translation) => translation.locale !== options.locale);
  return {
    lang: options.locale,
    title: `${options.title} – ${brand.charityName}`,
    ...(options.description ? { description: options.description } : {}),
    canonical: layout.url(options.pagePath),
    alternates:
      others.length === 0
        ? []
        : [
            ...options.translations.map((translation) => ({ hreflang: translation.locale, href: layout.url(translation.path) })),
            ...options.translations
              .filter((translation) => translation.locale === context.sourceLocale)
              .map((translation) => ({ hreflang: 'x-default', href: layout.url(translation.path) })),
          ],
    stylesheet: hrefBetween(options.pagePath, assets.stylesheet),
    logo: { src: hrefBetween(options.pagePath, assets.logo.path), alt: brand.logo.alt, width: assets.logo.width, height: assets.logo.height },
    homeHref: hrefBetween(options.pagePath, layout.home(options.locale)),
    strapline: t('strapline'),
    skipLink: t('site:skipLink'),
    nav: {
      label: t('site:nav.label'),
      links: [link(layout.home(options.locale), t('site:nav.home')), link(layout.downloads(options.locale), t('site:nav.downloads'))],
    },
    languages: {
      label: t('site:nav.languages'),
      links: others.map((other) => ({ href: hrefBetween(options.pagePath, other.path), text: languageName(other.locale), lang: other.locale })),
    },
    footer: [h('p', [webLink(brand.website, t('downloads.websiteLink', { charity: brand.charityName }))])],
  };
}
