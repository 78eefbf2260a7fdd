import type { LaidOutNode } from './laidOut.ts';
import { narrowerMeasures, overfullTexts } from './tightenLines.ts';

/** Layouts tried before overfull text is left to the layout check: the first, and at most two more. */
const NARROWING_PASSES = 3;

/**
 * Lays out, and again with a narrower measure for any text still wider than its box (rare:
 * see pagination/tightenLines.ts), until none is or the passes run out.
 */
export async function withNarrowing<T>(layout: (narrow: ReadonlyMap<string, number>) => Promise<T>, root: (result: T) => LaidOutNode): Promise<T> {
  let narrow: ReadonlyMap<string, number> = new Map();
  let result = await layout(narrow);
  for (let pass = 1; pass < NARROWING_PASSES; pass += 1) {
    const overfull = overfullTexts(root(result));
    if (overfull.size === 0) break;
    narrow = narrowerMeasures(narrow, overfull);
    result = await layout(narrow);
  }
  return result;
}
