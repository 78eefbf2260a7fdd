import FontStore from '@react-pdf/font';
import { describe, expect, it } from 'vitest';
import { BODY_FONT_FAMILY, createFontStore } from '../../src/render/fonts.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

type Store = { load(descriptor: object): Promise<void>; getFont(descriptor: object): { data: unknown } | null };

describe('the font store layout loads faces from', () => {
  it('loads a face on first ask, then answers at once with one settled promise', async () => {
    const store = createFontStore(await projectBrand()) as unknown as Store;
    const bold = { fontFamily: BODY_FONT_FAMILY, fontWeight: 700, fontStyle: 'normal' };
    const first = store.load(bold);
    expect(store.getFont(bold)?.data).toBeFalsy();
    await first;
    expect(store.getFont(bold)?.data).toBeTruthy();
    const again = store.load(bold);
    expect(again).toBe(store.load({ ...bold }));
    await expect(again).resolves.toBeUndefined();
    // Another face of the family is not loaded by that one.
    const italic = { fontFamily: BODY_FONT_FAMILY, fontWeight: 400, fontStyle: 'italic' };
    expect(store.load(italic)).not.toBe(again);
  });

  it('fails as react-pdf\'s own store does for a family never registered', async () => {
    const store = createFontStore(await projectBrand()) as unknown as Store;
    const own = new FontStore() as unknown as Store;
    const missing = { fontFamily: 'Nowhere Sans', fontWeight: 400, fontStyle: 'normal' };
    const expected = await own.load(missing).catch((error: Error) => error.message);
    expect(expected).toMatch(/Nowhere Sans/);
    await expect(store.load(missing)).rejects.toThrow(expected as string);
  });
});
