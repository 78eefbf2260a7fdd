import { clearCompressedStreams, setCompressedStreamMemo } from './compressedStreams.ts';
import { clearFontSubsets, setFontSubsetMemo } from './fontSubsets.ts';
import { galleyMemo, pageMemo } from './boxMemos.ts';
import { clearPathOperators } from './pathOperators.ts';
import { setStyleMemo, styleMemo } from './styleMemo.ts';
import { setTextLayoutMemo, textLayoutMemo } from './textLayoutMemo.ts';
import { clearTextDrawMemo, setTextDrawMemo } from '../tagging/textDrawMemo.ts';

/**
 * Empties the render caches keyed by content (text layout, galley blocks, pages, resolved styles, font subsets, compressed page streams, SVG path operators, drawn text), as at the start of a process.
 * Caches of what a process loads once (fonts, shaping, compiled templates, PNG images read by
 * pdfkit, the default font's metrics) stay. For the render bench's fresh-layout scenario and
 * for tests.
 */
export function clearRenderCaches(): void {
  textLayoutMemo.clear();
  galleyMemo.clear();
  pageMemo.clear();
  styleMemo.clear();
  clearFontSubsets();
  clearCompressedStreams();
  clearPathOperators();
  clearTextDrawMemo();
}

/** Turns the memos (text layout, galley blocks, pages, styles, font subsets, compressed page streams, drawn text) on or off for this process; tests compare output both ways. */
export function setLayoutMemos(enabled: boolean): void {
  setTextLayoutMemo(enabled);
  galleyMemo.enabled = enabled;
  pageMemo.enabled = enabled;
  setStyleMemo(enabled);
  setFontSubsetMemo(enabled);
  setCompressedStreamMemo(enabled);
  setTextDrawMemo(enabled);
}

/**
 * Runs one render of `owner` (one edition of one leaflet): the text layouts, galley blocks and
 * pages its previous render used and this one did not are dropped afterwards (ownedMemo.ts).
 */
export const ownedRender = <T>(owner: string, render: () => Promise<T>): Promise<T> =>
  textLayoutMemo.owned(owner, () => galleyMemo.owned(owner, () => pageMemo.owned(owner, render)));
