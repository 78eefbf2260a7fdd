import { setStyleMemo, styleMemo } from './styleMemo.ts';
import { setTextLayoutMemo, textLayoutMemo } from './textLayoutMemo.ts';

/**
 * Empties the render caches keyed by content (text layout, resolved styles), as at the start of a process.
 * Caches of what a process loads once (fonts, shaping, compiled templates) stay. For the
 * render bench's fresh-layout scenario and for tests.
 */
export function clearRenderCaches(): void {
  textLayoutMemo.clear();
  styleMemo.clear();
}

/** Turns the layout memos (text layout, styles) on or off for this process; tests compare output both ways. */
export function setLayoutMemos(enabled: boolean): void {
  setTextLayoutMemo(enabled);
  setStyleMemo(enabled);
}
