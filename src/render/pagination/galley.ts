import type { ReactElement } from 'react';
import { galleyMemo } from '../perf/boxMemos.ts';
import { TextIds } from '../perf/textIds.ts';
import { isAbsolute, type LaidOutNode } from './laidOut.ts';

/** One top-level block of the galley: an element that lays out as exactly one box. */
export interface GalleyItem {
  element: ReactElement;
  /**
   * Everything the block is laid out from besides the galley's setting, as text (the block's
   * model as JSON, say). Absent: the block is laid out every time (an image, whose bytes the
   * text does not hold).
   */
  content?: string;
}

/** Settings (styles, width, fonts...) by number, so each block's memo key holds a short id instead of the whole setting. */
const settingIds = new TextIds(1_000);

/**
 * Lays out a document whose first page is the galley, reusing the blocks laid out before.
 * `setting` must hold everything the blocks' layout depends on that their `content` does not
 * (styles, column width, fonts, narrowed measures, language); `layout(elements)` lays out the
 * document with the given elements as the galley's children (and says whether the galley page
 * is worth a place in the page memo). Blocks remembered for this
 * setting are taken from the galley memo; only the rest are laid out. The galley is then
 * stacked again as yoga stacks a column: each block's top is the running sum of the heights
 * and margins before it, in single precision as yoga computes it, so a PDF is byte for byte the
 * same whether a block was remembered or not (tests/render/layoutMemo.test.tsx).
 */
export async function layoutGalley(items: GalleyItem[], setting: string, layout: (galley: ReactElement[], rememberGalleyPage: boolean) => Promise<LaidOutNode>): Promise<LaidOutNode> {
  const id = settingIds.idOf(setting);
  const keys = items.map((item) => (galleyMemo.enabled && item.content !== undefined ? `${id}\u0000${item.content}` : undefined));
  let root: LaidOutNode | undefined;
  const blocks = await galleyMemo.recallOrMake(
    keys,
    async (missing) => {
      // A galley of blocks all remembered one by one here gains nothing from the page memo too:
      // its key would write every block out as text. An empty galley (all blocks remembered) and
      // one with a block the galley memo cannot key (an image) are kept as pages.
      const rememberGalleyPage = missing.length === 0 || missing.some((index) => keys[index] === undefined);
      root = await layout(missing.map((index) => items[index]!.element), rememberGalleyPage);
      // Each block must be one box, as wide as the column: a remembered block is placed again
      // at the side margin of the galley that uses it (stackColumn), which only holds for those.
      const made = (root.children?.[0]?.children ?? []).filter((child) => !isAbsolute(child));
      const sideMargin = Math.fround(root.children?.[0]?.box?.paddingLeft ?? 0);
      for (const block of made) {
        if (block.box && block.box.left !== Math.fround(sideMargin + (block.box.marginLeft ?? 0))) {
          throw new Error(`Galley: a block (${block.type}) is not at the column's side margin; galley blocks must fill the column's width (no alignSelf)`);
        }
      }
      return made;
    },
    'galley boxes',
  );
  const [galley, ...pages] = root!.children ?? [];
  if (!galley) throw new Error('Galley: the laid-out document has no pages');
  const absolute = (galley.children ?? []).filter(isAbsolute);
  return { ...root!, children: [{ ...galley, children: [...stackColumn(blocks, galley.box?.paddingTop ?? 0, galley.box?.paddingLeft ?? 0), ...absolute] }, ...pages] };
}

/**
 * The blocks placed one below the other from `start`, each at the running sum of the margins
 * and heights before it, and `paddingLeft` plus its left margin from the side: yoga's column
 * layout, in its float32 arithmetic (react-pdf turns pixel rounding off), so a block laid out
 * alone, or in a galley with other side margins (the print-shop file's bleed), and moved here
 * gets the place it would have had.
 */
export function stackColumn(blocks: LaidOutNode[], start: number, paddingLeft = 0): LaidOutNode[] {
  const f32 = Math.fround;
  let y = f32(start);
  return blocks.map((block) => {
    const box = block.box;
    if (!box) return block;
    const marginTop = box.marginTop ?? 0;
    const marginBottom = box.marginBottom ?? 0;
    const top = f32(y + marginTop);
    const left = f32(f32(paddingLeft) + (box.marginLeft ?? 0));
    y = f32(y + f32(f32(marginTop + marginBottom) + box.height));
    return top === box.top && left === box.left ? block : { ...block, box: { ...box, top, left } };
  });
}
