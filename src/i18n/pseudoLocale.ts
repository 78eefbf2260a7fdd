/**
 * A pseudo-locale (en-XA, "English (Pseudo-Accents)") made from en-GB when a build asks for it:
 * every letter accented and the text about 35% longer, so overflow and missing glyphs show up
 * before translators start. Never written to disk, never built by default, never a download.
 */
import type { Link, Root, Text } from 'mdast';
import { localize as pseudoLocalizeString } from 'pseudo-localization';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../compile/markdown.ts';
import { markdownShapeProblems } from '../compile/markdownShape.ts';
import { DEFAULT_LIMITS } from '../load/limits.ts';
import type { LeafletSource } from '../load/content.ts';
import { SOURCE_LOCALE, type I18n } from '../load/locales.ts';
import { bodyHash } from './sourceHash.ts';

import { isPseudoLocale, PSEUDO_LOCALE } from './pseudoLocaleTag.ts';

export { isPseudoLocale, PSEUDO_LOCALE };

/** Target growth: translations into e.g. German or Welsh often run 30-40% longer than English. */
const EXPANSION = 1.35;
const FILLER = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Text that must pass through untouched: Handlebars/i18next `{{…}}`, `$t(…)`, Markdown escapes, entities, `[@key]` citations. */
const PROTECTED = /\{\{[\s\S]*?\}\}|\$t\([^)]*\)|\\[\s\S]|&[#a-zA-Z0-9]+;|\[@[^\]\n]*\]/g;

/**
 * Pads pseudo text with accented filler words until its words are EXPANSION times the
 * original's (protected placeholders are not counted: they are not translated).
 */
function expand(originalWords: string, pseudoWords: string, pseudo: string): string {
  if (!/\p{L}/u.test(originalWords)) return pseudo;
  let missing = Math.ceil(originalWords.length * EXPANSION) - [...pseudoWords].length;
  const words: string[] = [];
  for (let i = 0; missing > 0; i += 1) {
    const word = pseudoLocalizeString(FILLER[i % FILLER.length]!);
    words.push(word);
    missing -= 1 + [...word].length;
  }
  if (words.length === 0) return pseudo;
  // Padding goes before trailing spaces and newlines so the Markdown layout is unchanged, and
  // before a closing colon or citation, so "are: [@key]" still introduces the list after it.
  const trailing = /(?:\s|:|\[@[^\]\n]*\])*$/.exec(pseudo)![0];
  return `${pseudo.slice(0, pseudo.length - trailing.length)} ${words.join(' ')}${trailing}`;
}

/** Pseudo-localises a string, keeping placeholders, nesting and escapes as they are. */
export function pseudoLocalize(text: string): string {
  let result = '';
  let words = '';
  let pseudoWords = '';
  let last = 0;
  const addWords = (part: string) => {
    const pseudo = pseudoLocalizeString(part);
    words += part;
    pseudoWords += pseudo;
    result += pseudo;
  };
  for (const match of text.matchAll(PROTECTED)) {
    addWords(text.slice(last, match.index));
    result += match[0];
    last = match.index + match[0].length;
  }
  addWords(text.slice(last));
  return expand(words, pseudoWords, result);
}

/** An autolink (`<https://…>`, a bare URL or e-mail address) shows its own address: leave it readable and working. */
const isAutolink = (link: Link, text: Text): boolean => link.url.endsWith(text.value);

/**
 * Pseudo-localises the words of a Markdown body: only mdast text nodes change (in place, by
 * source offset), so syntax, link targets, code, HTML, line numbers and Handlebars stay intact.
 */
export function pseudoLocalizeMarkdown(markdown: string): string {
  const tree: Root = parseMarkdown(markdown);
  const spans: Array<{ start: number; end: number }> = [];
  visit(tree, 'text', (node: Text, _index, parent) => {
    if (parent?.type === 'link' && isAutolink(parent as Link, node)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) spans.push({ start, end });
  });
  let result = markdown;
  for (const span of spans.sort((a, b) => b.start - a.start)) {
    const original = result.slice(span.start, span.end);
    result = result.slice(0, span.start) + pseudoLocalize(original) + result.slice(span.end);
  }
  return result;
}

function pseudoResources(value: unknown): unknown {
  if (typeof value === 'string') return pseudoLocalize(value);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudoResources(inner)]));
  }
  return value;
}

/** The pseudo-locale's version of an en-GB leaflet: same id, file lines and sources; words accented. */
export function pseudoLeaflet(english: LeafletSource): LeafletSource {
  const fm = english.frontMatter;
  // A body the Markdown parser must not see stays as it is; compiling it reports why.
  const body = markdownShapeProblems(english.body, DEFAULT_LIMITS).length > 0 ? english.body : pseudoLocalizeMarkdown(english.body);
  return {
    ...english,
    locale: PSEUDO_LOCALE,
    file: `content/${PSEUDO_LOCALE}/${english.id}.md`,
    body,
    raw: english.raw.slice(0, english.raw.length - english.body.length) + body,
    ...(fm === undefined
      ? {}
      : {
          frontMatter: {
            ...fm,
            title: pseudoLocalize(fm.title),
            summary: pseudoLocalize(fm.summary),
            audience: pseudoLocalize(fm.audience),
            translation: { sourceLocale: SOURCE_LOCALE, sourceVersion: fm.version, sourceHash: bodyHash(english.body), status: 'draft' },
          },
        }),
  };
}

/** Adds the pseudo-locale's strings (every en-GB namespace, pseudo-localised) to an i18next instance. */
export function addPseudoStrings(i18n: I18n): void {
  for (const namespace of Object.keys(i18n.store.data[SOURCE_LOCALE] ?? {})) {
    const bundle = i18n.getResourceBundle(SOURCE_LOCALE, namespace) as Record<string, unknown>;
    i18n.addResourceBundle(PSEUDO_LOCALE, namespace, pseudoResources(bundle), false, true);
  }
}

/** The parts of a loaded project the pseudo-locale extends. */
interface ProjectLike {
  i18n: I18n;
  locales: string[];
  sources: LeafletSource[];
}

/**
 * A project with the pseudo-locale added, when (and only when) the selection names it;
 * otherwise the project unchanged. The i18next instance gains an en-XA bundle.
 */
export function withPseudoLocale<P extends ProjectLike>(project: P, selectedLocales: readonly string[] | undefined): P {
  if (!selectedLocales?.includes(PSEUDO_LOCALE) || project.locales.includes(PSEUDO_LOCALE)) return project;
  addPseudoStrings(project.i18n);
  const pseudo = project.sources.filter((s) => s.locale === SOURCE_LOCALE).map(pseudoLeaflet);
  return { ...project, locales: [...project.locales, PSEUDO_LOCALE], sources: [...project.sources, ...pseudo] };
}
