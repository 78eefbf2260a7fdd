/**
 * Draws a glyph run: what @react-pdf/render 4.7 does in `renderGlyphs` / `_renderGlyphs`, the
 * same operators with the same numbers, without building an object per glyph. react-pdf hands
 * the run to `ctx.glyphs(glyphs, positions, x, y)` when the document has that method (its seam
 * for other back ends), so the document gets this as an own method (pdfkitFastPaths.ts).
 * tests/render/drawFastPaths.test.ts checks the bytes against react-pdf's own drawing.
 */
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface EmbeddedFont {
  id: string;
  font: { unitsPerEm?: number };
  subset?: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  ref(): unknown;
}
export interface GlyphContext {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  save(): unknown;
  restore(): unknown;
  transform(...matrix: number[]): unknown;
  addContent(data: string): unknown;
}

/** pdfkit's `PDFObject.number`, which react-pdf's drawing also uses: six decimals, and no exponent notation. */
export const pdfNumber = (n: number): number => {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
};

/** Glyph numbers as react-pdf writes them, four hex digits (two for the standard fonts), each made once per process. */
const hex4: string[] = [];
const hex2: string[] = [];
const fourDigits = (id: number): string => (hex4[id] ??= `0000${id.toString(16)}`.slice(-4));
const twoDigits = (id: number): string => (hex2[id] ??= `00${id.toString(16)}`.slice(-2));

/** Glyph ids as hex for the font (subset ids for embedded fonts), noting widths and code points as react-pdf does. */
function encodeGlyphs(font: EmbeddedFont, glyphs: readonly Glyph[]): string[] {
  const encoded = new Array<string>(glyphs.length);
  const subset = font.subset;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    if (!subset) {
      encoded[i] = twoDigits(glyph.id);
      continue;
    }
    const gid = subset.includeGlyph(glyph.id);
    encoded[i] = fourDigits(gid);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  }
  return encoded;
}

/** A run's TJ array under construction: segments of glyphs between advance adjustments. */
interface Segments {
  commands: string;
  last: number;
}

/** react-pdf's `addSegment`: the glyphs since the last cut, then the adjustment after the last of them. */
function addSegment(segments: Segments, cur: number, encoded: readonly string[], xAdvance: number, advanceWidth: number): void {
  if (segments.last < cur) {
    // One flat string from the slice, not a chain of concatenations per glyph.
    const hex = cur - segments.last === 1 ? encoded[segments.last]! : encoded.slice(segments.last, cur).join('');
    segments.commands += `${segments.commands === '' ? '' : ' '}<${hex}> ${pdfNumber(-(xAdvance - advanceWidth))}`;
  }
  segments.last = cur;
}

/** react-pdf's `flush`: the segments so far as one TJ operator. */
function flush(ctx: GlyphContext, segments: Segments, cur: number, encoded: readonly string[], xAdvance: number, advanceWidth: number): void {
  addSegment(segments, cur, encoded, xAdvance, advanceWidth);
  if (segments.commands !== '') {
    ctx.addContent(`[${segments.commands}] TJ`);
    segments.commands = '';
  }
}

export function drawGlyphRun(ctx: GlyphContext, glyphs: readonly Glyph[], positions: readonly GlyphPosition[], x: number, y: number): unknown {
  const font = ctx._font;
  // The same factors, applied in the same order, as react-pdf: the same floating-point results.
  const toThousandths = 1000 / ctx._fontSize;
  const advanceWidthScale = 1000 / (font.font.unitsPerEm || 1000);
  const encoded = encodeGlyphs(font, glyphs);
  // react-pdf reads every glyph of the run before drawing; fail as early on a short glyph list.
  if (glyphs.length < positions.length) throw new TypeError(`Glyph run has ${positions.length} positions but ${glyphs.length} glyphs`);

  const scale = ctx._fontSize / 1000;
  const segments: Segments = { commands: '', last: 0 };
  let hadOffset = false;
  ctx.save();
  ctx.transform(1, 0, 0, -1, 0, ctx.page.height);
  y = ctx.page.height - y;
  if (ctx.page.fonts[font.id] == null) ctx.page.fonts[font.id] = font.ref();
  ctx.addContent('BT');
  ctx.addContent(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`);
  ctx.addContent(`/${font.id} ${pdfNumber(ctx._fontSize)} Tf`);
  // The advance of glyph i, and react-pdf's adjustment inputs for the segment ending at i.
  let xAdvance = 0;
  let advanceWidth = 0;
  let i: number;
  for (i = 0; i < positions.length; i += 1) {
    const pos = positions[i]!;
    const previousXAdvance = xAdvance;
    const previousAdvanceWidth = advanceWidth;
    xAdvance = pos.xAdvance * toThousandths;
    advanceWidth = glyphs[i]!.advanceWidth * advanceWidthScale;
    if (pos.xOffset || pos.yOffset) {
      flush(ctx, segments, i, encoded, previousXAdvance, previousAdvanceWidth);
      ctx.addContent(`1 0 0 1 ${pdfNumber(x + pos.xOffset * scale)} ${pdfNumber(y + pos.yOffset * scale)} Tm`);
      flush(ctx, segments, i + 1, encoded, xAdvance, advanceWidth);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ctx.addContent(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`);
        hadOffset = false;
      }
      if (xAdvance - advanceWidth !== 0) addSegment(segments, i + 1, encoded, xAdvance, advanceWidth);
    }
    x += xAdvance * scale;
  }
  flush(ctx, segments, i, encoded, xAdvance, advanceWidth);
  ctx.addContent('ET');
  return ctx.restore();
}
