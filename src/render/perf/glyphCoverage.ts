/**
 * fontkit answers `hasGlyphForCodePoint` by looking the code point up in the font's character
 * map every time. textkit asks for every character of every run when it picks a font from the
 * stack, and layout for every piece of text (its `ignoreChars` step): a few ms of a render, for
 * answers that never change once the font is parsed. Each font remembers them here, as an own
 * property of the font object (fontkit's class is left alone): one byte per code point of the
 * Basic Multilingual Plane (64 KB a font), a Map for the rest.
 */
interface CoverageFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const UNKNOWN = 0;
const HAS = 1;
const LACKS = 2;

export function rememberGlyphCoverage(font: object | null | undefined): void {
  if (!font || Object.prototype.hasOwnProperty.call(font, 'hasGlyphForCodePoint')) return;
  const lookup = (font as CoverageFont).hasGlyphForCodePoint;
  if (typeof lookup !== 'function') return;
  const plane = new Uint8Array(0x10000);
  const astral = new Map<number, boolean>();
  Object.defineProperty(font, 'hasGlyphForCodePoint', {
    configurable: true,
    writable: true,
    value: function hasGlyphRemembered(this: CoverageFont, codePoint: number): boolean {
      if (codePoint >= 0 && codePoint < 0x10000 && Number.isInteger(codePoint)) {
        const known = plane[codePoint];
        if (known !== UNKNOWN) return known === HAS;
        const has = lookup.call(this, codePoint);
        plane[codePoint] = has ? HAS : LACKS;
        return has;
      }
      const known = astral.get(codePoint);
      if (known !== undefined) return known;
      const has = lookup.call(this, codePoint);
      if (Number.isInteger(codePoint)) astral.set(codePoint, has);
      return has;
    },
  });
}
