import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

/** A filled shape's bounding box in PDF points (origin bottom-left) and its fill colour (`#rrggbb`). */
export interface FilledBox {
  colour: string;
  left: number;
  bottom: number;
  right: number;
  top: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;

const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * Every filled path on a page, read from pdf.js's operator list (an independent reader of the
 * content stream): the current transform is followed through save/restore, and each fill's
 * path bounds are mapped to page coordinates.
 */
export async function filledBoxes(pdf: PDFDocumentProxy, pageNumber: number): Promise<FilledBox[]> {
  const page = await pdf.getPage(pageNumber);
  const list = await page.getOperatorList();
  const boxes: FilledBox[] = [];
  const stack: Array<{ ctm: Matrix; colour: string }> = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let colour = '#000000';
  list.fnArray.forEach((fn, index) => {
    const args = list.argsArray[index] as unknown[];
    if (fn === OPS.save) stack.push({ ctm, colour });
    else if (fn === OPS.restore) ({ ctm, colour } = stack.pop() ?? { ctm, colour });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setFillRGBColor) colour = String(args[0]).toLowerCase();
    else if (fn === OPS.constructPath && FILLS.has(args[0] as number)) {
      const [minX, minY, maxX, maxY] = Array.from(args[2] as ArrayLike<number>);
      const corners = [apply(ctm, minX!, minY!), apply(ctm, maxX!, maxY!), apply(ctm, minX!, maxY!), apply(ctm, maxX!, minY!)];
      boxes.push({
        colour,
        left: Math.min(...corners.map((c) => c[0])),
        right: Math.max(...corners.map((c) => c[0])),
        bottom: Math.min(...corners.map((c) => c[1])),
        top: Math.max(...corners.map((c) => c[1])),
      });
    }
  });
  return boxes;
}
