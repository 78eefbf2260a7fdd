import FontStore from '@react-pdf/font';
import type { LoadedBrand } from '../load/brand.ts';

export const BODY_FONT_FAMILY = 'Body';

/**
 * One font store per brand, built once and kept warm: fontkit parses each file on first use
 * and caches it, which is most of the cost of a first render.
 */
export function createFontStore(brand: Pick<LoadedBrand, 'resolved'>): FontStore {
  const store = new FontStore();
  const { body } = brand.resolved.fonts;
  store.register({
    family: BODY_FONT_FAMILY,
    fonts: [
      { src: body.regular, fontWeight: 400, fontStyle: 'normal' },
      { src: body.bold, fontWeight: 700, fontStyle: 'normal' },
      { src: body.italic ?? body.regular, fontWeight: 400, fontStyle: 'italic' },
      { src: body.boldItalic ?? body.bold, fontWeight: 700, fontStyle: 'italic' },
    ],
  });
  // Patient leaflets never break words across lines (UK clear print guidance).
  store.registerHyphenationCallback((word: string) => [word]);
  return store;
}
