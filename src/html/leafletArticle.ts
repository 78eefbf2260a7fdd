import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import GithubSlugger from 'github-slugger';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import { isAllowedLink } from '../load/linkPolicy.ts';
import type { Block } from '../compile/model.ts';
import { renderBlocks, type HtmlContext } from './handlers.ts';

/** The `id` of source number `n` in the numbered source list (a citation links here). */
export const sourceAnchorId = (n: number): string => `source-${n}`;

/** The translation notice printed on the cover, or none for the source language and reviewed translations. */
export function translationNotice(leaflet: Pick<CompiledLeaflet, 'translationState' | 't'>): string | undefined {
  if (leaflet.translationState === 'draft') return leaflet.t('cover.draftTranslation');
  if (leaflet.translationState === 'stale') return leaflet.t('cover.staleTranslation');
  return undefined;
}

/** Body blocks cut into sections at each level-2 heading; anything before the first stays loose. */
function sections(blocks: Block[], context: HtmlContext): ElementContent[] {
  const out: ElementContent[] = [];
  let current: Element | undefined;
  for (const block of blocks) {
    if (block.type === 'heading' && block.depth <= 2) {
      current = h('section', []);
      out.push(current);
    }
    const rendered = renderBlocks([block], context);
    if (current) current.children.push(...rendered);
    else out.push(...rendered);
  }
  return out;
}

export interface ArticleOptions {
  leaflet: CompiledLeaflet;
  imageHref: HtmlContext['imageHref'];
}

/**
 * The leaflet itself, from the same compiled model as the PDF: what the cover says (title,
 * translation notice, who it is for, summary), the body, the numbered sources and the
 * version and dates. Chrome such as downloads and other languages sits outside it.
 */
export function leafletArticle({ leaflet, imageHref }: ArticleOptions): Element {
  const { t, frontMatter, formatDate } = leaflet;
  const slugger = new GithubSlugger();
  // Ids the page itself uses are taken first, so a heading never collides with them.
  for (const reserved of ['main', 'title', 'sources', 'about', 'downloads', 'languages']) slugger.slug(reserved);
  const calloutLabels = new Map<string, number>();
  const calloutLabel = (lead: string | undefined) => {
    const label = lead ?? t('site:leaflet.calloutLabel');
    const seen = (calloutLabels.get(label) ?? 0) + 1;
    calloutLabels.set(label, seen);
    return seen === 1 ? label : `${label} (${seen})`;
  };
  const context: HtmlContext = { t, imageHref, calloutLabel, headingId: (text) => slugger.slug(text) || slugger.slug('section') };
  const notice = translationNotice(leaflet);

  const sources = h('section', { className: ['sources'] }, [
    h('h2', { id: 'sources' }, t('back.sourcesHeading')),
    h(
      'ol',
      frontMatter.sources.map((source, index) =>
        h('li', { id: sourceAnchorId(index + 1), ...(source.lang === leaflet.locale ? {} : { lang: source.lang }) }, [
          isAllowedLink(source.url, { web: true }) ? h('a', { href: source.url }, source.title) : source.title,
        ]),
      ),
    ),
  ]);
  // Governance details (author, clinical reviewer, how to give feedback) join these items.
  const about = h('section', { className: ['about'] }, [
    h('h2', { id: 'about' }, t('back.aboutHeading')),
    h('ul', { className: ['meta'] }, [
      h('li', t('meta.version', { version: frontMatter.version })),
      h('li', t('meta.published', { date: formatDate(frontMatter.published) })),
      h('li', t('meta.reviewDue', { date: formatDate(frontMatter.reviewDue) })),
    ]),
    h('p', { className: ['disclaimer'] }, t('back.disclaimer')),
  ]);

  return h('article', { className: ['leaflet'] }, [
    h('header', { className: ['leaflet-header'] }, [
      h('h1', { id: 'title' }, frontMatter.title),
      ...(notice ? [h('p', { className: ['notice'] }, [h('strong', notice)])] : []),
      h('p', { className: ['audience'] }, [h('strong', t('cover.audienceLabel')), h('br'), frontMatter.audience]),
      h('p', { className: ['summary'] }, frontMatter.summary),
      ...(leaflet.translationState === 'source' ? [] : [h('p', t('cover.language', { language: leaflet.languageName }))]),
    ]),
    h('div', { className: ['leaflet-body'] }, sections(leaflet.body.blocks, context)),
    h('footer', { className: ['leaflet-footer'] }, [sources, about]),
  ]);
}
