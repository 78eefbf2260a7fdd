import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDITIONS, EDITION_IDS, type EditionId } from '../../src/render/editions.ts';
import { openPdf, pageText, structTree } from '../support/readPdf.ts';
import { SAMPLE_URL, renderSample } from '../support/renderSample.ts';
import { sampleBlocks, sampleLeaflet } from '../support/sampleLeaflet.ts';

const MM = 72 / 25.4;

/** Page size in points (width x height) each edition's file uses, from ISO 216. */
const PAGE_SIZES: Record<EditionId, [number, number]> = {
  a5: [419.53, 595.28],
  a4: [595.28, 841.89],
  'large-print': [595.28, 841.89],
  // A4 landscape sheets, two A5 pages each.
  booklet: [841.89, 595.28],
  // A5 trim + 2 x (3 mm bleed + 8 mm slug for crop marks).
  'print-shop': [(148 + 22) * MM, (210 + 22) * MM],
};

async function pageSizes(pdf: PDFDocumentProxy): Promise<Array<[number, number]>> {
  const sizes: Array<[number, number]> = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const [, , width, height] = (await pdf.getPage(n)).view as number[];
    sizes.push([Math.round(width! * 100) / 100, Math.round(height! * 100) / 100]);
  }
  return sizes;
}

/** Font names embedded in a file, read with pdf-lib (e.g. "ABCDEF+AtkinsonHyperlegibleNext-Italic"). */
function embeddedFontNames(doc: PDFDocument): string[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .map((descriptor) => String(descriptor.get(PDFName.of('FontName'))));
}

describe('editions', () => {
  it('builds every edition by default', () => {
    expect([...DEFAULT_EDITIONS].sort()).toEqual([...EDITION_IDS].sort());
  });

  it.each(EDITION_IDS)('gives every page of the %s edition its page size', async (edition) => {
    const rendered = await renderSample(edition);
    const pdf = await openPdf(rendered.bytes);
    expect(pdf.numPages).toBe(rendered.pageCount);
    const [width, height] = PAGE_SIZES[edition];
    for (const size of await pageSizes(pdf)) {
      expect(size[0]).toBeCloseTo(width, 1);
      expect(size[1]).toBeCloseTo(height, 1);
    }
  });

  it.each<EditionId>(['a5', 'a4', 'large-print'])('tags the %s edition and declares PDF/UA', async (edition) => {
    const rendered = await renderSample(edition);
    const pdf = await openPdf(rendered.bytes);
    const metadata = await pdf.getMetadata();
    expect(metadata.metadata?.get('pdfuaid:part')).toBe('1');
    expect((metadata.info as Record<string, unknown>).Title).toBe('Sample leaflet & <friends>');
    for (let n = 1; n <= pdf.numPages; n += 1) expect(await structTree(pdf, n)).not.toBeNull();
    const doc = await PDFDocument.load(rendered.bytes);
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(doc.catalog.has(PDFName.of('MarkInfo'))).toBe(true);
  });

  it.each<[EditionId, string]>([
    ['booklet', 'Booklet for printing'],
    ['print-shop', 'Print shop (with bleed)'],
  ])('marks the %s edition as an untagged print file and makes no PDF/UA claim', async (edition, label) => {
    const rendered = await renderSample(edition);
    const pdf = await openPdf(rendered.bytes);
    const { info, metadata } = await pdf.getMetadata();
    const fields = info as Record<string, string>;
    expect(metadata).toBeNull();
    expect(fields.Title).toBe(`Sample leaflet & <friends> (${label})`);
    expect(fields.Subject).toMatch(/^Print file: /);
    expect(fields.Subject).toContain(`the accessible version is at ${SAMPLE_URL}`);
    expect(fields.Keywords?.split(', ')).toEqual(expect.arrayContaining(['print file', 'not tagged', 'alopecia']));
    expect(fields.Language).toBe('en-GB');
    for (let n = 1; n <= pdf.numPages; n += 1) expect(await structTree(pdf, n)).toBeNull();
    const doc = await PDFDocument.load(rendered.bytes);
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(false);
    expect(doc.catalog.has(PDFName.of('MarkInfo'))).toBe(false);
  });

  it.each<EditionId>(['booklet', 'print-shop'])('renders the %s edition byte-identically twice', async (edition) => {
    const [first, second] = [await renderSample(edition), await renderSample(edition)];
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
  });
});

describe('large-print edition', () => {
  // Emphasis in the body, so italics would show up if large print used them.
  const withEmphasis = sampleLeaflet({
    body: {
      blocks: [
        { type: 'paragraph', key: 'e1', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Stressed words here.' }] }] },
        ...sampleBlocks(),
      ],
    },
  });

  it('uses no text smaller than 16 pt on any page, page numbers included', async () => {
    const pdf = await openPdf((await renderSample('large-print', withEmphasis)).bytes);
    const sizes: number[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const items = (await pageText(pdf, n)).items.filter((item) => item.str.trim() !== '');
      sizes.push(...items.map((item) => item.fontSize));
      if (n > 1) {
        const pageNumber = items.find((item) => /^Page \d+ of \d+$/.test(item.str));
        expect(pageNumber?.fontSize).toBeGreaterThanOrEqual(18);
      }
    }
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    // The standard edition, for contrast, is smaller.
    const a5 = await openPdf((await renderSample('a5', withEmphasis)).bytes);
    expect(Math.min(...(await pageText(a5, 2)).items.filter((i) => i.str.trim()).map((i) => i.fontSize))).toBeLessThan(16);
  });

  it('sets body text left-aligned at 1.5 line spacing, with headings larger than body text', async () => {
    const pdf = await openPdf((await renderSample('large-print', withEmphasis)).bytes);
    const items = (await pageText(pdf, 2)).items.filter((item) => item.str.includes('JAK inhibitors are medicines') || item.str.includes('some people'));
    const body = items.filter((item) => Math.abs(item.fontSize - 18) < 0.01);
    expect(body.length).toBeGreaterThan(5);
    // Every line of the paragraph starts at the 20 mm left margin.
    for (const item of body) expect(item.x).toBeCloseTo(20 * MM, 1);
    // Baseline to baseline within a paragraph (larger steps are gaps between paragraphs or pages).
    const steps = body.slice(1).map((item, i) => body[i]!.y - item.y).filter((step) => step > 0 && step < 18 * 1.8);
    expect(steps.length).toBeGreaterThan(4);
    for (const step of steps) expect(step / 18).toBeCloseTo(1.5, 2);
    const heading = (await pageText(pdf, 2)).items.find((item) => item.str === 'What are they?');
    expect(heading!.fontSize).toBeGreaterThan(18 * 1.3);
  });

  it('shows emphasis in bold, not italics', async () => {
    const largePrint = embeddedFontNames(await PDFDocument.load((await renderSample('large-print', withEmphasis)).bytes));
    const standard = embeddedFontNames(await PDFDocument.load((await renderSample('a5', withEmphasis)).bytes));
    expect(standard.some((name) => /Italic/.test(name))).toBe(true);
    expect(largePrint.some((name) => /Italic/.test(name))).toBe(false);
    expect(largePrint.some((name) => /Bold/.test(name))).toBe(true);
  });
});
