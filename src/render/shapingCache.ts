/**
 * Remembers fontkit's shaping of each text run, per font. Shaping (OpenType substitution and
 * positioning) is a large share of laying out a leaflet, and between two saves in watch mode
 * almost every run is unchanged; editions share most runs too. Results depend only on the
 * font, the string and the features, so a cached run is the same as a fresh one.
 */
import { BoundedMemo } from './perf/boundedMemo.ts';

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}
interface ShapingFont {
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
  __shapingCache?: ShapingCache;
}

/**
 * Runs in two generations (BoundedMemo): memory stays bounded in a watch session that runs for
 * days, with new text on every save, while the runs a project uses stay.
 */
export class ShapingCache extends BoundedMemo<GlyphRun> {}

/** Several times the runs of a whole project (about 560 in four leaflets, two languages, five editions). */
const RUNS_PER_GENERATION = 2_000;

export function cacheShaping(font: ShapingFont | null | undefined): void {
  if (!font || typeof font.layout !== 'function' || font.__shapingCache) return;
  const shape = font.layout.bind(font);
  const cache = new ShapingCache(RUNS_PER_GENERATION);
  font.__shapingCache = cache;
  font.layout = (text, features, script, language, direction) => {
    if (script !== undefined || language !== undefined) return shape(text, features, script, language, direction);
    const key = `${String(direction)}\u0000${JSON.stringify(features ?? null)}\u0000${text}`;
    let run = cache.get(key);
    if (!run) {
      run = shape(text, features, script, language, direction);
      cache.set(key, run);
    }
    // Callers get their own arrays: react-pdf slices and copies them, never the glyphs themselves.
    return { ...run, glyphs: [...run.glyphs], positions: [...run.positions] };
  };
}
