import type FontStore from '@react-pdf/font';
import { BODY_FONT_FAMILY } from '../fonts.ts';

/** Advance width of a string in points, in the body font at `size` (bold or regular). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

interface MeasurableFont {
  unitsPerEm: number;
  layout(text: string): { positions: Array<{ xAdvance: number }> };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * Measures with the body font as fontkit shapes it (kerning included), loading its two faces
 * and those of `fallbackFamilies` first. A run of characters the body font lacks is measured in
 * the first fallback that has them, as the layout draws them (a pseudo-locale's accented
 * letters, say); with no such fallback, at the body font's missing-glyph width. The layout
 * check reports anything that still runs over.
 */
export async function createTextMeasurer(fontStore: FontStore, fallbackFamilies: readonly string[] = []): Promise<MeasureText> {
  const facesOf = (fontFamily: string) =>
    Promise.all(
      [400, 700].map(async (fontWeight) => {
        const descriptor = { fontFamily, fontWeight, fontStyle: 'normal' as const };
        await fontStore.load(descriptor);
        return fontStore.getFont(descriptor).data as unknown as MeasurableFont;
      }),
    ) as Promise<[MeasurableFont, MeasurableFont]>;
  const [body, ...fallbacks] = await Promise.all([BODY_FONT_FAMILY, ...fallbackFamilies].map(facesOf));
  const advance = (font: MeasurableFont, text: string, size: number) => {
    let units = 0;
    for (const position of font.layout(text).positions) units += position.xAdvance;
    return (units / font.unitsPerEm) * size;
  };
  return (text, size, isBold) => {
    const face = isBold ? 1 : 0;
    const font = body![face];
    if (fallbacks.length === 0) return advance(font, text, size);
    // Runs of text, each in the first font that has its characters.
    let width = 0;
    let run = '';
    let runFont = font;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const chosen = font.hasGlyphForCodePoint(codePoint) ? font : (fallbacks.find((faces) => faces[face].hasGlyphForCodePoint(codePoint))?.[face] ?? font);
      if (chosen !== runFont && run !== '') {
        width += advance(runFont, run, size);
        run = '';
      }
      runFont = chosen;
      run += char;
    }
    return run === '' ? width : width + advance(runFont, run, size);
  };
}
