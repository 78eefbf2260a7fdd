import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ManifestEntry } from '../emit/manifest.ts';
import { renderPage } from '../html/pageShell.ts';
import { languageName } from '../load/locales.ts';
import { fileHref, leafletsById, pageFrame, type SiteContext } from './siteContext.ts';
import { hrefBetween } from './siteLayout.ts';
import { statusNote } from './statusNote.ts';
import { withdrawnSection } from './withdrawn.ts';

/** Leaflets with no version in `locale`, each linked in the first language it has (the source first). */
export function missingIn(context: SiteContext, locale: string): ManifestEntry[] {
  const rank = (entry: ManifestEntry) => context.locales.indexOf(entry.locale);
  return [...leafletsById(context.manifest).values()]
    .filter((entries) => !entries.some((entry) => entry.locale === locale))
    .map((entries) => [...entries].sort((a, b) => rank(a) - rank(b))[0]!);
}

/** A link to a page in another language, saying which language. */
export const otherLanguageLink = (href: string, entry: ManifestEntry): ElementContent =>
  h('a', { href, lang: entry.locale, hrefLang: entry.locale }, `${entry.title} (${languageName(entry.locale)})`);

/** The home page of one language: every leaflet in it, linked to its HTML page. */
export function renderHomePage(context: SiteContext, locale: string): string {
  const { layout, brand } = context;
  const t = context.translatorFor(locale);
  const pagePath = layout.home(locale);
  const entries = context.manifest.leaflets.filter((entry) => entry.locale === locale);
  const missing = missingIn(context, locale);
  const item = (entry: ManifestEntry) =>
    h('li', [
      h('div', { className: ['card'] }, [
        // The title beside it says what the cover shows, so the picture is decorative here.
        ...(entry.cover
          ? [h('img', { className: ['cover'], src: fileHref(pagePath, entry.cover), alt: '', width: 150, height: Math.round((150 * entry.cover.height) / entry.cover.width) })]
          : []),
        h('div', [
          h('h2', [h('a', { href: hrefBetween(pagePath, layout.leafletPage(entry.locale, entry.id)) }, entry.title)]),
          h('p', entry.summary),
          ...statusNote(entry, t),
        ]),
      ]),
    ]);
  const main: ElementContent[] = [
    h('h1', t('site:home.title', { charity: brand.charityName })),
    h('p', t('site:home.intro', { charity: brand.charityName })),
    h('ul', { className: ['leaflet-list'] }, entries.map(item)),
    h('p', [h('a', { href: hrefBetween(pagePath, layout.downloads(locale)) }, t('site:home.downloadsLink'))]),
    ...(missing.length === 0
      ? []
      : [
          h('h2', t('site:home.missingHeading')),
          h('p', t('site:home.missingIntro')),
          h('ul', missing.map((entry) => h('li', [otherLanguageLink(hrefBetween(pagePath, layout.leafletPage(entry.locale, entry.id)), entry)]))),
        ]),
    ...withdrawnSection(context, locale, pagePath),
  ];
  const frame = pageFrame(context, {
    locale,
    pagePath,
    title: t('site:home.title', { charity: brand.charityName }),
    description: t('site:home.intro', { charity: brand.charityName }),
    translations: context.locales.map((other) => ({ locale: other, path: layout.home(other) })),
  });
  return renderPage({ ...frame, main });
}

/** The root page: a language picker, each language offered in its own words. */
export function renderRootPage(context: SiteContext): string {
  const { layout, brand, sourceLocale } = context;
  const t = context.translatorFor(sourceLocale);
  const pagePath = layout.root;
  const heading: Array<ElementContent | string> = [t('site:root.heading')];
  for (const locale of context.locales.filter((other) => other !== sourceLocale)) {
    heading.push(' / ', h('span', { lang: locale }, context.translatorFor(locale)('site:root.heading')));
  }
  const main: ElementContent[] = [
    h('h1', heading),
    h(
      'ul',
      { className: ['languages-picker'] },
      context.locales.map((locale) =>
        h('li', { lang: locale }, [
          h('a', { href: hrefBetween(pagePath, layout.home(locale)), hrefLang: locale }, languageName(locale)),
          h('p', context.translatorFor(locale)('site:root.choice', { charity: brand.charityName })),
        ]),
      ),
    ),
  ];
  const frame = pageFrame(context, { locale: sourceLocale, pagePath, title: t('site:root.title', { charity: brand.charityName }), translations: [] });
  return renderPage({ ...frame, main });
}
