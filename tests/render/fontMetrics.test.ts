import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { PINNED_METRICS, pinFontMetrics } from '../../src/render/perf/fontMetrics.ts';
import { rememberGlyphCoverage } from '../../src/render/perf/glyphCoverage.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

describe('pinned font metrics', () => {
  it("hold the values of fontkit's own getters, for every face of the brand and its fallbacks", async () => {
    const brand = await projectBrand();
    const { body, fallbacks } = brand.resolved.fonts;
    const files = [body, ...fallbacks.map((fallback) => fallback.face)].flatMap((face) => Object.values(face).filter((file): file is string => typeof file === 'string'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const font = fontkit.openSync(file) as unknown as Record<string, unknown>;
      const getters = Object.fromEntries(PINNED_METRICS.map((name) => [name, font[name]]));
      pinFontMetrics(font);
      for (const name of PINNED_METRICS) {
        expect(Object.prototype.hasOwnProperty.call(font, name), `${file} ${name}`).toBe(true);
        expect(font[name], `${file} ${name}`).toBe(getters[name]);
      }
      // What the getter reads is fixed once parsed: the same on a second look.
      expect(font.unitsPerEm).toBe((fontkit.openSync(file) as unknown as Record<string, unknown>).unitsPerEm);
    }
  });

  it('are in place on the fonts the layout loads', async () => {
    const { BODY_FONT_FAMILY, createFontStore } = await import('../../src/render/fonts.ts');
    const brand = await projectBrand();
    const store = createFontStore(brand) as unknown as { load(descriptor: object): Promise<void>; getFont(descriptor: object): { data: object } };
    const descriptor = { fontFamily: BODY_FONT_FAMILY, fontWeight: 400, fontStyle: 'normal' };
    await store.load(descriptor);
    expect(Object.prototype.hasOwnProperty.call(store.getFont(descriptor).data, 'unitsPerEm')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(store.getFont(descriptor).data, 'hasGlyphForCodePoint')).toBe(true);
  });
});

describe('remembered glyph coverage', () => {
  it("gives fontkit's own answer for every code point of the Basic Multilingual Plane and beyond, asked twice, for every face", async () => {
    const brand = await projectBrand();
    const { body, fallbacks } = brand.resolved.fonts;
    const files = [body, ...fallbacks.map((fallback) => fallback.face)].flatMap((face) => Object.values(face).filter((file): file is string => typeof file === 'string'));
    type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
    const astral = [0x1f600, 0x1d465, 0x10900, 0x1e900, 0x10ffff];
    for (const file of new Set(files)) {
      const own = fontkit.openSync(file) as unknown as Font;
      const remembered = fontkit.openSync(file) as unknown as Font;
      rememberGlyphCoverage(remembered);
      const codePoints = [...Array.from({ length: 0x10000 }, (_, i) => i), ...astral, -1, 0.5, Number.NaN];
      const expected = codePoints.map((codePoint) => own.hasGlyphForCodePoint(codePoint));
      for (const pass of [1, 2]) {
        const differ = codePoints.filter((codePoint, i) => remembered.hasGlyphForCodePoint(codePoint) !== expected[i]);
        expect(differ, `${file}, pass ${pass}`).toEqual([]);
      }
      // A real font, not an empty answer: Latin at least.
      expect(expected.filter(Boolean).length, file).toBeGreaterThan(200);
    }
  });
});

describe('remembered glyph decoding', () => {
  it("encodes every face's subsets to fontkit's own bytes, glyphs decoded once and encoded again in new subsets", async () => {
    const { clearFontSubsets, rememberSubsetEncoding } = await import('../../src/render/perf/fontSubsets.ts');
    const brand = await projectBrand();
    const { body, fallbacks } = brand.resolved.fonts;
    const files = [body, ...fallbacks.map((fallback) => fallback.face)].flatMap((face) => Object.values(face).filter((file): file is string => typeof file === 'string'));
    type Subset = { includeGlyph(id: number): number; encode(): Uint8Array; glyphs: number[]; font: unknown };
    type Font = { numGlyphs: number; createSubset(): Subset; getGlyph(id: number): { _decode(): unknown } };
    let remembered = 0;
    for (const file of files) {
      const own = fontkit.openSync(file) as unknown as Font;
      const font = fontkit.openSync(file) as unknown as Font;
      // Every glyph, composite ones included (their parts are added while encoding), in a scattered order.
      const ids = Array.from({ length: own.numGlyphs }, (_, id) => (id * 7919) % own.numGlyphs);
      const subsetOf = (from: Font, glyphs: number[], withMemo: boolean) => {
        const subset = from.createSubset();
        if (withMemo) rememberSubsetEncoding(subset as never);
        for (const id of glyphs) subset.includeGlyph(id);
        return Buffer.from(subset.encode());
      };
      for (const glyphs of [ids.slice(0, 60), ids.slice(30, 200), ids]) {
        const expected = subsetOf(own, glyphs, false);
        clearFontSubsets();
        expect(subsetOf(font, glyphs, true).equals(expected), file).toBe(true);
        // Encoded again with the subset memo emptied: only the glyphs' decoding is remembered.
        clearFontSubsets();
        expect(subsetOf(font, glyphs, true).equals(expected), file).toBe(true);
      }
      remembered += ids.filter((id) => Object.prototype.hasOwnProperty.call(font.getGlyph(id), '_decode')).length;
    }
    expect(remembered).toBeGreaterThan(1000);
  });
});
