import layoutEngine, { bidi, fontSubstitution, justification, linebreaker, scriptItemizer, textDecoration, wordHyphenation } from '@react-pdf/textkit';
import { describe, expect, it } from 'vitest';
import { EDITIONS, type EditionId } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { clearRenderCaches } from '../../src/render/perf/caches.ts';
import { memoKey } from '../../src/render/perf/memoKey.ts';
import { recordTextLayoutCalls } from '../../src/render/perf/textLayoutMemo.ts';
import { quickLinebreaker } from '../../src/render/perf/textkitLinebreaker.mjs';
import { layoutLeaflet } from '../../src/render/renderLeaflet.tsx';
import { outcome } from '../support/outcome.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

type Lines = unknown[];
type Breaker = (attributedString: unknown, availableWidths: number[]) => Lines;
type BreakerFactory = (options: Record<string, unknown>) => Breaker;
interface BreakerCall {
  paragraph: { string: string; runs: Array<{ attributes: { font?: unknown[] } }> };
  widths: number[];
  options: Record<string, unknown>;
}

const upstream = linebreaker as unknown as BreakerFactory;

/** The quick engine, counting the paragraphs it hands to textkit's own. */
function countingQuick() {
  const counts = { calls: 0, handedOver: 0 };
  const quick = quickLinebreaker((options) => {
    const own = upstream(options);
    return (attributedString, availableWidths) => {
      counts.handedOver += 1;
      return own(attributedString, availableWidths);
    };
  });
  const engine: BreakerFactory = (options) => {
    const breaker = quick(options);
    return (attributedString, availableWidths) => {
      counts.calls += 1;
      return breaker(attributedString, availableWidths);
    };
  };
  return { engine, counts };
}

/**
 * What textkit's linebreaker is asked for every paragraph of every shipped leaflet in the given
 * editions: the layout engine's inputs are taken at the memo hook, then laid out again by
 * textkit's own engines with a linebreaker that writes its inputs down.
 */
async function shippedBreakerCalls(editions: EditionId[]): Promise<BreakerCall[]> {
  const { brand, leaflets } = await shippedLeaflets();
  const fontStore = createFontStore(brand);
  clearRenderCaches();
  const layouts = await recordTextLayoutCalls(async () => {
    for (const edition of editions) {
      for (const leaflet of leaflets) await layoutLeaflet({ leaflet, brand, edition: EDITIONS[edition], fontStore, leafletUrl: 'https://www.alopecia.org.uk/l' });
    }
  });
  clearRenderCaches();
  const calls: BreakerCall[] = [];
  const recording: BreakerFactory = (options) => {
    const own = upstream(options);
    return (paragraph, widths) => {
      calls.push({ paragraph: paragraph as BreakerCall['paragraph'], widths: [...widths], options });
      return own(paragraph, widths);
    };
  };
  const engine = (layoutEngine as unknown as (engines: object) => (...args: unknown[]) => unknown)({
    bidi,
    linebreaker: recording,
    justification,
    textDecoration,
    scriptItemizer,
    wordHyphenation,
    fontSubstitution,
  });
  for (const args of layouts) engine(...args);
  return calls;
}

/** Lines written out key by key, in key order, with fonts, glyphs and glyph positions by identity. */
const written = (lines: unknown) => memoKey(lines);

describe('quicker textkit linebreaker', () => {
  it('cuts every paragraph of the shipped leaflets into textkit\'s own lines, at their widths and at narrower and wider ones', async () => {
    const calls = await shippedBreakerCalls(['a5', 'a4', 'large-print']);
    expect(calls.length).toBeGreaterThan(600);
    const { engine: quick, counts } = countingQuick();
    for (const { paragraph, widths, options } of calls) quick(options)(paragraph, widths);
    // The quick path itself cut nearly all of them at their own widths (textkit's engine takes only what it alone can cut).
    expect(counts.handedOver / counts.calls).toBeLessThan(0.02);
    let compared = 0;
    for (const { paragraph, widths, options } of calls) {
      const label = `${JSON.stringify(paragraph.string.slice(0, 60))} at ${widths.join('/')}`;
      // Narrow measures break at hyphenation points and exhaust the search (textkit's first-fit fallback).
      const variants = [widths, widths.map((w) => w * 0.55), widths.map((w) => w * 1.4), [widths[0]! - 24, ...widths.slice(1)], [40], [12]];
      for (const variant of variants) {
        const expected = outcome(() => written(upstream(options)(paragraph, variant)));
        expect(outcome(() => written(quick(options)(paragraph, variant))), label).toEqual(expected);
        compared += 1;
      }
    }
    expect(compared).toBe(calls.length * 6);
  }, 600_000);

  it('breaks at hyphenation points and adds the hyphen glyph as textkit does', async () => {
    const calls = await shippedBreakerCalls(['a5']);
    const long = calls.filter((call) => call.paragraph.string.length > 200).slice(0, 20);
    expect(long.length).toBe(20);
    const { engine: quick, counts } = countingQuick();
    let hyphenated = 0;
    for (const { paragraph, widths, options } of long) {
      // The leaflets are set without hyphenation: split each long word in two, as a hyphenation callback would.
      const syllables = (paragraph as unknown as { syllables: string[] }).syllables.flatMap((syllable) =>
        syllable.trim() === '' ? [syllable] : (syllable.match(/.{1,3}/gsu) ?? [syllable]),
      );
      const split = { ...paragraph, syllables };
      // A low hyphenation penalty, so the search itself (not only its first-fit fallback) breaks words.
      const cheapHyphens = { ...options, hyphenationPenalty: 1 };
      for (const narrow of [[widths[0]! * 0.2], [widths[0]! * 0.3], [widths[0]! * 0.5], widths]) {
        const handedOver = counts.handedOver;
        const lines = quick(cheapHyphens)(split, narrow) as Array<{ string: string }>;
        expect(written(lines)).toBe(written(upstream(cheapHyphens)(split, narrow)));
        // Hyphens the quick path itself added.
        if (counts.handedOver === handedOver) hyphenated += lines.filter((line) => line.string.endsWith('-') && !paragraph.string.includes(line.string)).length;
      }
    }
    expect(hyphenated).toBeGreaterThan(10);
  }, 300_000);
});
