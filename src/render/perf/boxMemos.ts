import type { LaidOutNode } from '../pagination/laidOut.ts';
import type { LayoutNode } from '../tagging/taggedRender.ts';
import { OwnedMemo } from './ownedMemo.ts';
import { memosStartOn } from './shimHooks.ts';

/**
 * Laid-out galley blocks (a paragraph, a list, a callout, a table: one top-level box of the
 * body with everything in it), by what they were laid out from (pagination/galley.ts makes
 * the key). A block's boxes are relative to the block, so a remembered block is reused
 * wherever it now sits in the galley; only its own top moves. Per generation (two are kept):
 * a watched project's leaflets at their text widths and the fits tried.
 */
export const galleyMemo = new OwnedMemo<LaidOutNode>(3_000, memosStartOn);

/**
 * Laid-out pages by the react-pdf node tree they were laid out from (layoutTree.ts makes the
 * key). react-pdf lays out each page on its own, so a page whose tree is unchanged (a body
 * page's running head, the notes page, the back page) is reused as it was. Per generation:
 * a watched project's pages of that kind.
 */
export const pageMemo = new OwnedMemo<LayoutNode>(1_000, memosStartOn);
