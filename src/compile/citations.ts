/**
 * Citations: `[@key]` (or `[@a; @b]`, pandoc's syntax without locators) in a leaflet body
 * points to the source with that `key` in the front matter. Markdown has no syntax for them,
 * so remark leaves them in text nodes; they are found there and checked against the source:
 * a templated value is escaped (`\[\@…`), so only citations the author wrote count.
 */
import type { Text } from 'mdast';
import type { CitedSource, SourcePosition } from './model.ts';
import type { MarkdownContext } from './markdownContext.ts';

const CITATION = /\[@([^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\]/g;

/** A citation found in a text node: where it sits in the node's value, and what it points to. */
export interface FoundCitation {
  index: number;
  length: number;
  sources: CitedSource[];
  position?: SourcePosition;
}

const isEscaped = (text: string, index: number): boolean => {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 1;
};

const countNewlines = (text: string): number => text.split('\n').length - 1;

/**
 * The citations in one text node, in order. Each key is resolved (and counted) against the
 * leaflet's sources; an unknown key is an error at its line and column.
 */
export function findCitations(node: Text, context: MarkdownContext): FoundCitation[] {
  const inValue = [...node.value.matchAll(CITATION)];
  const start = node.position?.start;
  const end = node.position?.end;
  if (inValue.length === 0 || start?.offset === undefined || end?.offset === undefined) return [];
  // Written as such in the Markdown (not produced by resolving escapes in a templated value).
  const written = context.markdown.slice(start.offset, end.offset);
  const inSource = [...written.matchAll(CITATION)].filter((match) => !isEscaped(written, match.index));
  const found: FoundCitation[] = [];
  let next = 0;
  for (const match of inValue) {
    const counterpart = inSource[next];
    if (counterpart?.[0] !== match[0]) continue;
    next += 1;
    const before = written.slice(0, counterpart.index);
    const newline = before.lastIndexOf('\n');
    const line = context.fileLine(start.line + countNewlines(before));
    const position = { line, column: newline === -1 ? start.column + counterpart.index : counterpart.index - newline };
    const keys = match[1]!.split(';').map((part) => part.trim().replace(/^@/, ''));
    const sources = keys.flatMap((key) => context.cite(key, position) ?? []);
    found.push({ index: match.index, length: match[0].length, sources, position });
  }
  return found;
}

const SECTION_MARK = /^<!--\s*(not\s+)?clinical\s*-->$/i;

/** `<!-- clinical -->` -> true, `<!-- not clinical -->` -> false, anything else undefined. */
export function sectionMarkOf(html: string): boolean | undefined {
  const match = SECTION_MARK.exec(html.trim());
  return match ? match[1] === undefined : undefined;
}
