import { textLayoutMemo } from './textLayoutMemo.ts';

/**
 * Empties the render caches keyed by content (text layout), as at the start of a process.
 * Caches of what a process loads once (fonts, shaping, compiled templates) stay. For the
 * render bench's fresh-layout scenario and for tests.
 */
export function clearRenderCaches(): void {
  textLayoutMemo.clear();
}
