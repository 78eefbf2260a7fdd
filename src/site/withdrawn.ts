import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { dateFormatter } from '../compile/compileLeaflet.ts';
import type { WithdrawnEntry } from '../emit/manifest.ts';
import { renderPage } from '../html/pageShell.ts';
import { pageFrame, type SiteContext } from './siteContext.ts';
import { hrefBetween } from './siteLayout.ts';

/** The leaflets withdrawn in one language, each with the date, for its home and downloads pages. */
export function withdrawnSection(context: SiteContext, locale: string, pagePath: string): ElementContent[] {
  const entries = (context.manifest.withdrawn ?? []).filter((entry) => entry.locale === locale);
  if (entries.length === 0) return [];
  const t = context.translatorFor(locale);
  const formatDate = dateFormatter(locale);
  return [
    h('section', { className: ['withdrawn'], ariaLabelledBy: 'withdrawn' }, [
      h('h2', { id: 'withdrawn' }, t('site:withdrawn.heading')),
      h('p', t('site:withdrawn.intro')),
      h(
        'ul',
        entries.map((entry) =>
          h('li', [
            h('a', { href: hrefBetween(pagePath, context.layout.leafletPage(entry.locale, entry.id)) }, entry.title),
            `: ${t('site:withdrawn.on', { date: formatDate(entry.withdrawn) })}`,
          ]),
        ),
      ),
    ]),
  ];
}

/**
 * What the address of a withdrawn leaflet shows: printed copies and their QR codes outlive it,
 * so the page says it was withdrawn, when, and where the current leaflets are. No copy of it
 * is offered.
 */
export function renderWithdrawnPage(context: SiteContext, entry: WithdrawnEntry): string {
  const { layout } = context;
  const t = context.translatorFor(entry.locale);
  const pagePath = layout.leafletPage(entry.locale, entry.id);
  const title = t('site:withdrawn.pageTitle', { title: entry.title });
  const frame = pageFrame(context, { locale: entry.locale, pagePath, title, translations: [] });
  const home = context.locales.includes(entry.locale) ? layout.home(entry.locale) : layout.root;
  const main: ElementContent[] = [
    h('h1', title),
    h('p', { className: ['notice'] }, [h('strong', t('site:withdrawn.pageText', { date: dateFormatter(entry.locale)(entry.withdrawn) }))]),
    h('p', [h('a', { href: hrefBetween(pagePath, home) }, t('site:withdrawn.homeLink'))]),
  ];
  return renderPage({ ...frame, noindex: true, main });
}
