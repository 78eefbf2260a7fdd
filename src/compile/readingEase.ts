import { flesch } from 'flesch';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Root as NlcstRoot } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { ParseEnglish } from 'parse-english';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { syllable } from 'syllable';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { DEFAULT_LIMITS } from '../load/limits.ts';
import { markdownShapeProblems } from './markdownShape.ts';

export interface ReadingEase {
  /** Flesch reading ease: higher is easier; 60-70 is plain English, 90+ very easy. */
  fleschReadingEase: number;
  words: number;
  sentences: number;
}

/** Handlebars mustaches, including `{{> partial}}`, `{{#block}}` and triple-stash forms. */
const HANDLEBARS_EXPRESSION = /\{\{\{?[\s\S]*?\}?\}\}/g;

/** `[@key]` citations: printed as reference numbers, which are not read as words. */
const CITATION = /\[@[^\]\n]*\]/g;

/**
 * Web addresses and bare domain names ("medicines.org.uk/emc"). Readers type them rather than
 * read them, and the sentence parser would count their dots as sentence ends.
 */
const WEB_ADDRESS = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s)]*)?/gi;

/** Block-level nodes whose text is read as one unit (a heading or table cell is its own sentence). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Flesch reading ease of a leaflet body (Markdown or plain text), measured on the words a
 * reader sees: Markdown syntax, Handlebars expressions and web addresses are left out.
 * Words and sentences are counted by an English natural-language parser; syllables by `syllable`.
 */
export function readingEase(markdownOrPlainText: string): ReadingEase {
  // Text the Markdown parser must not see (compiling the leaflet reports why) has no score.
  if (markdownShapeProblems(markdownOrPlainText, DEFAULT_LIMITS).length > 0) return { fleschReadingEase: 0, words: 0, sentences: 0 };
  const prose = readableProse(markdownOrPlainText);
  const tree: NlcstRoot = new ParseEnglish().parse(prose);

  let words = 0;
  let sentences = 0;
  let syllables = 0;
  visit(tree, (node) => {
    if (node.type === 'SentenceNode') sentences += 1;
    if (node.type === 'WordNode') {
      const word = nlcstToString(node);
      // Bare numbers ("4", "2026") are words for the reader but have no letters to count.
      if (!/\p{L}/u.test(word)) return;
      words += 1;
      syllables += Math.max(1, syllable(word));
    }
  });

  const fleschReadingEase =
    words === 0 || sentences === 0
      ? 0
      : flesch({ sentence: sentences, word: words, syllable: syllables });
  return { fleschReadingEase, words, sentences };
}

/** The text a reader sees, one paragraph per Markdown block, without markup, mustaches or URLs. */
function readableProse(markdownOrPlainText: string): string {
  const withoutMustaches = markdownOrPlainText.replace(HANDLEBARS_EXPRESSION, ' ').replace(CITATION, '');
  const mdast: MdastRoot = unified().use(remarkParse).use(remarkGfm).parse(withoutMustaches);
  const blocks: string[] = [];
  collectTextBlocks(mdast, blocks);
  return blocks
    .map((text) => text.replace(WEB_ADDRESS, ' ').replace(/\s+/g, ' ').trim())
    .filter((text) => /\p{L}/u.test(text))
    .join('\n\n');
}

function collectTextBlocks(node: MdastNodes, blocks: string[]): void {
  if (TEXT_BLOCKS.has(node.type)) {
    blocks.push(mdastToString(withoutAddressLinks(node)));
    return;
  }
  if ('children' in node) {
    for (const child of node.children) collectTextBlocks(child, blocks);
  }
}

/** Drops links whose visible text is their own address (autolinks); keeps meaningful link text. */
function withoutAddressLinks(node: MdastNodes): MdastNodes {
  if (!('children' in node)) return node;
  const children = node.children
    .filter((child) => !(child.type === 'link' && isAddressText(mdastToString(child), child.url)))
    .map(withoutAddressLinks);
  return { ...node, children } as MdastNodes;
}

function isAddressText(text: string, url: string): boolean {
  const bare = (value: string) => value.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare(text) === bare(url);
}
