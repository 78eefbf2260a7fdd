/**
 * fontkit reads a font's metrics through getters on every access (`unitsPerEm` is
 * `this.head.unitsPerEm`, and `head` is itself a getter that looks the table up), and textkit
 * reads `unitsPerEm` for every run slice and glyph position: a few percent of laying a leaflet
 * out. The values never change once the font is parsed, so each becomes an own data property
 * of the font object holding the getter's value (fontkit's class is left alone).
 */
export const PINNED_METRICS = ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'capHeight', 'xHeight', 'underlinePosition', 'underlineThickness', 'italicAngle', 'numGlyphs'] as const;

export function pinFontMetrics(font: object | null | undefined): void {
  if (!font || Object.prototype.hasOwnProperty.call(font, 'unitsPerEm')) return;
  for (const name of PINNED_METRICS) {
    const value: unknown = (font as Record<string, unknown>)[name];
    if (typeof value === 'number') Object.defineProperty(font, name, { value, enumerable: false, writable: false, configurable: true });
  }
}
