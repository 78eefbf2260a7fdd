/** The part of fontkit (a dependency of @react-pdf/font) the glyph-coverage check uses. */
declare module 'fontkit' {
  export interface Font {
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string, postscriptName?: string): Font;
}
