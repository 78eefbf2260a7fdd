import type FontStore from '@react-pdf/font';
import type { LoadedBrand } from '../load/brand.ts';
import { createFontStore } from '../render/fonts.ts';

/**
 * Keeps the renderer warm across builds (watch mode): one font store per set of font files,
 * so fontkit parses each font once per process, not once per leaflet.
 */
const fontStores = new Map<string, FontStore>();

export function fontStoreFor(brand: LoadedBrand): FontStore {
  const key = JSON.stringify(brand.resolved.fonts);
  let store = fontStores.get(key);
  if (!store) {
    store = createFontStore(brand);
    fontStores.set(key, store);
  }
  return store;
}

/** Forgets parsed fonts, so a font file changed on disk is read again (watch mode). */
export function resetFontStores(): void {
  fontStores.clear();
}
