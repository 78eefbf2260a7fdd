/** The part of fontkit (a dependency of @react-pdf/font) the glyph-coverage and font-file checks use. */
declare module 'fontkit' {
  export interface Glyph {
    path: unknown;
  }
  export interface Font {
    familyName: string;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(path: string, postscriptName?: string): Font;
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
