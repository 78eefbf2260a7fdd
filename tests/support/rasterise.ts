import { createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row from the top. */
  data: Uint8ClampedArray;
  /** Pixels per PDF point. */
  scale: number;
  /** RGB of the pixel at PDF user-space point (x, y), origin bottom-left. */
  rgbAt(x: number, y: number): [number, number, number];
}

/** Renders one page with pdfjs-dist onto an @napi-rs/canvas bitmap, as a viewer would show it. */
export async function rasterisePage(pdf: PDFDocumentProxy, pageNumber: number, scale: number): Promise<Raster> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const [, , , pageHeight] = page.view as [number, number, number, number];
  return {
    width,
    height,
    data: data as Uint8ClampedArray,
    scale,
    rgbAt(x, y) {
      const px = Math.min(width - 1, Math.max(0, Math.round(x * scale)));
      const py = Math.min(height - 1, Math.max(0, Math.round((pageHeight - y) * scale)));
      const offset = (py * width + px) * 4;
      return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
    },
  };
}
