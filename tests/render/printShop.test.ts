import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A5 } from '../../src/render/editions.ts';
import { rasterisePage } from '../support/rasterise.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { renderSample } from '../support/renderSample.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

const MM = 72 / 25.4;
const BLEED = 3 * MM;

const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tolerance = 12) => a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);

describe('print-shop edition', () => {
  it('sets TrimBox to A5 and BleedBox 3 mm outside it on every page, with room for crop marks', async () => {
    const rendered = await renderSample('print-shop');
    const doc = await PDFDocument.load(rendered.bytes);
    expect(doc.getPageCount()).toBe(rendered.pageCount);
    for (const page of doc.getPages()) {
      const media = page.getMediaBox();
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      expect(trim.width).toBeCloseTo(A5.width, 3);
      expect(trim.height).toBeCloseTo(A5.height, 3);
      expect(bleed.x).toBeCloseTo(trim.x - BLEED, 3);
      expect(bleed.y).toBeCloseTo(trim.y - BLEED, 3);
      expect(bleed.width).toBeCloseTo(trim.width + 2 * BLEED, 3);
      expect(bleed.height).toBeCloseTo(trim.height + 2 * BLEED, 3);
      // The trim sits centred on the sheet with at least 8 mm of slug outside the bleed for the marks.
      expect(media.x).toBe(0);
      expect(trim.x).toBeCloseTo((media.width - trim.width) / 2, 3);
      expect(trim.y).toBeCloseTo((media.height - trim.height) / 2, 3);
      expect(bleed.x).toBeGreaterThanOrEqual(8 * MM - 0.01);
    }
  });

  it('runs the cover band into the bleed, draws crop marks outside it, and keeps the page clear of the bleed', async () => {
    const brand = await projectBrand();
    const rendered = await renderSample('print-shop');
    const pdf = await openPdf(rendered.bytes);
    const trim = (await PDFDocument.load(rendered.bytes)).getPage(0).getTrimBox();
    const top = trim.y + trim.height;
    const raster = await rasterisePage(pdf, 1, 4);
    const primary = hex(brand.colours.primary);
    const white = [255, 255, 255];
    // Inside the bleed, above and left of the trim: the cover band's colour.
    expect(near(raster.rgbAt(trim.x + 40, top + BLEED / 2), primary)).toBe(true);
    expect(near(raster.rgbAt(trim.x - BLEED / 2, top - 20), primary)).toBe(true);
    // Just outside the bleed: paper.
    expect(near(raster.rgbAt(trim.x + 40, top + BLEED + 2), white)).toBe(true);
    // Crop marks: on the trim lines, in the slug beyond the bleed, at all four corners.
    // A 0.25 pt hairline is about one pixel here: look half a point either side.
    const markAt = (x: number, y: number) =>
      [-0.5, -0.25, 0, 0.25, 0.5].some((d) => Math.max(...raster.rgbAt(x + d, y)) < 160 || Math.max(...raster.rgbAt(x, y + d)) < 160);
    for (const [x, outX] of [[trim.x, -1], [trim.x + trim.width, 1]] as const) {
      for (const [y, outY] of [[trim.y, -1], [top, 1]] as const) {
        expect(markAt(x, y + outY * (BLEED + 2.5 * MM)), `vertical mark at ${x},${y}`).toBe(true);
        expect(markAt(x + outX * (BLEED + 2.5 * MM), y), `horizontal mark at ${x},${y}`).toBe(true);
        // Nothing of the marks inside the bleed.
        expect(near(raster.rgbAt(x + outX * BLEED * 0.5, y + outY * (BLEED + 2.5 * MM)), white)).toBe(true);
      }
    }
  });

  it('puts every line of text where the A5 edition has it, relative to the trim', async () => {
    const [a5, printShop] = await Promise.all([renderSample('a5'), renderSample('print-shop')]);
    const a5Pdf = await openPdf(a5.bytes);
    const shopPdf = await openPdf(printShop.bytes);
    const trim = (await PDFDocument.load(printShop.bytes)).getPage(0).getTrimBox();
    // pdfjs splits a line into items differently in tagged and untagged files: compare whole lines.
    const lines = async (pdf: typeof a5Pdf, n: number, dx: number, dy: number) => {
      const byBaseline = new Map<string, { x: number; text: string[] }>();
      for (const item of (await pageText(pdf, n)).items) {
        if (item.str.trim() === '') continue;
        const key = (item.y - dy).toFixed(2);
        const line = byBaseline.get(key) ?? { x: Infinity, text: [] };
        line.x = Math.min(line.x, item.x - dx);
        line.text.push(item.str.trim());
        byBaseline.set(key, line);
      }
      return [...byBaseline].map(([y, line]) => `${y} ${line.x.toFixed(2)} ${line.text.join(' ')}`).sort();
    };
    expect(shopPdf.numPages).toBe(a5Pdf.numPages);
    for (let n = 1; n <= a5Pdf.numPages; n += 1) {
      const shopLines = await lines(shopPdf, n, trim.x, trim.y);
      expect(shopLines).toEqual(await lines(a5Pdf, n, 0, 0));
      // Text keeps the 15 mm margin: well inside the trim, never in the bleed.
      for (const line of shopLines) expect(Number(line.split(' ')[1])).toBeGreaterThan(14 * MM);
    }
  });
});
