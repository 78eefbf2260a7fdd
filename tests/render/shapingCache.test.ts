import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cacheShaping } from '../../src/render/shapingCache.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

interface Run {
  glyphs: Array<{ id: number }>;
  positions: Array<{ xAdvance: number }>;
}
interface Font {
  layout(text: string, features?: unknown): Run;
}
const open = (file: string) => fontkit.openSync(file) as unknown as Font;

const shaped = (run: Run) => ({
  ids: run.glyphs.map((glyph) => glyph.id),
  advances: run.positions.map((position) => position.xAdvance),
});

describe('shaping cache', () => {
  it('returns what fontkit returns, for repeated and new text, and never shares arrays between callers', async () => {
    const brand = await projectBrand();
    const fresh = open(brand.resolved.fonts.body.regular);
    const cached = open(brand.resolved.fonts.body.regular);
    cacheShaping(cached as Parameters<typeof cacheShaping>[0]);
    for (const text of ['Ritlecitinib (Litfulo) – office', 'Ŵyr ŷd', 'Ritlecitinib (Litfulo) – office', 'fi fl ffi']) {
      for (const features of [undefined, ['liga', 'kern']]) {
        expect(shaped(cached.layout(text, features))).toEqual(shaped(fresh.layout(text, features)));
      }
    }
    const first = cached.layout('Yellow Card');
    first.glyphs.length = 0;
    expect(cached.layout('Yellow Card').glyphs.length).toBe(11);
  });
});
