import layoutEngine, { bidi, fontSubstitution, justification, linebreaker, scriptItemizer, textDecoration, wordHyphenation } from '@react-pdf/textkit';
import { clearRenderCaches } from '../../src/render/perf/caches.ts';
import { recordTextLayoutCalls } from '../../src/render/perf/textLayoutMemo.ts';
import { quickLinebreaker } from '../../src/render/perf/textkitLinebreaker.mjs';
import { layoutLeaflet } from '../../src/render/renderLeaflet.tsx';
import { englishA5Inputs } from './englishA5.ts';
import { percentile } from './stats.ts';

type Breaker = (paragraph: unknown, widths: number[]) => unknown[];
type BreakerFactory = (options: Record<string, unknown>) => Breaker;

const ROUNDS = 60;
const textkitBreaker = linebreaker as unknown as BreakerFactory;
const quickBreaker = quickLinebreaker(textkitBreaker) as BreakerFactory;

/**
 * Line breaking alone: the line breaker calls one fresh A5 layout of each en-GB leaflet makes,
 * recorded, then given to textkit's engine and to the quick one (textkitLinebreaker.mjs),
 * alternating round by round. Prints each engine's time for all of a leaflet's paragraphs.
 */
export async function benchLinebreak(): Promise<void> {
  console.log('leaflet (en-GB, a5)        paragraphs   textkit (median, p25-p75)   quick (median, p25-p75)   ratio');
  for (const { id, input } of await englishA5Inputs()) {
    // The text layout engine's inputs during one fresh layout.
    clearRenderCaches();
    const layouts = await recordTextLayoutCalls(() => layoutLeaflet(input));
    // Laid out again by textkit's own engines, with a line breaker that writes its calls down.
    const calls: Array<[Record<string, unknown>, unknown, number[]]> = [];
    const recording: BreakerFactory = (options) => {
      const own = textkitBreaker(options);
      return (paragraph, widths) => {
        calls.push([options, paragraph, widths]);
        return own(paragraph, widths);
      };
    };
    const engine = (layoutEngine as unknown as (engines: object) => (...args: unknown[]) => unknown)({ bidi, linebreaker: recording, justification, textDecoration, scriptItemizer, wordHyphenation, fontSubstitution });
    for (const args of layouts) engine(...args);

    const timeAll = (factory: BreakerFactory) => {
      const t0 = performance.now();
      for (const [options, paragraph, widths] of calls) factory(options)(paragraph, widths);
      return performance.now() - t0;
    };
    const textkit: number[] = [];
    const quick: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        textkit.push(timeAll(textkitBreaker));
        quick.push(timeAll(quickBreaker));
      } else {
        quick.push(timeAll(quickBreaker));
        textkit.push(timeAll(textkitBreaker));
      }
    }
    const spread = (values: number[]) => `${percentile(values, 50).toFixed(2)} ms (${percentile(values, 25).toFixed(2)}-${percentile(values, 75).toFixed(2)})`;
    console.log(
      `${id.padEnd(27)}${String(calls.length).padStart(10)}   ${spread(textkit).padEnd(28)}${spread(quick).padEnd(26)}${(percentile(quick, 50) / percentile(textkit, 50)).toFixed(2)}x`,
    );
  }
  clearRenderCaches();
}
