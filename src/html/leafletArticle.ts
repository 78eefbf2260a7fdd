import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import GithubSlugger from 'github-slugger';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import { isAllowedLink } from '../load/linkPolicy.ts';
import type { Block } from '../compile/model.ts';
import { renderBlocks, type HtmlContext } from './handlers.ts';

/** A line in the leaflet's language, or tagged with its own (the English half of a bilingual notice). */
const line = (tag: string, text: { text: string; lang?: string }, locale: string, className?: string): Element =>
  h(tag, { ...(className ? { className: [className] } : {}), ...(text.lang && text.lang !== locale ? { lang: text.lang } : {}) }, text.text);

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
  const { t, frontMatter } = leaflet;
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
  const { governance } = leaflet;

  // The numbered sources, as the PDF lists them: each item is the target of the body's citations.
  const sources = h('section', { className: ['sources'] }, [
    h('h2', { id: 'sources' }, t('back.sourcesHeading')),
    h(
      'ol',
      leaflet.sources.map((source) =>
        h('li', { id: source.targetId, ...(source.lang === leaflet.locale ? {} : { lang: source.lang }) }, [
          source.url !== undefined && isAllowedLink(source.url, { web: true }) ? h('a', { href: source.url }, source.title) : source.title,
        ]),
      ),
    ),
  ]);
  // What the PDF's back page says about the leaflet: approval (or the notice that replaces it),
  // who wrote and checked it, where to send feedback, other formats, and the disclaimer.
  const { author, clinicalReview, awaitingClinicalReview, feedback, alsoAvailable } = governance;
  const about = h('section', { className: ['about'] }, [
    h('h2', { id: 'about' }, t('back.aboutHeading')),
    ...governance.status.map((status) => line('p', status, leaflet.locale, 'meta')),
    h('p', [`${author} `, awaitingClinicalReview ? h('strong', clinicalReview) : clinicalReview]),
    h('p', [`${feedback.text} `, isAllowedLink(feedback.url, { web: true }) ? h('a', { href: feedback.url }, feedback.url) : feedback.url]),
    h('p', alsoAvailable.standardPrint),
    h('p', { className: ['disclaimer'] }, t('back.disclaimer')),
  ]);

  return h('article', { className: ['leaflet'] }, [
    h('header', { className: ['leaflet-header'] }, [
      h('h1', { id: 'title' }, frontMatter.title),
      ...(governance.notice ? [h('div', { className: ['notice'] }, governance.notice.map((notice) => line('p', notice, leaflet.locale)))] : []),
      h('p', { className: ['audience'] }, [h('strong', t('cover.audienceLabel')), h('br'), frontMatter.audience]),
      h('p', { className: ['summary'] }, frontMatter.summary),
      ...(leaflet.translationState === 'source' ? [] : [h('p', t('cover.language', { language: leaflet.languageName }))]),
    ]),
    h('div', { className: ['leaflet-body'] }, sections(leaflet.body.blocks, context)),
    h('footer', { className: ['leaflet-footer'] }, [sources, about]),
  ]);
}
