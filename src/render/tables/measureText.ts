import type FontStore from '@react-pdf/font';
import { BODY_FONT_FAMILY } from '../fonts.ts';

/** Advance width of a string in points, in the body font at `size` (bold or regular). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

interface MeasurableFont {
  unitsPerEm: number;
  layout(text: string): { positions: Array<{ xAdvance: number }> };
}

/**
 * Measures with the body font as fontkit shapes it (kerning included), loading the two faces
 * first. Characters the body font lacks are measured at its missing-glyph width: close enough
 * for choosing column widths, and the layout check reports anything that still runs over.
 */
export async function createTextMeasurer(fontStore: FontStore): Promise<MeasureText> {
  const faces = await Promise.all(
    [400, 700].map(async (fontWeight) => {
      const descriptor = { fontFamily: BODY_FONT_FAMILY, fontWeight, fontStyle: 'normal' as const };
      await fontStore.load(descriptor);
      return fontStore.getFont(descriptor).data as unknown as MeasurableFont;
    }),
  );
  const [regular, bold] = faces as [MeasurableFont, MeasurableFont];
  return (text, size, isBold) => {
    const font = isBold ? bold : regular;
    let units = 0;
    for (const position of font.layout(text).positions) units += position.xAdvance;
    return (units / font.unitsPerEm) * size;
  };
}
