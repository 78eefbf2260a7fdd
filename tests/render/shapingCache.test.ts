import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cacheShaping, ShapingCache } from '../../src/render/shapingCache.ts';
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

describe('shaping cache generations', () => {
  const run = (n: number) => ({ glyphs: [n], positions: [] });

  it('keeps at most two generations, and keeps runs still in use', () => {
    const cache = new ShapingCache(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, run(1));
    // A full generation is kept as the previous one; runs met again move forward.
    cache.set('d', run(2));
    expect(cache.get('a')).toEqual(run(1));
    for (const key of ['e', 'f', 'g', 'h']) cache.set(key, run(3));
    expect(cache.size).toBeLessThanOrEqual(6);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(run(1));
  });
});
