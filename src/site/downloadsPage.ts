import type { Translate } from '../compile/leaflet.ts';
import { dateFormatter } from '../compile/compileLeaflet.ts';
import type { EditionFile, Manifest, ManifestEntry } from '../emit/manifest.ts';
import type { Brand } from '../load/brandSchema.ts';
import { isAllowedLink } from '../load/linkPolicy.ts';
import type { EditionId } from '../render/editions.ts';
import { escapeHtml as e, fileHref } from './html.ts';
import { pageStyles, type FontUrls } from './pageStyles.ts';

export interface DownloadsPageInput {
  manifest: Manifest;
  brand: Pick<Brand, 'charityName' | 'website' | 'colours' | 'logo'>;
  /** Strings for one locale (i18next, common namespace). */
  translatorFor: (locale: string) => Translate;
  /** The page chrome's language; each leaflet's section is in its own language. */
  pageLocale: string;
  sourceLocale: string;
  /** URLs, relative to the page, of the logo and web fonts copied into the output folder. */
  assets: { logo: string; fonts?: FontUrls };
}

/** Locale keys of edition names (keys are camelCase in the locale files). */
const EDITION_KEYS: Record<EditionId, string> = {
  a5: 'edition.a5',
  a4: 'edition.a4',
  'large-print': 'edition.largePrint',
  booklet: 'edition.booklet',
  'print-shop': 'edition.printShop',
};

/** A link to another website, only when linkPolicy allows its address (the PDFs follow the same rule); else the text alone. */
const webLink = (url: string, text: string): string => (isAllowedLink(url, { web: true }) ? `<a href="${e(url)}">${e(text)}</a>` : e(text));

const anchorOf = (...parts: string[]) => parts.join('-').replace(/[^A-Za-z0-9-]/g, '-');

/** Sizes in KB (1024 bytes), at least 1, written with the locale's digits. */
const kilobytes = (bytes: number, locale: string) => new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)));

function downloadLink(file: EditionFile, entry: ManifestEntry, t: Translate): string {
  const text = t('downloads.link', {
    edition: t(EDITION_KEYS[file.edition]),
    pages: t('downloads.pages', { count: file.pages }),
    size: t('downloads.size', { size: kilobytes(file.bytes, entry.locale) }),
  });
  return `<li><a href="${e(fileHref(file.path))}" type="application/pdf" hreflang="${e(entry.language.tag)}">${e(text)}</a></li>`;
}

function statusNote(entry: ManifestEntry, t: Translate): string {
  if (entry.translationStatus === 'draft') {
    return `<p class="status"><strong>${e(t('downloads.status.draft'))}.</strong> ${e(t('cover.draftTranslation'))}</p>`;
  }
  if (entry.translationStatus === 'stale') {
    return `<p class="status"><strong>${e(t('downloads.status.stale'))}.</strong> ${e(t('cover.staleTranslation'))}</p>`;
  }
  return '';
}

function languageSection(entry: ManifestEntry, t: Translate): string {
  const headingId = anchorOf(entry.id, entry.locale);
  const formatDate = dateFormatter(entry.locale);
  const reading = entry.editions.filter((file) => !file.forPrinters);
  const printing = entry.editions.filter((file) => file.forPrinters);
  const cover = entry.cover
    ? `<img class="cover" src="${e(fileHref(entry.cover.path))}" width="150" height="${Math.round((150 * entry.cover.height) / entry.cover.width)}" alt="${e(t('downloads.coverAlt', { title: entry.title }))}">`
    : '';
  const printers =
    printing.length === 0
      ? ''
      : `<h4>${e(t('downloads.forPrinters'))}</h4>
<p class="printers-note">${e(t('downloads.forPrintersNote'))}</p>
<ul class="downloads">${printing.map((file) => downloadLink(file, entry, t)).join('')}</ul>`;
  return `<li class="language" lang="${e(entry.language.tag)}">
<h3 id="${headingId}">${e(entry.language.name)}</h3>
<div class="language-body">
${cover}
<div>
<p class="title">${e(entry.title)}</p>
<p class="summary">${e(entry.summary)}</p>
${statusNote(entry, t)}
<ul class="meta"><li>${e(t('meta.version', { version: entry.version }))}</li><li>${e(t('meta.published', { date: formatDate(entry.published) }))}</li><li>${e(t('meta.reviewDue', { date: formatDate(entry.reviewDue) }))}</li></ul>
${reading.length > 0 ? `<ul class="downloads">${reading.map((file) => downloadLink(file, entry, t)).join('')}</ul>` : ''}
${printers}
</div>
</div>
</li>`;
}

/** Entries grouped by leaflet (in manifest order), the source locale first within each. */
function groupByLeaflet(manifest: Manifest, sourceLocale: string): Array<{ id: string; entries: ManifestEntry[] }> {
  const groups = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.leaflets) groups.set(entry.id, [...(groups.get(entry.id) ?? []), entry]);
  const rank = (entry: ManifestEntry) => (entry.locale === sourceLocale ? 0 : 1);
  return [...groups].map(([id, entries]) => ({ id, entries: entries.sort((a, b) => rank(a) - rank(b)) }));
}

/**
 * The static downloads page: plain HTML and CSS, no JavaScript. Grouped by leaflet, then
 * language; each language's section carries its `lang` and is written in that language.
 */
export function renderDownloadsPage(input: DownloadsPageInput): string {
  const { brand, pageLocale } = input;
  const t = input.translatorFor(pageLocale);
  const groups = groupByLeaflet(input.manifest, input.sourceLocale);
  const headingOf = (entries: ManifestEntry[]) => entries.find((entry) => entry.locale === pageLocale) ?? entries[0]!;
  const langAttr = (entry: ManifestEntry) => (entry.locale === pageLocale ? '' : ` lang="${e(entry.language.tag)}"`);

  const contents = groups
    .map(({ id, entries }) => {
      const heading = headingOf(entries);
      return `<li><a href="#${anchorOf('leaflet', id)}"${langAttr(heading)}>${e(heading.title)}</a></li>`;
    })
    .join('');
  const leaflets = groups
    .map(({ id, entries }) => {
      const heading = headingOf(entries);
      const headingId = anchorOf('leaflet', id);
      return `<section class="leaflet" aria-labelledby="${headingId}">
<h2 id="${headingId}"${langAttr(heading)}>${e(heading.title)}</h2>
<ul class="languages">
${entries.map((entry) => languageSection(entry, input.translatorFor(entry.locale))).join('\n')}
</ul>
</section>`;
    })
    .join('\n');
  const title = `${t('downloads.pageTitle')} – ${brand.charityName}`;

  return `<!doctype html>
<html lang="${e(pageLocale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
${pageStyles(brand.colours, input.assets.fonts)}</style>
</head>
<body>
<a class="skip-link" href="#main">${e(t('downloads.skipLink'))}</a>
<header class="site-header">
<div class="wrap">
<img src="${e(input.assets.logo)}" alt="${e(brand.logo.alt)}" width="220" height="50">
<p class="strapline">${e(t('strapline'))}</p>
</div>
</header>
<main id="main" class="wrap">
<h1>${e(t('downloads.pageTitle'))}</h1>
<p>${e(t('downloads.intro', { charity: brand.charityName }))}</p>
<nav class="contents" aria-label="${e(t('downloads.contentsLabel'))}">
<ul>${contents}</ul>
</nav>
${leaflets}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${webLink(brand.website, t('downloads.websiteLink', { charity: brand.charityName }))}</p>
</div>
</footer>
</body>
</html>
`;
}
