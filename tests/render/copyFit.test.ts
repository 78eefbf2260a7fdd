import { describe, expect, it } from 'vitest';
import { chooseFit } from '../../src/render/copyFit/chooseFit.ts';
import { fitLadder, defaultFit, sameFit } from '../../src/render/copyFit/fit.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { renderEdition } from '../../src/render/renderEdition.ts';
import { layoutWithFit, leafletPageCount } from '../../src/render/renderLeaflet.tsx';
import { heading, inputFor, leafletOf, para, words } from '../support/layoutFixtures.tsx';

const MM = 72 / 25.4;

/** A leaflet of `length` words in short sections. */
const leafletOfLength = (length: number) =>
  leafletOf(Array.from({ length: Math.ceil(length / 60) }, (_, index) => [heading(`h${index}`, `Section ${index + 1}`), para(`p${index}`, words(60))]).flat());

describe('copy-fitting', () => {
  it('stays within the brand’s limits: line height 1.3-1.5, margins of at least 15 mm in A5, large print untouched', () => {
    for (const id of ['a5', 'a4'] as const) {
      for (const fit of fitLadder(EDITIONS[id])) {
        expect(fit.lineHeight).toBeGreaterThanOrEqual(1.3);
        expect(fit.lineHeight).toBeLessThanOrEqual(1.5);
        expect(fit.marginMm).toBeGreaterThanOrEqual(15);
        expect(Math.abs(fit.marginMm - EDITIONS[id].margin / MM)).toBeLessThanOrEqual(3.01);
      }
    }
    for (const fit of fitLadder(EDITIONS['large-print'])) {
      expect(fit.lineHeight).toBe(1.5);
      expect(fit.marginMm).toBe(20);
    }
  });

  it('brings an A5 leaflet one page over a whole sheet back to a multiple of four pages, and the booklet needs no notes pages', async () => {
    // Find a length that takes five pages with the design's spacing but four with the tightest variant.
    const ladder = fitLadder(EDITIONS.a5);
    let found: { leaflet: ReturnType<typeof leafletOf>; design: number } | undefined;
    for (let length = 420; length <= 900 && !found; length += 60) {
      const leaflet = leafletOfLength(length);
      const input = await inputFor(leaflet, 'a5');
      const design = leafletPageCount(await layoutWithFit(input, defaultFit(input.edition)));
      const tightest = leafletPageCount(await layoutWithFit(input, ladder[ladder.length - 1]!));
      if (design === 5 && tightest === 4) found = { leaflet, design };
    }
    expect(found, 'a leaflet five pages long at the design, four at the tightest fit').toBeDefined();
    // The search lays out the design, then tighter variants only: once one fits on a sheet
    // fewer, a looser variant (a page more, up to the next sheet) could not be chosen.
    const designLevel = ladder.findIndex((fit) => sameFit(fit, defaultFit(EDITIONS.a5)));
    const { levelsTried } = await chooseFit(await inputFor(found!.leaflet, 'a5'));
    expect(levelsTried[0]).toBe(designLevel);
    expect(levelsTried).toContain(ladder.length - 1);
    expect(levelsTried.filter((level) => level < designLevel)).toEqual([]);
    const a5 = await renderEdition(await inputFor(found!.leaflet, 'a5'));
    expect(a5.pageCount).toBe(4);
    expect(a5.diagnostics).toEqual([]);
    expect(a5.fit).not.toEqual(defaultFit(EDITIONS.a5));
    // The booklet and the print-shop file lay out the same pages with the same fit.
    const booklet = await renderEdition(await inputFor(found!.leaflet, 'booklet'));
    expect(booklet.fit).toEqual(a5.fit);
    expect(booklet.pageCount).toBe(2);
    const printShop = await renderEdition(await inputFor(found!.leaflet, 'print-shop'));
    expect(printShop.fit).toEqual(a5.fit);
    expect(printShop.pageCount).toBe(4);
  });

  it('lays out with a given fit without searching (watch mode’s fast rebuild), byte for byte as the search’s own result', async () => {
    const leaflet = leafletOfLength(700);
    const chosen = await renderEdition(await inputFor(leaflet, 'a5'));
    const again = await renderEdition(await inputFor({ ...leaflet }, 'a5'), { fit: chosen.fit });
    expect(again.fit).toEqual(chosen.fit);
    expect(Buffer.compare(again.bytes, chosen.bytes)).toBe(0);
    const other = fitLadder(EDITIONS.a5)[0]!;
    expect((await renderEdition(await inputFor({ ...leaflet }, 'a5'), { fit: other })).fit).toEqual(other);
  });
});
