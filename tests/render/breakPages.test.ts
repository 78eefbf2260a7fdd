import { describe, expect, it } from 'vitest';
import { breakPages, MIN_LAST_FILL } from '../../src/render/pagination/breakPages.ts';
import type { Cut } from '../../src/render/pagination/flow.ts';

/** A galley of `count` lines, 10 pt each, breakable after every line, with the given penalties. */
function lines(count: number, penalty: (index: number) => number = () => 0) {
  const bands = Array.from({ length: count }, (_, index) => ({ top: index * 10, bottom: index * 10 + 10 }));
  const cuts: Cut[] = bands.slice(0, -1).map((band, index) => ({ endY: band.bottom, startY: band.bottom, closing: 0, opening: 0, penalty: penalty(index) }));
  return { cuts, bands, start: 0, end: count * 10 };
}

describe('page breaking', () => {
  it('uses the fewest pages and fills them in order', () => {
    const { spans } = breakPages(lines(25).cuts, { ...lines(25), pageHeight: 100 });
    expect(spans.map((span) => span.lines)).toEqual([10, 10, 5]);
  });

  it('never strands fewer than four lines on the last page when a break earlier avoids it', () => {
    const { spans } = breakPages(lines(22).cuts, { ...lines(22), pageHeight: 100 });
    expect(spans.map((span) => span.lines)).toEqual([10, 8, 4]);
  });

  it('counts what split boxes draw again (closing and opening) against the page', () => {
    const galley = lines(20);
    const cuts = galley.cuts.map((cut) => ({ ...cut, closing: 5, opening: 15 }));
    const { spans } = breakPages(cuts, { ...galley, pageHeight: 100 });
    for (const span of spans) expect(span.height).toBeLessThanOrEqual(100);
    expect(spans[1]!.height).toBe(spans[1]!.lines * 10 + 15 + (spans.length > 2 ? 5 : 0));
  });

  it('prefers a cheaper break when it costs no page', () => {
    const { spans } = breakPages(lines(15, (index) => (index === 8 ? 500 : 0)).cuts, { ...lines(15), pageHeight: 100 });
    expect(spans[0]!.lines).not.toBe(9);
    expect(spans).toHaveLength(2);
  });

  it('balances a nearly empty last page with the page before, keeping the page count', () => {
    // 20 lines a page: filled in order, the last page would hold 5 lines (a quarter of it).
    const galley = lines(45);
    const { spans, packedLastHeight } = breakPages(galley.cuts, { ...galley, pageHeight: 200 });
    expect(spans.map((span) => span.lines)).toEqual([20, 20 - (MIN_LAST_FILL * 20 - 5), MIN_LAST_FILL * 20]);
    expect(packedLastHeight).toBe(50);
  });

  it('leaves the last page short rather than take a page before it under 60% full', () => {
    // The only breaks are after lines 20, 25 and 40: balancing would leave the middle page 5 lines.
    const galley = lines(45);
    const cuts = galley.cuts.filter((cut) => [200, 250, 400].includes(cut.endY));
    const { spans } = breakPages(cuts, { ...galley, pageHeight: 200 });
    expect(spans.map((span) => span.lines)).toEqual([20, 20, 5]);
  });

  it('puts a block taller than a page on a page of its own rather than failing', () => {
    const { spans } = breakPages([], { bands: [{ top: 0, bottom: 250 }], start: 0, end: 250, pageHeight: 100 });
    expect(spans).toHaveLength(1);
    expect(spans[0]!.height).toBe(250);
  });
});
