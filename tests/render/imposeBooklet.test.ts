import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4, A5 } from '../../src/render/editions.ts';
import { imposeBooklet, saddleStitchOrder } from '../../src/render/print/imposeBooklet.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { renderSample } from '../support/renderSample.ts';
import { paragraph, sampleBlocks, sampleLeaflet } from '../support/sampleLeaflet.ts';

const SHEET = { width: A4.height, height: A4.width };
const NUMBER_X = 60;

/** Saddle-stitch order written out by hand: [left, right] per sheet side, front then back. */
const EXPECTED: Record<number, Array<[number | null, number | null]>> = {
  4: [[4, 1], [2, 3]],
  6: [[null, 1], [2, null], [6, 3], [4, 5]],
  8: [[8, 1], [2, 7], [6, 3], [4, 5]],
  12: [[12, 1], [2, 11], [10, 3], [4, 9], [8, 5], [6, 7]],
};

/** A5 pages showing nothing but a large "P<n>" at a known place. */
async function numberedPages(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= count; n += 1) {
    doc.addPage([A5.width, A5.height]).drawText(`P${n}`, { x: NUMBER_X, y: 300, size: 72, font });
  }
  return doc.save();
}

type Half = { text: string; xs: number[] };

/** Each output page's text, split by which half of the sheet it sits on. */
async function readHalves(bytes: Uint8Array): Promise<Array<{ left: Half; right: Half; size: [number, number] }>> {
  const pdf = await openPdf(bytes);
  const sides = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view as number[];
    const items = (await pageText(pdf, n)).items.filter((item) => item.str.trim() !== '');
    const half = (left: boolean): Half => {
      const mine = items.filter((item) => item.x < width! / 2 === left);
      return { text: mine.map((item) => item.str).join(' '), xs: mine.map((item) => item.x) };
    };
    sides.push({ left: half(true), right: half(false), size: [width!, height!] as [number, number] });
  }
  return sides;
}

describe('saddle-stitch imposition', () => {
  it.each([4, 6, 8, 12])('puts %i numbered pages on the right halves of the right sheets', async (count) => {
    const target = await PDFDocument.create();
    const order = await imposeBooklet(target, await numberedPages(count), { sheet: SHEET });
    const sides = await readHalves(await target.save());
    const label = (n: number | null) => (n === null ? '' : `P${n}`);
    expect(sides.map((side) => [side.left.text, side.right.text])).toEqual(EXPECTED[count]!.map(([l, r]) => [label(l), label(r)]));
    expect(order.map((side) => [side.left, side.right])).toEqual(EXPECTED[count]);
    expect(order.map((side) => side.side)).toEqual(EXPECTED[count]!.map((_, i) => (i % 2 === 0 ? 'front' : 'back')));
    for (const side of sides) {
      expect(side.size[0]).toBeCloseTo(841.89, 2);
      expect(side.size[1]).toBeCloseTo(595.28, 2);
      // Pages meet at the fold in the sheet's centre: A4 is 1 mm wider than two A5 pages.
      for (const x of side.left.xs) expect(x).toBeCloseTo(SHEET.width / 2 - A5.width + NUMBER_X, 2);
      for (const x of side.right.xs) expect(x).toBeCloseTo(SHEET.width / 2 + NUMBER_X, 2);
    }
  });

  it('pads to a multiple of four with blanks only at the end', () => {
    expect(saddleStitchOrder(5).flatMap((side) => [side.left, side.right]).filter((n) => n === null)).toHaveLength(3);
    const placed = saddleStitchOrder(9).flatMap((side) => [side.left, side.right]).filter((n): n is number => n !== null);
    expect(placed.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

const LONG = 'JAK inhibitors are medicines that can help hair grow back for some people. '.repeat(8);

describe('booklet edition of a real leaflet', () => {
  const leaflets = {
    short: sampleLeaflet({ body: { blocks: sampleBlocks().slice(0, 8) } }),
    sample: sampleLeaflet(),
    long: sampleLeaflet({ body: { blocks: [...sampleBlocks(), ...Array.from({ length: 10 }, (_, i) => paragraph(`x${i}`, LONG))] } }),
  };

  it.each(Object.keys(leaflets) as Array<keyof typeof leaflets>)(
    'imposes the %s leaflet with notes pages before the back page',
    async (name) => {
      const leaflet = leaflets[name];
      const a5Pages = (await renderSample('a5', leaflet)).pageCount;
      const booklet = await renderSample('booklet', leaflet);
      const total = Math.ceil(a5Pages / 4) * 4;
      expect(Object.keys(EXPECTED).map(Number), `${a5Pages} A5 pages`).toContain(total);
      expect(booklet.pageCount).toBe(total / 2);

      const sides = await readHalves(booklet.bytes);
      const whichPage = (half: Half): number | null => {
        const match = half.text.match(/Page (\d+) of (\d+)/);
        if (match) {
          expect(Number(match[2])).toBe(total);
          return Number(match[1]);
        }
        return half.text.includes('Who this leaflet is for') ? 1 : null;
      };
      expect(sides.map((side) => [whichPage(side.left), whichPage(side.right)])).toEqual(EXPECTED[total]);

      const halfOf = (page: number) => {
        const index = EXPECTED[total]!.findIndex(([l, r]) => l === page || r === page);
        return EXPECTED[total]![index]![0] === page ? sides[index]!.left : sides[index]!.right;
      };
      // The back page (QR code, contacts) is the outside back cover; notes pages hold only the running header and footer.
      expect(halfOf(total).text).toContain('Read this leaflet online');
      for (let page = a5Pages; page < total; page += 1) {
        expect(halfOf(page).text).toBe(`Alopecia UK Sample leaflet & <friends> Page ${page} of ${total}`);
      }
      expect(halfOf(a5Pages - 1).text).toContain('JAK inhibitors');
    },
  );
});
