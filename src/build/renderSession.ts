import type FontStore from '@react-pdf/font';
import type { LoadedBrand } from '../load/brand.ts';
import { createFontStore } from '../render/fonts.ts';

/**
 * Keeps the renderer warm across builds (watch mode): one font store per set of font files
 * and their content, so fontkit parses each font once per process, not once per leaflet, and a
 * font file changed on disk (a new version digest) gets a fresh store.
 */
const fontStores = new Map<string, FontStore>();

export function fontStoreFor(brand: LoadedBrand, fontsVersion = ''): FontStore {
  const key = `${JSON.stringify(brand.resolved.fonts)}\0${fontsVersion}`;
  let store = fontStores.get(key);
  if (!store) {
    // Only the latest fonts are kept: an old store would pin its parsed fonts in memory.
    fontStores.clear();
    store = createFontStore(brand);
    fontStores.set(key, store);
  }
  return store;
}
