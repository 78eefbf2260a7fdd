/**
 * Citations: `[@key]` (or `[@a; @b]`, pandoc's syntax without locators) in a leaflet body
 * points to the source with that `key` in the front matter. Markdown has no syntax for them,
 * so before parsing each one the author wrote is swapped for a placeholder of the same length
 * (private-use characters, so columns stay true), and the text nodes holding placeholders are
 * split around them. A templated value is escaped (`\[\@…`), so it never becomes a citation.
 */
import type { CitedSource, SourcePosition } from './model.ts';

const CITATION = /\[@([^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\]/g;
const OPEN = '\uE010';
const CLOSE = '\uE011';
const FILL = '\uE012';
/** The citation's index, as one private-use character. */
const INDEX_BASE = 0xe100;
const MAX_CITATIONS = 0xf8ff - INDEX_BASE;
const PLACEHOLDER = /\uE010([\uE100-\uF8FF])\uE012*\uE011/g;

/** A citation as written: its keys, its text, and where it starts in the Markdown (1-based). */
export interface WrittenCitation {
  keys: string[];
  text: string;
  line: number;
  column: number;
}

const isEscaped = (text: string, index: number): boolean => {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 1;
};

/** Swaps each citation the author wrote for a same-length placeholder; returns them in order. */
export function protectCitations(markdown: string): { markdown: string; citations: WrittenCitation[] } {
  const citations: WrittenCitation[] = [];
  const lineStarts = [0];
  for (let i = 0; i < markdown.length; i += 1) if (markdown[i] === '\n') lineStarts.push(i + 1);
  const protectedText = markdown.replace(CITATION, (text: string, keys: string, offset: number) => {
    if (isEscaped(markdown, offset) || citations.length >= MAX_CITATIONS) return text;
    const line = lineStarts.findLastIndex((start) => start <= offset);
    citations.push({
      keys: keys.split(';').map((key) => key.trim().replace(/^@/, '')),
      text,
      line: line + 1,
      column: offset - lineStarts[line]! + 1,
    });
    const index = String.fromCharCode(INDEX_BASE + citations.length - 1);
    return `${OPEN}${index}${FILL.repeat(text.length - 3)}${CLOSE}`;
  });
  return { markdown: protectedText, citations };
}

/** Puts the written text back where a placeholder stands in something that is not prose (code, a URL, alt text). */
export function restoreCitations(value: string, citations: readonly WrittenCitation[]): string {
  return value.replace(PLACEHOLDER, (placeholder, index: string) => citations[index.charCodeAt(0) - INDEX_BASE]?.text ?? placeholder);
}

/** A citation in a text node's value: where it sits, and the sources it names (unknown keys left out). */
export interface FoundCitation {
  index: number;
  length: number;
  sources: CitedSource[];
  position?: SourcePosition;
}

/** The placeholders in a text node's value, resolved with `cite` (which reports unknown keys). */
export function findCitations(
  value: string,
  citations: readonly WrittenCitation[],
  cite: (key: string, position: SourcePosition) => CitedSource | undefined,
  fileLine: (markdownLine: number) => number,
): FoundCitation[] {
  // Most leaflets and most text nodes cite nothing: no placeholders to look for.
  if (citations.length === 0) return [];
  return [...value.matchAll(PLACEHOLDER)].flatMap((match) => {
    const written = citations[match[1]!.charCodeAt(0) - INDEX_BASE];
    if (!written) return [];
    const position = { line: fileLine(written.line), column: written.column };
    const sources = written.keys.flatMap((key) => cite(key, position) ?? []);
    return [{ index: match.index, length: match[0].length, sources, position }];
  });
}

const SECTION_MARK = /^<!--\s*(not\s+)?clinical\s*-->$/i;

/** `<!-- clinical -->` -> true, `<!-- not clinical -->` -> false, anything else undefined. */
export function sectionMarkOf(html: string): boolean | undefined {
  const match = SECTION_MARK.exec(html.trim());
  return match ? match[1] === undefined : undefined;
}
