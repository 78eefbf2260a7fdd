import { BoundedMemo } from './boundedMemo.ts';
import { identityOf } from './memoKey.ts';

/**
 * Font subsets remembered by (font, glyphs in subset order). pdfkit embeds each font a
 * document uses as a fontkit subset of the glyphs it drew, numbered in the order they were
 * first drawn; `subset.encode()` (reading and re-encoding every glyph) is a pure function of
 * the font and that list. Every render of a leaflet, and every edition of it, draws the same
 * glyphs in the same order, so the same subset bytes come back. Encoding may add glyphs to the
 * list (the parts of composite glyphs): a remembered subset adds the same ones.
 * The bytes are shared, never written to: pdfkit only compresses them into the font stream.
 */
interface FontSubset {
  font: object;
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

interface Encoded {
  bytes: Uint8Array;
  glyphsAfter: number[];
}

/** Subsets per generation (two are kept): four faces of a few leaflets' glyph sets, 20-60 KB each. */
const MAX_SUBSETS = 32;
const subsets = new BoundedMemo<Encoded>(MAX_SUBSETS);
let enabled = true;
const remembered = new WeakSet<Uint8Array>();

/** Whether these bytes are a remembered subset (the same object comes back for the same subset). */
export const isRememberedSubset = (bytes: Uint8Array): boolean => remembered.has(bytes);

/** Installs the memo on one pdfkit font's subset (an own property: fontkit's class is left alone). */
export function rememberSubsetEncoding(subset: FontSubset): void {
  if (Object.prototype.hasOwnProperty.call(subset, 'encode')) return;
  const encode = subset.encode;
  subset.encode = function encodeRemembered(this: FontSubset): Uint8Array {
    if (!enabled) return encode.call(this);
    const key = `${identityOf(this.font)}:${this.glyphs.join(',')}`;
    const known = subsets.get(key);
    if (known) {
      for (const glyph of known.glyphsAfter.slice(this.glyphs.length)) this.includeGlyph(glyph);
      return known.bytes;
    }
    const bytes = encode.call(this);
    subsets.set(key, { bytes, glyphsAfter: [...this.glyphs] });
    remembered.add(bytes);
    return bytes;
  };
}

/** Subsets found in the memo and encoded, since the process started. */
export const fontSubsetStats = (): { hits: number; misses: number } => ({ hits: subsets.hits, misses: subsets.misses });

/** Empties the memo (the render bench's fresh scenario, tests). */
export const clearFontSubsets = (): void => subsets.clear();

/** Turns the memo on or off for this process; tests compare the bytes both ways. */
export const setFontSubsetMemo = (on: boolean): void => {
  enabled = on;
};
