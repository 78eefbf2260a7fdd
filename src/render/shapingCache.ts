/**
 * Remembers fontkit's shaping of each text run, per font. Shaping (OpenType substitution and
 * positioning) is a large share of laying out a leaflet, and between two saves in watch mode
 * almost every run is unchanged; editions share most runs too. Results depend only on the
 * font, the string and the features, so a cached run is the same as a fresh one.
 */
interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}
interface ShapingFont {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
  __shapingCache?: Map<string, GlyphRun>;
}

/** Enough runs for every leaflet of a project in every edition; cleared (not grown) past it. */
const MAX_RUNS_PER_FONT = 20_000;

export function cacheShaping(font: ShapingFont | null | undefined): void {
  if (!font || typeof font.layout !== 'function' || font.__shapingCache) return;
  const shape = font.layout.bind(font);
  const cache = new Map<string, GlyphRun>();
  font.__shapingCache = cache;
  font.layout = (text, features, script, language, direction) => {
    if (script !== undefined || language !== undefined) return shape(text, features, script, language, direction);
    const key = `${String(direction)}\u0000${JSON.stringify(features ?? null)}\u0000${text}`;
    let run = cache.get(key);
    if (!run) {
      if (cache.size >= MAX_RUNS_PER_FONT) cache.clear();
      run = shape(text, features, script, language, direction);
      cache.set(key, run);
    }
    // Callers get their own arrays: react-pdf slices and copies them, never the glyphs themselves.
    return { ...run, glyphs: [...run.glyphs], positions: [...run.positions] };
  };
}
