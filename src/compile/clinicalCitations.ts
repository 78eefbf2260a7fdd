import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SectionMark } from './markdownContext.ts';
import type { Block, Inline } from './model.ts';

export const UNCITED_CLINICAL_RULE = 'uncited-clinical-text';

interface Section {
  /** Number of the key of the heading that opens it (0 for text before the first heading). */
  startKey: number;
  blocks: Block[];
  clinical?: boolean;
}

const keyNumber = (key: string): number => Number(/\d+/.exec(key)?.[0] ?? 0);

/** Top-level blocks split at each level 1 or 2 heading. */
function sectionsOf(blocks: Block[]): Section[] {
  const sections: Section[] = [{ startKey: 0, blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'heading' && block.depth <= 2) sections.push({ startKey: keyNumber(block.key), blocks: [] });
    else sections.at(-1)!.blocks.push(block);
  }
  return sections;
}

function inlinesCite(inlines: Inline[]): boolean {
  return inlines.some((inline) => inline.type === 'citation' || ('children' in inline && inlinesCite(inline.children)));
}

function blockCites(block: Block): boolean {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlinesCite(block.children);
    case 'list':
      return block.items.some((item) => item.children.some(blockCites));
    case 'callout':
      return block.children.some(blockCites);
    case 'table':
      return [...block.header, ...block.rows.flat()].some((cell) => inlinesCite(cell.children));
    case 'image':
    case 'rule':
      return false;
  }
}

/** The paragraph's words, without its citations ("…are: [@key]" ends with the colon). */
const wordsOf = (inlines: Inline[]): string =>
  inlines.map((inline) => (inline.type === 'text' ? inline.value : 'children' in inline ? wordsOf(inline.children) : '')).join('');

/**
 * The pieces of text that each must cite a source: every paragraph, list and table. A
 * paragraph ending in a colon and the list after it are one piece ("The most common are:"
 * and its list). Inside a callout box the same rule applies to the box's own blocks.
 */
function claimsOf(blocks: Block[]): Block[][] {
  const claims: Block[][] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    const next = blocks[index + 1];
    if (block.type === 'callout') claims.push(...claimsOf(block.children));
    else if (block.type === 'paragraph' && next?.type === 'list' && wordsOf(block.children).trimEnd().endsWith(':')) {
      claims.push([block, next]);
      index += 1;
    } else if (block.type === 'paragraph' || block.type === 'list' || block.type === 'table') claims.push([block]);
  }
  return claims;
}

/**
 * Every piece of text in a clinical section must cite at least one source. A section is
 * clinical when the leaflet is (`clinical: true` in its front matter) unless it is marked
 * `<!-- not clinical -->`, or when it is marked `<!-- clinical -->`. A warning, and an error
 * under --strict.
 */
export function uncitedClinicalDiagnostics(file: string, blocks: Block[], marks: SectionMark[], leafletClinical: boolean): Diagnostic[] {
  const sections = sectionsOf(blocks);
  for (const mark of marks) {
    const section = sections.findLast((candidate) => candidate.startKey <= mark.keysBefore);
    if (section) section.clinical = mark.clinical;
  }
  const diagnostics: Diagnostic[] = [];
  for (const section of sections) {
    if (!(section.clinical ?? leafletClinical)) continue;
    for (const claim of claimsOf(section.blocks)) {
      if (claim.some(blockCites)) continue;
      const position = claim[0]!.position;
      diagnostics.push(
        diagnostic({
          file,
          ...(position ? { line: position.line, column: position.column } : {}),
          severity: 'warning',
          rule: UNCITED_CLINICAL_RULE,
          source: 'compile',
          message: `This ${claim[0]!.type} is in a clinical section but cites no source`,
          note: 'Add a citation such as [@key] naming a source in the front matter, or mark a section that makes no clinical claim with <!-- not clinical --> under its heading.',
        }),
      );
    }
  }
  return diagnostics;
}
