import { clearFontSubsets, setFontSubsetMemo } from './fontSubsets.ts';
import { setStyleMemo, styleMemo } from './styleMemo.ts';
import { setTextLayoutMemo, textLayoutMemo } from './textLayoutMemo.ts';

/**
 * Empties the render caches keyed by content (text layout, resolved styles, font subsets), as at the start of a process.
 * Caches of what a process loads once (fonts, shaping, compiled templates, PNG images read by
 * pdfkit, the default font's metrics) stay. For the render bench's fresh-layout scenario and
 * for tests.
 */
export function clearRenderCaches(): void {
  textLayoutMemo.clear();
  styleMemo.clear();
  clearFontSubsets();
}

/** Turns the memos (text layout, styles, font subsets) on or off for this process; tests compare output both ways. */
export function setLayoutMemos(enabled: boolean): void {
  setTextLayoutMemo(enabled);
  setStyleMemo(enabled);
  setFontSubsetMemo(enabled);
}
