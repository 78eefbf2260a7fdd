import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Block, Inline } from '../compile/model.ts';

const VAGUE_LINK_TEXT = /^(click here|here|this link|link|read more|more|this page)$/i;
const BARE_URL = /^(https?:\/\/|www\.)\S+$/i;

const inlineText = (inlines: Inline[]): string =>
  inlines.map((inline) => ('value' in inline ? inline.value : 'children' in inline ? inlineText(inline.children) : ' ')).join('');

function* walkBlocks(blocks: Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* walkBlocks(item.children);
    if (block.type === 'callout') yield* walkBlocks(block.children);
  }
}

function* linksIn(block: Block): Generator<Extract<Inline, { type: 'link' }>> {
  const fromInlines = function* (inlines: Inline[]): Generator<Extract<Inline, { type: 'link' }>> {
    for (const inline of inlines) {
      if (inline.type === 'link') yield inline;
      if ('children' in inline) yield* fromInlines(inline.children);
    }
  };
  if (block.type === 'heading' || block.type === 'paragraph') yield* fromInlines(block.children);
  if (block.type === 'table') for (const cell of [...block.header, ...block.rows.flat()]) yield* fromInlines(cell.children);
}

/**
 * Accessibility checks on one leaflet's model: heading order (the cover title is the only
 * level 1; levels are never skipped), alt text, and link text that says where it leads.
 */
export function lintLeafletBody(file: string, blocks: Block[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (position: { line: number; column: number } | undefined) => (position ? { line: position.line, column: position.column } : {});
  let previousDepth = 1;
  for (const block of walkBlocks(blocks)) {
    if (block.type === 'heading') {
      const problem =
        block.depth === 1
          ? { message: 'Level 1 heading in the body: the cover already prints the title as the only level 1 heading', note: 'Start body sections with "##".' }
          : block.depth > previousDepth + 1
            ? { message: `Heading level ${block.depth} follows level ${previousDepth}: a level is skipped` }
            : undefined;
      if (problem) diagnostics.push(diagnostic({ file, ...at(block.position), rule: 'heading-order', source: 'lint', ...problem }));
      previousDepth = block.depth;
    }
    if (block.type === 'image' && block.alt.trim() === '') {
      diagnostics.push(diagnostic({ file, ...at(block.position), rule: 'missing-alt', source: 'lint', message: 'Image has no alt text' }));
    }
    for (const link of linksIn(block)) {
      const text = inlineText(link.children).trim();
      const problem = VAGUE_LINK_TEXT.test(text) ? `says only "${text}"` : BARE_URL.test(text) ? 'is a bare URL' : null;
      if (!problem) continue;
      diagnostics.push(
        diagnostic({
          file,
          ...at(link.position ?? block.position),
          severity: 'warning',
          rule: 'link-text',
          source: 'lint',
          message: `Link text ${problem}; say where the link leads`,
        }),
      );
    }
  }
  return diagnostics;
}
