import FontStore from '@react-pdf/font';
import type { LoadedBrand } from '../load/brand.ts';
import { pinFontMetrics } from './perf/fontMetrics.ts';
import { rememberGlyphCoverage } from './perf/glyphCoverage.ts';
import { cacheShaping } from './shapingCache.ts';

export const BODY_FONT_FAMILY = 'Body';

/**
 * Styles with every body-font `fontFamily` widened to the fallback chain, so characters the
 * body font lacks are drawn from the brand's fallbacks. Unchanged when there are none.
 */
export function withFallbackFonts<T extends Record<string, object>>(styles: T, brand: Pick<LoadedBrand, 'resolved'>): T {
  const families = bodyFontFamilies(brand);
  if (typeof families === 'string') return styles;
  return Object.fromEntries(
    Object.entries(styles).map(([name, style]) => [
      name,
      (style as { fontFamily?: unknown }).fontFamily === BODY_FONT_FAMILY ? { ...style, fontFamily: families } : style,
    ]),
  ) as T;
}

/** The `fontFamily` for text: the body font, then the brand's fallbacks (only when it lists any). */
export function bodyFontFamilies(brand: Pick<LoadedBrand, 'resolved'>): string | string[] {
  const fallbacks = brand.resolved.fonts.fallbacks.map((fallback) => fallback.name);
  return fallbacks.length === 0 ? BODY_FONT_FAMILY : [BODY_FONT_FAMILY, ...fallbacks];
}

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
  // Fallback families (brand `fonts.fallbacks`): the layout tries them per character, in order.
  for (const fallback of brand.resolved.fonts.fallbacks) {
    const face = fallback.face;
    store.register({
      family: fallback.name,
      fonts: [
        { src: face.regular, fontWeight: 400, fontStyle: 'normal' },
        { src: face.bold, fontWeight: 700, fontStyle: 'normal' },
        { src: face.italic ?? face.regular, fontWeight: 400, fontStyle: 'italic' },
        { src: face.boldItalic ?? face.bold, fontWeight: 700, fontStyle: 'italic' },
      ],
    });
  }
  // Patient leaflets never break words across lines (UK clear print guidance).
  store.registerHyphenationCallback((word: string) => [word]);
  // fontkit fonts load on first use; each gets a shaping cache, pinned metrics and remembered
  // glyph coverage as it loads. (FontStore keeps its families and sources as plain fields, which
  // is how they are reached here.)
  const families = (store as unknown as { fontFamilies: Record<string, { sources: Array<{ load(): Promise<void>; data: unknown }> }> }).fontFamilies;
  const ready = new WeakSet<object>();
  for (const family of Object.values(families)) {
    for (const source of family.sources) {
      const load = source.load.bind(source);
      // One promise per face, as react-pdf keeps its own: layout asks again for every text node
      // of every render.
      let loaded: Promise<void> | undefined;
      source.load = () =>
        (loaded ??= (async () => {
          await load();
          cacheShaping(source.data as Parameters<typeof cacheShaping>[0]);
          pinFontMetrics(source.data as object | null);
          rememberGlyphCoverage(source.data as object | null);
          ready.add(source);
        })());
    }
  }
  answerLoadedFaces(store, ready);
  return store;
}

const SETTLED = Promise.resolve();

/**
 * Layout asks the store to load the faces of every styled node of every render (about a
 * thousand asks a leaflet), each an async call that looks the face up and waits on its load
 * for three microtask turns. A face loaded before is answered with one settled promise;
 * anything else (a face not loaded yet, a family not registered) goes to the store as before.
 */
function answerLoadedFaces(store: FontStore, ready: WeakSet<object>): void {
  const load = store.load;
  store.load = (descriptor) => {
    let face: unknown;
    try {
      face = store.getFont(descriptor);
    } catch {
      return load(descriptor);
    }
    return face && ready.has(face) ? SETTLED : load(descriptor);
  };
}
