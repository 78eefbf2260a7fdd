import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { cutAfterBlankLines, type TextPiece } from './blankLineCuts.ts';
import { DigestMemo } from './digestMemo.ts';

/**
 * Parses Markdown a top-level block at a time, so that after an edit only the changed blocks
 * are parsed again (watch mode: one paragraph edited, the rest of the leaflet as it was).
 *
 * The text is cut only where no Markdown construct can carry over: after a blank line, before
 * a line that starts at the margin with a letter or `#` (a paragraph or an ATX heading). A blank
 * line ends paragraphs, block quotes and tables, and a line at the margin that is not a list
 * marker ends a list, so each piece parses to exactly the blocks the whole text has there.
 * Constructs that can reach across blank lines or across the document (fenced code, HTML
 * blocks, link reference and footnote definitions) make the whole text one piece, except an
 * HTML comment closed on its own line (`<!-- clinical -->`, which the section markers and
 * partials use): CommonMark ends that HTML block at the line holding `-->`.
 * Each piece's tree is remembered by digest and moved to its place (line and offset) in a copy.
 * tests/compile/markdownChunks.test.ts compares the result with a whole-text parse.
 */

const CROSS_BLOCK = /^ {0,3}(?:`{3,}|~{3,}|\[[^\]]*\]:)|\[\^/m;
const HTML_LINE = /^ {0,3}<.*$/gm;
/** A line that opens an HTML comment and closes it after the opening (`<!-->` is left out: parsers differ on it). */
const CLOSED_COMMENT = /^ {0,3}<!--.*?-->/;

const reachesAcrossBlocks = (markdown: string): boolean =>
  CROSS_BLOCK.test(markdown) || [...markdown.matchAll(HTML_LINE)].some(([line]) => !CLOSED_COMMENT.test(line));
const CUT_BEFORE = /^[A-Za-z#]/;

type Piece = TextPiece;

export function splitIntoPieces(markdown: string): Piece[] {
  if (reachesAcrossBlocks(markdown)) return [{ text: markdown, line: 0, offset: 0 }];
  return cutAfterBlankLines(markdown, (line) => CUT_BEFORE.test(line));
}

const movePoint = (point: Point, line: number, offset: number): Point => ({
  ...point,
  line: point.line + line,
  ...(point.offset === undefined ? {} : { offset: point.offset + offset }),
});

/**
 * A piece's node at its place in the whole text: a copy with positions moved, or the node itself
 * when nothing moves (trees are read-only once parsed, so sharing them is safe).
 */
function moved<T>(node: T, line: number, offset: number): T {
  if (line === 0 && offset === 0) return node;
  return movedCopy(node, line, offset);
}

function movedCopy<T>(node: T, line: number, offset: number): T {
  if (Array.isArray(node)) return node.map((child: unknown) => movedCopy(child, line, offset)) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (key === 'position' && value) {
      const position = value as Position;
      copy[key] = { ...position, start: movePoint(position.start, line, offset), end: movePoint(position.end, line, offset) };
    } else {
      copy[key] = typeof value === 'object' && value !== null ? movedCopy(value, line, offset) : value;
    }
  }
  return copy as T;
}

/** Where a whole-text parse puts the root's end: just after the last character. */
function endOf(markdown: string): Point {
  const lastNewline = markdown.lastIndexOf('\n');
  let lines = 1;
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) lines += 1;
  return { line: lines, column: markdown.length - lastNewline, offset: markdown.length };
}

/** Top-level blocks parsed from one piece, with positions in the piece's own lines and offsets. */
export interface ParsedPiece {
  children: readonly RootContent[];
  /** Line (0-based) and offset of the piece's first character in the whole text. */
  line: number;
  offset: number;
}

export class PiecewiseParser {
  private readonly pieces = new DigestMemo<Root>(2_000);

  constructor(private readonly parse: (markdown: string) => Root) {}

  /**
   * The text's blocks, piece by piece (each piece's remembered tree, not moved), or as one whole
   * parse (`whole`) when that is cheaper: one piece, or most pieces new.
   */
  parsePieces(markdown: string): { whole?: Root; pieces: ParsedPiece[] } {
    const pieces = splitIntoPieces(markdown);
    const wholly = (whole: Root) => ({ whole, pieces: [{ children: whole.children, line: 0, offset: 0 }] });
    if (pieces.length === 1) return wholly(this.parse(markdown));
    const known = pieces.map((piece) => this.pieces.peek(piece.text));
    // Many small parses cost more than one whole parse: with most pieces new (a leaflet's first
    // compile), parse the whole text and remember its pieces from it.
    if (known.filter((tree) => tree === undefined).length * 2 > pieces.length) return wholly(this.parseWholeAndRemember(markdown, pieces));
    return {
      pieces: pieces.map((piece, index) => ({
        children: (known[index] ?? this.pieces.get(piece.text, () => this.parse(piece.text))).children,
        line: piece.line,
        offset: piece.offset,
      })),
    };
  }

  /** The same tree as a whole parse, its pieces' blocks copied to their places in the whole text. */
  parseInPieces(markdown: string): Root {
    const { whole, pieces } = this.parsePieces(markdown);
    if (whole) return whole;
    const children = pieces.flatMap((piece) => moved(piece.children, piece.line, piece.offset));
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(markdown) } };
  }

  /** A whole parse, with each piece's blocks (those that start inside it) remembered as that piece's tree. */
  private parseWholeAndRemember(markdown: string, pieces: Piece[]): Root {
    const whole = this.parse(markdown);
    let next = 0;
    pieces.forEach((piece, index) => {
      const end = pieces[index + 1]?.offset ?? Infinity;
      const own: RootContent[] = [];
      while (next < whole.children.length && (whole.children[next]!.position?.start.offset ?? Infinity) < end) own.push(whole.children[next++]!);
      this.pieces.get(piece.text, () => ({ type: 'root', children: moved(own, -piece.line, -piece.offset) }));
    });
    return whole;
  }

  clear(): void {
    this.pieces.clear();
  }
}
