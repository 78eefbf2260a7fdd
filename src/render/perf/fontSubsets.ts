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
  font: SubsetFont;
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

/** The fontkit font a subset is cut from, as far as decoding its glyphs goes. */
interface SubsetFont {
  directory?: { tables?: Record<string, unknown> };
  _variationProcessor?: unknown;
  getGlyph(id: number): { _decode(): unknown } | null;
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
    rememberGlyphDecoding(this.font, this.glyphs);
    const bytes = encode.call(this);
    subsets.set(key, { bytes, glyphsAfter: [...this.glyphs] });
    remembered.add(bytes);
    return bytes;
  };
}

/**
 * fontkit decodes every glyph's outline again each time a TrueType subset is encoded (to see
 * whether it is composite), the same work for the same glyph render after render: most of a
 * new subset's encoding time. A static font's outline never changes and nothing writes to the
 * decoded glyph (only a variable font's instance transforms its points, so those are left
 * alone), so each glyph object, which the process's font keeps, keeps its first decoding.
 * Like the fonts and their shaping caches, this lives as long as the process.
 */
function rememberGlyphDecoding(font: SubsetFont, glyphs: readonly number[]): void {
  if (font._variationProcessor || !font.directory?.tables?.glyf) return;
  for (const id of glyphs) {
    const glyph = font.getGlyph(id);
    if (!glyph || Object.prototype.hasOwnProperty.call(glyph, '_decode')) continue;
    const decode = glyph._decode;
    let decoded: { value: unknown } | undefined;
    glyph._decode = function decodeRemembered(this: typeof glyph) {
      decoded ??= { value: decode.call(this) };
      return decoded.value;
    };
  }
}

/** Subsets found in the memo and encoded, since the process started. */
export const fontSubsetStats = (): { hits: number; misses: number } => ({ hits: subsets.hits, misses: subsets.misses });

/** Empties the memo (the render bench's fresh scenario, tests). */
export const clearFontSubsets = (): void => subsets.clear();

/** Turns the memo on or off for this process; tests compare the bytes both ways. */
export const setFontSubsetMemo = (on: boolean): void => {
  enabled = on;
};
