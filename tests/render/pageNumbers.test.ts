import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { renderLeafletPdf, type RenderedPdf } from '../../src/render/renderLeaflet.tsx';
import { openPdf, pageText } from '../support/readPdf.ts';
import { renderSample, SAMPLE_URL } from '../support/renderSample.ts';
import { projectBrand, sampleLeaflet } from '../support/sampleLeaflet.ts';

/** Every "Page x of y" label on each page, read back with pdf.js. */
async function labelsByPage(rendered: RenderedPdf): Promise<Array<{ labels: string[]; lowestY: number; labelY?: number }>> {
  const pdf = await openPdf(rendered.bytes);
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const { items } = await pageText(pdf, n);
    const labels = items.filter((item) => /^Page \d+ of \d+$/.test(item.str));
    const bodyItems = items.filter((item) => !labels.includes(item) && item.str.trim() !== '');
    pages.push({
      labels: labels.map((item) => item.str),
      lowestY: Math.min(...bodyItems.map((item) => item.y)),
      ...(labels[0] ? { labelY: labels[0].y } : {}),
    });
  }
  return pages;
}

function expectNumbered(pages: Awaited<ReturnType<typeof labelsByPage>>): void {
  expect(pages.length).toBeGreaterThan(2);
  // The cover has no page furniture; every other page says where it is, counting the cover.
  expect(pages[0]!.labels).toEqual([]);
  pages.slice(1).forEach((page, index) => {
    expect(page.labels).toEqual([`Page ${index + 2} of ${pages.length}`]);
    // At the foot of the page, below everything else on it.
    expect(page.labelY).toBeLessThan(page.lowestY);
  });
}

describe('page numbers', () => {
  it('numbers every page after the cover "Page x of y", in the footer, in the A5 and large-print editions', async () => {
    expectNumbered(await labelsByPage(await renderSample('a5')));
    expectNumbered(await labelsByPage(await renderSample('large-print')));
  });

  it('counts notes pages added for a booklet', async () => {
    const brand = await projectBrand();
    const input = { leaflet: sampleLeaflet(), brand, edition: EDITIONS.a5, fontStore: createFontStore(brand), leafletUrl: SAMPLE_URL };
    const without = await labelsByPage(await renderLeafletPdf(input));
    const withNotes = await labelsByPage(await renderLeafletPdf(input, { notesPages: 3 }));
    expect(withNotes).toHaveLength(without.length + 3);
    expectNumbered(withNotes);
  });
});
