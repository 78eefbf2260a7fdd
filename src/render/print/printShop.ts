import { cmyk, PDFDocument, type PDFPage } from 'pdf-lib';

const MM = 72 / 25.4;

export interface PrintShopOptions {
  /** Finished (trim) page size in points. */
  trim: { width: number; height: number };
  /** Bleed on every side in points; source pages are trim + 2 * bleed. */
  bleed: number;
  /** Crop marks start this far outside the trim, so they never print into the bleed. */
  markOffset?: number;
  markLength?: number;
}

export interface PrintShopBoxes {
  media: { width: number; height: number };
  /** [x, y, width, height] in points, from the media box's lower-left corner. */
  bleedBox: [number, number, number, number];
  trimBox: [number, number, number, number];
}

/** Media, BleedBox and TrimBox for a page with bleed and a slug wide enough for crop marks. */
export function printShopBoxes(options: PrintShopOptions): PrintShopBoxes {
  const { trim, bleed } = options;
  const offset = options.markOffset ?? Math.max(bleed, 3 * MM);
  const length = options.markLength ?? 5 * MM;
  // The slug is the paper outside the trim that carries the marks, with 3 mm to spare.
  const slug = offset + length + 3 * MM;
  return {
    media: { width: trim.width + 2 * slug, height: trim.height + 2 * slug },
    bleedBox: [slug - bleed, slug - bleed, trim.width + 2 * bleed, trim.height + 2 * bleed],
    trimBox: [slug, slug, trim.width, trim.height],
  };
}

/**
 * Print-shop pages: each source page (laid out at trim + bleed, backgrounds running to its
 * edge) is centred on a larger sheet, with TrimBox and BleedBox set and crop marks at the
 * trim lines in the slug outside the bleed.
 */
export async function addBleedAndCropMarks(target: PDFDocument, source: Uint8Array, options: PrintShopOptions): Promise<PrintShopBoxes> {
  const boxes = printShopBoxes(options);
  const offset = options.markOffset ?? Math.max(options.bleed, 3 * MM);
  const length = options.markLength ?? 5 * MM;
  const sourceDoc = await PDFDocument.load(source);
  const embedded = await target.embedPdf(sourceDoc, sourceDoc.getPageIndices());
  const [bleedX, bleedY, bleedWidth, bleedHeight] = boxes.bleedBox;
  for (const page of embedded) {
    if (Math.abs(page.width - bleedWidth) > 0.01 || Math.abs(page.height - bleedHeight) > 0.01) {
      throw new Error(
        `Print-shop source page is ${page.width.toFixed(2)} x ${page.height.toFixed(2)} pt; expected trim + bleed, ${bleedWidth.toFixed(2)} x ${bleedHeight.toFixed(2)} pt`,
      );
    }
    const output = target.addPage([boxes.media.width, boxes.media.height]);
    output.drawPage(page, { x: bleedX, y: bleedY });
    output.setBleedBox(...boxes.bleedBox);
    output.setTrimBox(...boxes.trimBox);
    drawCropMarks(output, boxes.trimBox, offset, length);
  }
  return boxes;
}

function drawCropMarks(page: PDFPage, trimBox: PrintShopBoxes['trimBox'], offset: number, length: number): void {
  const [x, y, width, height] = trimBox;
  // Registration colour (all four inks), so the marks show on every printing plate.
  const colour = cmyk(1, 1, 1, 1);
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.25, color: colour });
  for (const cornerX of [x, x + width]) {
    for (const cornerY of [y, y + height]) {
      const outX = cornerX === x ? -1 : 1;
      const outY = cornerY === y ? -1 : 1;
      // Horizontal mark on the trim line y = cornerY, beside the page; vertical mark likewise.
      line(cornerX + outX * offset, cornerY, cornerX + outX * (offset + length), cornerY);
      line(cornerX, cornerY + outY * offset, cornerX, cornerY + outY * (offset + length));
    }
  }
}
