/**
 * Markdown (after templating) -> mdast (remark-parse + remark-gfm) -> the leaflet model.
 * The model is small on purpose; anything outside it is reported and its text kept.
 */
import { dirname } from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { BlockContent, DefinitionContent, List, Paragraph, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.ts';
import { layoutLimitDiagnostics } from './layoutLimits.ts';
import type { Block, Inline, LeafletBody, ListBlock, TableBlock } from './model.ts';
import type { ProjectFiles } from '../load/projectFiles.ts';
import { protectCitations, sectionMarkOf } from './citations.ts';
import { MarkdownContext, type SectionMark } from './markdownContext.ts';
import { resolveImage } from './markdownImages.ts';
import { convertInlines } from './markdownInline.ts';
import { markdownShapeProblems } from './markdownShape.ts';
import type { SourceIndex } from './sources.ts';
import { DigestMemo } from './digestMemo.ts';
import { PiecewiseParser, type ParsedPiece } from './markdownChunks.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** The whole text in one parse, without memos. */
export const parseMarkdownWhole = (markdown: string): Root => parser.parse(markdown);

/**
 * Parsed trees by digest of the Markdown, and of each of its top-level pieces (an edit parses
 * only the pieces it changed: markdownChunks.ts). The conversion below only reads them.
 */
const parsedMarkdown = new DigestMemo<Root>(200);
const parsedPieces = new DigestMemo<ParsedPiece[]>(200);
const piecewise = new PiecewiseParser(parseMarkdownWhole);

export function parseMarkdown(markdown: string): Root {
  return parsedMarkdown.get(markdown, () => piecewise.parseInPieces(markdown));
}

/**
 * The blocks of the Markdown piece by piece, as remembered, with the line each piece starts on:
 * the conversion places them (MarkdownContext.fromLine) instead of copying every block of the
 * text to its line and offset after each edit, as parseMarkdown does.
 */
export function parseMarkdownPieces(markdown: string): readonly ParsedPiece[] {
  return parsedPieces.get(markdown, () => piecewise.parsePieces(markdown).pieces);
}

/** Forgets remembered parses (tests, and the render bench's cold runs). */
export const clearMarkdownMemo = (): void => {
  parsedMarkdown.clear();
  parsedPieces.clear();
  piecewise.clear();
};

export interface MarkdownInput {
  markdown: string;
  /** Project-relative path of the leaflet's Markdown file. */
  file: string;
  /** Absolute path of that file (relative image paths start in its folder). */
  absPath: string;
  root: string;
  /** File line of each Markdown line (from templating); index 0 = Markdown line 1. */
  lineMap: readonly number[];
  /** How images are looked up (the build's project store); the disk when left out. */
  files?: ProjectFiles;
  /** The brand's limits (nesting, marks, images, layout); the defaults when left out. */
  limits?: Limits;
  /** The leaflet's sources: `[@key]` citations resolve against them (and are counted). */
  sources?: SourceIndex;
}

/**
 * Markdown to the leaflet model. Shapes the parser cannot handle (deep nesting, masses of
 * marks) are refused before parsing; what the page cannot hold is reported before layout.
 * `[@key]` citations are set aside before parsing (see citations.ts).
 */
export function markdownToLeafletBody(input: MarkdownInput): { body: LeafletBody; diagnostics: Diagnostic[]; sectionMarks: SectionMark[] } {
  const limits = input.limits ?? DEFAULT_LIMITS;
  const { markdown, citations } = protectCitations(input.markdown);
  const context = new MarkdownContext(input.file, input.root, dirname(input.absPath), input.lineMap, input.files, limits, citations, input.sources);
  const shape = markdownShapeProblems(input.markdown, limits);
  if (shape.length > 0) {
    for (const problem of shape) context.report(problem, 'error', problem.rule, problem.message, problem.note);
    return { body: { blocks: [] }, diagnostics: context.diagnostics, sectionMarks: [] };
  }
  const blocks = parseMarkdownPieces(markdown).flatMap((piece) => context.fromLine(piece.line, () => convertBlocks(piece.children, context)));
  return { body: { blocks }, diagnostics: [...context.diagnostics, ...layoutLimitDiagnostics(input.file, blocks, limits)], sectionMarks: context.sectionMarks };
}

type FlowNode = RootContent | BlockContent | DefinitionContent;

function convertBlocks(nodes: readonly FlowNode[], context: MarkdownContext): Block[] {
  return nodes.flatMap((node) => convertBlock(node, context));
}

const isBlankText = (node: { type: string; value?: string }): boolean => node.type === 'text' && (node.value ?? '').trim() === '';

function convertParagraph(node: Paragraph, context: MarkdownContext): Block[] {
  const visible = node.children.filter((child) => !isBlankText(child));
  const only = visible[0];
  if (visible.length === 1 && only?.type === 'image') {
    const key = context.nextKey();
    const position = context.positionOf(only);
    const src = resolveImage(only, context);
    if (src === undefined) return [];
    return [{ type: 'image', key, src, alt: context.restore(only.alt ?? ''), ...(only.title ? { title: context.restore(only.title) } : {}), ...(position ? { position } : {}) }];
  }
  return paragraph(context, node, convertInlines(node.children, context));
}

function paragraph(context: MarkdownContext, node: FlowNode, children: Inline[]): Block[] {
  if (children.length === 0) return [];
  const position = context.positionOf(node);
  return [{ type: 'paragraph', key: context.nextKey(), children, ...(position ? { position } : {}) }];
}

function convertList(node: List, context: MarkdownContext): ListBlock {
  const position = context.positionOf(node);
  const key = context.nextKey();
  const items = node.children.map((item) => {
    if (typeof item.checked === 'boolean') {
      context.report(item, 'warning', 'unsupported-markdown', 'Task-list check boxes are not supported; the item text is kept');
    }
    const itemKey = context.nextKey();
    return { key: itemKey, children: convertBlocks(item.children, context) };
  });
  return { type: 'list', key, ordered: node.ordered === true, start: node.start ?? 1, items, ...(position ? { position } : {}) };
}

function convertTable(node: Table, context: MarkdownContext): TableBlock {
  const position = context.positionOf(node);
  const key = context.nextKey();
  const headerKey = context.nextKey();
  const cellsOf = (row: Table['children'][number]) =>
    row.children.map((cell) => ({ key: context.nextKey(), children: convertInlines(cell.children, context) }));
  const [headerRow, ...bodyRows] = node.children;
  const header = headerRow ? cellsOf(headerRow) : [];
  const rowKeys: string[] = [];
  const rows = bodyRows.map((row) => {
    rowKeys.push(context.nextKey());
    return cellsOf(row);
  });
  return { type: 'table', key, align: node.align ?? header.map(() => null), header, rows, rowKeys, headerKey, ...(position ? { position } : {}) };
}

function convertBlock(node: FlowNode, context: MarkdownContext): Block[] {
  const position = context.positionOf(node);
  const at = position ? { position } : {};
  switch (node.type) {
    case 'heading': {
      if (node.depth > 3) {
        context.report(node, 'warning', 'heading-depth', `Heading level ${node.depth} is deeper than leaflets use; it is shown as level 3`, 'Use #, ## or ###.');
      }
      const depth = Math.min(node.depth, 3) as 1 | 2 | 3;
      return [{ type: 'heading', key: context.nextKey(), depth, children: convertInlines(node.children, context), ...at }];
    }
    case 'paragraph':
      return convertParagraph(node, context);
    case 'list':
      return [convertList(node, context)];
    case 'blockquote': {
      const key = context.nextKey();
      return [{ type: 'callout', key, children: convertBlocks(node.children, context), ...at }];
    }
    case 'table':
      return [convertTable(node, context)];
    case 'thematicBreak':
      return [{ type: 'rule', key: context.nextKey(), ...at }];
    case 'html': {
      const clinical = sectionMarkOf(node.value);
      if (clinical !== undefined) {
        context.markSection(clinical, node);
        return [];
      }
      context.report(node, 'warning', 'raw-html', 'Raw HTML is not supported; its tags are removed and its text kept');
      const text = context.restore(node.value).replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
      return paragraph(context, node, text === '' ? [] : [{ type: 'text', value: text }]);
    }
    case 'code': {
      context.report(node, 'warning', 'unsupported-markdown', 'Code blocks are not supported; the text is kept as a paragraph');
      const lines = context.restore(node.value).split('\n');
      const inlines = lines.flatMap((line, index): Inline[] => (index === 0 ? [{ type: 'code', value: line }] : [{ type: 'break' }, { type: 'code', value: line }]));
      return paragraph(context, node, node.value === '' ? [] : inlines);
    }
    case 'definition': {
      context.report(node, 'warning', 'unsupported-markdown', 'Link reference definitions are not supported; the definition is kept as text', 'Write links as [text](url).');
      return paragraph(context, node, [{ type: 'text', value: context.restore(`${node.label ?? node.identifier}: ${node.url}`) }]);
    }
    case 'footnoteDefinition': {
      context.report(node, 'warning', 'unsupported-markdown', 'Footnotes are not supported; the footnote text is kept as a paragraph');
      return convertBlocks(node.children, context);
    }
    default:
      context.report(node, 'warning', 'unsupported-markdown', `Unsupported Markdown (${node.type}); its text is kept`);
      return 'children' in node || 'value' in node ? paragraph(context, node, [{ type: 'text', value: context.restore(toString(node)) }]) : [];
  }
}

