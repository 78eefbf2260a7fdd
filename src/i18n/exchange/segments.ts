/**
 * A translation file cut into the pieces a CAT tool translates, each with its exact place in
 * the file: the strings of a locale JSON file; the title, summary, audience and keywords of a
 * leaflet's front matter and every heading, paragraph, list item and table cell of its body.
 * Only pieces whose text changes are rewritten, so everything else stays byte for byte.
 */
import { parseTree, type Node } from 'jsonc-parser';
import type { Heading, Nodes, Parent, Root } from 'mdast';
import { isScalar, parseDocument, stringify } from 'yaml';
import { lineColumnOf } from '../../compile/braces.ts';
import { parseMarkdown } from '../../compile/markdown.ts';

export interface Segment {
  id: string;
  /** What a translator is looking at: `heading 2`, `paragraph`, `list item`, `callout`, `table cell`, `title`, `string`… */
  kind: string;
  /** The text as the translator sees it (a YAML or JSON value unquoted; Markdown with line prefixes dropped). */
  text: string;
  /** File line of its first character. */
  line: number;
  /** Offsets of the written form in the file. */
  start: number;
  end: number;
  /** The written form of a new text. */
  encode: (text: string) => string;
}

/** `{{…}}`, `{{{…}}}` and i18next's `$t(…)`: copied, never translated. */
export const PROTECTED = /\{\{\{?[\s\S]*?\}?\}\}|\$t\([^)]*\)/g;

export const codesIn = (text: string): string[] => [...text.matchAll(PROTECTED)].map((m) => m[0]).sort();

// ---- locale JSON --------------------------------------------------------------------------

function collectStrings(node: Node | undefined, prefix: string, text: string, into: Segment[]): void {
  if (node?.type !== 'object') return;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue;
    const key = prefix + String(keyNode.value);
    if (valueNode.type === 'object') collectStrings(valueNode, `${key}.`, text, into);
    else if (valueNode.type === 'string') {
      into.push({
        id: key,
        kind: 'string',
        text: String(valueNode.value),
        line: lineColumnOf(text, valueNode.offset).line,
        start: valueNode.offset,
        end: valueNode.offset + valueNode.length,
        encode: (value) => JSON.stringify(value),
      });
    }
  }
}

/** Every string value of a locale file, by dot-joined key, in file order. */
export function stringSegments(json: string): Segment[] {
  const segments: Segment[] = [];
  collectStrings(parseTree(json, [], { disallowComments: true }), '', json, segments);
  return segments;
}

// ---- leaflet front matter -----------------------------------------------------------------

const FIELDS = ['title', 'summary', 'audience'] as const;

function frontMatterSegments(raw: string): Segment[] {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(raw);
  if (!open) return [];
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(raw.slice(open[0].length - 1));
  if (!close) return [];
  const yamlStart = open[0].length;
  const yaml = raw.slice(yamlStart, open[0].length - 1 + close.index + 1);
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) return [];
  const segments: Segment[] = [];
  const add = (id: string, kind: string, path: Array<string | number>) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const type = node.type;
    segments.push({
      id,
      kind,
      text: node.value,
      line: lineColumnOf(raw, yamlStart + node.range[0]).line,
      start: yamlStart + node.range[0],
      end: yamlStart + node.range[1],
      // One line, quoted as before when that is still valid YAML (stringify quotes when it must).
      encode: (value) =>
        stringify(value.replace(/\s*\n\s*/g, ' '), { lineWidth: 0, defaultStringType: type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? type : 'PLAIN' }).replace(/\n$/, ''),
    });
  };
  for (const field of FIELDS) add(field, field, [field]);
  const keywords = doc.getIn(['keywords'], true) as { items?: unknown[] } | undefined;
  (keywords?.items ?? []).forEach((_, index) => add(`keywords.${index}`, 'keyword', ['keywords', index]));
  return segments;
}

// ---- leaflet body -------------------------------------------------------------------------

function kindOf(node: Nodes, ancestors: Nodes[]): string {
  if (node.type === 'heading') return `heading ${(node as Heading).depth}`;
  if (node.type === 'tableCell') return 'table cell';
  if (ancestors.some((a) => a.type === 'listItem')) return 'list item';
  if (ancestors.some((a) => a.type === 'blockquote')) return 'callout';
  return 'paragraph';
}

/** What a new line inside this piece must start with: the container's prefix (`> `, list indent). */
function continuationPrefix(raw: string, start: number, original: string): string {
  const inside = /\n([ \t>]*)/.exec(original);
  if (inside) return inside[1]!;
  const lineStart = raw.lastIndexOf('\n', start - 1) + 1;
  return raw.slice(lineStart, start).replace(/[-*+]|\d+[.)]/g, (marker) => ' '.repeat(marker.length));
}

function bodySegments(raw: string, body: string): Segment[] {
  const offset = raw.length - body.length;
  const segments: Segment[] = [];
  let count = 0;
  const walk = (node: Nodes, ancestors: Nodes[]) => {
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
      count += 1;
      const children = (node as Parent).children;
      const first = children[0]?.position?.start.offset;
      const last = children.at(-1)?.position?.end.offset;
      if (first === undefined || last === undefined) return;
      const start = offset + first;
      const end = offset + last;
      const original = raw.slice(start, end);
      const prefix = continuationPrefix(raw, start, original);
      segments.push({
        id: `body.${count}`,
        kind: kindOf(node, ancestors),
        text: original.replace(/\n[ \t>]*/g, '\n'),
        line: lineColumnOf(raw, start).line,
        start,
        end,
        encode: (text) => text.replace(/\r?\n/g, `\n${prefix}`),
      });
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, [...ancestors, node]);
  };
  walk(parseMarkdown(body) as Root, []);
  return segments;
}

/** A leaflet's pieces: front-matter fields, then its body. Empty when the file cannot be split. */
export function leafletSegments(raw: string, body: string): Segment[] {
  if (!raw.endsWith(body)) return [];
  return [...frontMatterSegments(raw), ...bodySegments(raw, body)];
}

/** The kinds of pieces in order: a new text must not change it (no new paragraph, list or heading). */
export const structureOf = (segments: readonly Segment[]): string => segments.map((s) => `${s.id}:${s.kind}`).join('\n');

/** The file with the given pieces' texts replaced (others untouched). */
export function withTexts(raw: string, segments: readonly Segment[], texts: ReadonlyMap<string, string>): string {
  let result = raw;
  for (const segment of [...segments].sort((a, b) => b.start - a.start)) {
    const text = texts.get(segment.id);
    if (text === undefined || text === segment.text) continue;
    result = result.slice(0, segment.start) + segment.encode(text) + result.slice(segment.end);
  }
  return result;
}
