/**
 * Checks on the leaflet model for what cannot be laid out inside a page, made before layout
 * (the layout itself is the expensive step): lists and callouts indented deeper than the page
 * can hold, tables with more columns than fit, words longer than any text area, and text that
 * could not fit in the page limit even if every page were full.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { raiseLimitNote, type Limits } from '../load/limits.ts';
import type { Block, Inline, SourcePosition } from './model.ts';

export type LayoutLimits = Pick<Limits, 'listDepth' | 'tableColumns' | 'wordLength' | 'pages'>;

/**
 * More than any edition fits, so the estimate below is a floor: A4 at the smallest body size
 * holds about 75 characters a line and 40 lines a page, and blocks are spaced further apart.
 */
const CHARACTERS_PER_LINE = 90;
const LINES_PER_PAGE = 50;
/** Space between blocks, in lines. */
const BLOCK_SPACING = 0.25;

const inlineText = (inlines: readonly Inline[]): string =>
  inlines.map((inline) => ('value' in inline ? inline.value : 'children' in inline ? inlineText(inline.children) : ' ')).join('');

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Characters as the reader counts them (code points), without spreading the text into an array. */
const codePointLength = (text: string): number => text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);

/** The first of the longest words, and its length in code points. */
function longestWord(text: string): { word: string; length: number } {
  let longest = { word: '', length: 0 };
  for (const word of text.split(/\s+/)) {
    // A word can be no longer in code points than in UTF-16 units: most need no counting.
    if (word.length <= longest.length) continue;
    const length = codePointLength(word);
    if (length > longest.length) longest = { word, length };
  }
  return longest;
}

interface Walk {
  file: string;
  limits: LayoutLimits;
  problems: Diagnostic[];
  reported: Set<string>;
  lines: number;
  /** Matches a run of non-space longer than the word limit in UTF-16 units: any word over the limit in code points is one. */
  overLimit: RegExp;
}

function report(walk: Walk, rule: string, position: SourcePosition | undefined, message: string, note: string): void {
  if (walk.reported.has(rule)) return;
  walk.reported.add(rule);
  walk.problems.push(diagnostic({ file: walk.file, ...(position ? { line: position.line, column: position.column } : {}), rule, source: 'compile', message, note }));
}

function checkText(walk: Walk, text: string, position: SourcePosition | undefined, countLines = true): void {
  if (countLines) walk.lines += Math.ceil(codePointLength(text) / CHARACTERS_PER_LINE) + BLOCK_SPACING;
  // Most text has no word near the limit: found without splitting it into words.
  if (!walk.overLimit.test(text)) return;
  const { word, length } = longestWord(text);
  if (length <= walk.limits.wordLength) return;
  report(
    walk,
    'word-limit',
    position,
    `A word of ${length} characters ("${[...word].slice(0, 24).join('')}…") is wider than a page, over the limit of ${walk.limits.wordLength}`,
    `Break it with spaces. For a long web address write [words](address): printed editions show the address broken at slashes. ${raiseLimitNote('wordLength')}`,
  );
}

function walkBlocks(walk: Walk, blocks: readonly Block[], depth: number): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        checkText(walk, inlineText(block.children), block.position);
        break;
      case 'list':
      case 'callout': {
        const nested = depth + 1;
        if (nested > walk.limits.listDepth) {
          report(
            walk,
            'nesting-limit',
            block.position,
            `Lists and callouts nested ${nested} deep: the page has room for ${walk.limits.listDepth} levels of indentation`,
            `Flatten the list (leaflets rarely need more than two levels). ${raiseLimitNote('listDepth')}`,
          );
        }
        if (block.type === 'list') for (const item of block.items) walkBlocks(walk, item.children, nested);
        else walkBlocks(walk, block.children, nested);
        break;
      }
      case 'table': {
        const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
        if (columns > walk.limits.tableColumns) {
          report(
            walk,
            'table-limit',
            block.position,
            `Table with ${columns} columns: an A5 page has room for ${walk.limits.tableColumns}`,
            `Split the table, or turn columns into rows. ${raiseLimitNote('tableColumns')}`,
          );
        }
        for (const row of [block.header, ...block.rows]) {
          // A row takes at least a line, however its cells wrap.
          for (const cell of row) checkText(walk, inlineText(cell.children), block.position, false);
          walk.lines += 1;
        }
        break;
      }
      case 'image':
      case 'rule':
        walk.lines += 1;
        break;
    }
  }
}

export function layoutLimitDiagnostics(file: string, blocks: readonly Block[], limits: LayoutLimits): Diagnostic[] {
  const walk: Walk = { file, limits, problems: [], reported: new Set(), lines: 0, overLimit: new RegExp(`\\S{${limits.wordLength + 1},}`) };
  walkBlocks(walk, blocks, 0);
  const floor = Math.ceil(walk.lines / LINES_PER_PAGE);
  if (floor > limits.pages) {
    report(
      walk,
      'page-limit',
      undefined,
      `The text needs at least ${floor} pages, over the limit of ${limits.pages} pages for a leaflet`,
      `Split it into several leaflets. ${raiseLimitNote('pages')}`,
    );
  }
  return walk.problems;
}
