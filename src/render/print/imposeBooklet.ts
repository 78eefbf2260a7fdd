import { PDFDocument } from 'pdf-lib';

/** One side of one printed sheet: which pages (1-based) sit on its left and right halves; null is blank. */
export interface SheetSide {
  sheet: number;
  side: 'front' | 'back';
  left: number | null;
  right: number | null;
}

export const padToMultipleOfFour = (pageCount: number) => Math.ceil(pageCount / 4) * 4;

/**
 * Saddle-stitch order: sheets are nested and folded in half, so sheet i (from 0, outermost
 * first) carries pages n-2i and 1+2i on its front and 2+2i and n-1-2i on its back. Both sides
 * are upright, which is what duplex printing flipped on the short edge expects for a
 * landscape sheet. Pages past `pageCount` (up to the next multiple of four) are blank.
 */
export function saddleStitchOrder(pageCount: number): SheetSide[] {
  const total = padToMultipleOfFour(pageCount);
  const page = (n: number) => (n <= pageCount ? n : null);
  const sides: SheetSide[] = [];
  for (let sheet = 0; sheet < total / 4; sheet += 1) {
    sides.push({ sheet: sheet + 1, side: 'front', left: page(total - 2 * sheet), right: page(1 + 2 * sheet) });
    sides.push({ sheet: sheet + 1, side: 'back', left: page(2 + 2 * sheet), right: page(total - 1 - 2 * sheet) });
  }
  return sides;
}

export interface ImposeOptions {
  /** Sheet size in points, landscape (A4 landscape for an A5 booklet). */
  sheet: { width: number; height: number };
}

/**
 * Places the source pages two-up on landscape sheets in saddle-stitch order, one output page
 * per sheet side. Pages meet at the sheet's centre (the fold); if two pages are wider than
 * the sheet they are scaled down to fit. Source pages are embedded as Form XObjects, so the
 * source's links and tags do not carry over: the result is for printing only.
 */
export async function imposeBooklet(target: PDFDocument, source: Uint8Array, options: ImposeOptions): Promise<SheetSide[]> {
  const { sheet } = options;
  const sourceDoc = await PDFDocument.load(source);
  const embedded = await target.embedPdf(sourceDoc, sourceDoc.getPageIndices());
  if (embedded.length === 0) return [];
  const order = saddleStitchOrder(embedded.length);
  for (const side of order) {
    const output = target.addPage([sheet.width, sheet.height]);
    const place = (pageNumber: number | null, half: 'left' | 'right') => {
      if (pageNumber === null) return;
      const page = embedded[pageNumber - 1]!;
      const scale = Math.min(1, sheet.width / 2 / page.width, sheet.height / page.height);
      const width = page.width * scale;
      const height = page.height * scale;
      const x = half === 'left' ? sheet.width / 2 - width : sheet.width / 2;
      output.drawPage(page, { x, y: (sheet.height - height) / 2, xScale: scale, yScale: scale });
    };
    place(side.left, 'left');
    place(side.right, 'right');
  }
  return order;
}
