import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { dateFormatter } from '../compile/compileLeaflet.ts';
import type { ManifestEntry } from '../emit/manifest.ts';
import { renderPage } from '../html/pageShell.ts';
import { languageName } from '../load/locales.ts';
import { EDITION_IDS } from '../render/editions.ts';
import { missingIn, otherLanguageLink } from './homePages.ts';
import { downloadLists } from './leafletPage.ts';
import { EDITION_KEYS, fileHref, pageFrame, type SiteContext } from './siteContext.ts';
import { hrefBetween } from './siteLayout.ts';
import { statusNote } from './statusNote.ts';
import { withdrawnSection } from './withdrawn.ts';

export const leafletAnchor = (id: string) => `leaflet-${id}`;

/**
 * The downloads page of one language: every leaflet in that language with its PDFs, grouped by
 * leaflet. The other languages' pages are linked at the top, so choosing a language needs no
 * JavaScript. It ends by saying, in plain words, which file to print and how.
 */
export function renderDownloadsPage(context: SiteContext, locale: string): string {
  const { layout, brand } = context;
  const t = context.translatorFor(locale);
  const formatDate = dateFormatter(locale);
  const pagePath = layout.downloads(locale);
  const entries = context.manifest.leaflets.filter((entry) => entry.locale === locale);
  const missing = missingIn(context, locale);

  const filter = h('nav', { className: ['language-filter'], ariaLabel: t('site:downloads.filterLabel') }, [
    h('p', t('site:downloads.filterIntro')),
    h(
      'ul',
      context.locales.map((other) =>
        h('li', [
          h(
            'a',
            {
              href: hrefBetween(pagePath, layout.downloads(other)),
              ...(other === locale ? { ariaCurrent: 'page' } : { lang: other, hrefLang: other }),
            },
            languageName(other),
          ),
        ]),
      ),
    ),
  ]);
  const leaflet = (entry: ManifestEntry) =>
    h('section', { className: ['leaflet-downloads'] }, [
      h('h2', { id: leafletAnchor(entry.id) }, entry.title),
      h('div', { className: ['card'] }, [
        ...(entry.cover
          ? [
              h('img', {
                className: ['cover'],
                src: fileHref(pagePath, entry.cover),
                width: 150,
                height: Math.round((150 * entry.cover.height) / entry.cover.width),
                alt: t('downloads.coverAlt', { title: entry.title }),
              }),
            ]
          : []),
        h('div', [
          h('p', entry.summary),
          ...statusNote(entry, t),
          h('ul', { className: ['meta'] }, [
            h('li', t('meta.version', { version: entry.version })),
            h('li', t('meta.published', { date: formatDate(entry.published) })),
            h('li', t('meta.reviewDue', { date: formatDate(entry.reviewDue) })),
          ]),
          h('p', [h('a', { href: hrefBetween(pagePath, layout.leafletPage(entry.locale, entry.id)) }, t('site:downloads.readOnline'))]),
          ...downloadLists(pagePath, entry, t, 'h3', false),
          h('p', [h('a', { href: '#printing' }, t('site:downloads.printingHeading'))]),
        ]),
      ]),
    ]);
  const printing = h('section', { className: ['printing-help'] }, [
    h('h2', { id: 'printing' }, t('site:downloads.printingHeading')),
    h(
      'dl',
      EDITION_IDS.flatMap((edition) => [h('dt', t(`edition.${EDITION_KEYS[edition]}`)), h('dd', t(`site:editions.${EDITION_KEYS[edition]}`))]),
    ),
  ]);
  const main: ElementContent[] = [
    h('h1', t('downloads.pageTitle')),
    h('p', t('downloads.intro', { charity: brand.charityName })),
    filter,
    h('nav', { className: ['contents'], ariaLabel: t('downloads.contentsLabel') }, [
      h('ul', [
        ...entries.map((entry) => h('li', [h('a', { href: `#${leafletAnchor(entry.id)}` }, entry.title)])),
        h('li', [h('a', { href: '#printing' }, t('site:downloads.printingHeading'))]),
      ]),
    ]),
    ...entries.map(leaflet),
    ...(missing.length === 0
      ? []
      : [
          h('section', [
            h('h2', t('site:downloads.missingHeading')),
            h('p', t('site:downloads.missingIntro')),
            h(
              'ul',
              missing.map((entry) => h('li', [otherLanguageLink(`${hrefBetween(pagePath, layout.downloads(entry.locale))}#${leafletAnchor(entry.id)}`, entry)])),
            ),
          ]),
        ]),
    ...withdrawnSection(context, locale, pagePath),
    printing,
  ];
  const frame = pageFrame(context, {
    locale,
    pagePath,
    title: t('downloads.pageTitle'),
    description: t('downloads.intro', { charity: brand.charityName }),
    translations: context.locales.map((other) => ({ locale: other, path: layout.downloads(other) })),
  });
  return renderPage({ ...frame, main });
}
