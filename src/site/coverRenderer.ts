/**
 * Runs in the cover worker thread only (coverWorkerEntry.mjs). pdf.js's Node build installs
 * core-js polyfills over built-ins such as JSON.stringify and Array.prototype.push; loaded in a
 * thread that renders PDFs they made react-pdf's layout about 40% slower, so pdf.js lives here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runThisThreadInBackground } from '../build/backgroundThread.ts';

runThisThreadInBackground();

const pdfjsDirectory = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const standardFontDataUrl = `${pathToFileURL(path.join(pdfjsDirectory, 'standard_fonts')).href}/`;

export interface CoverTask {
  pdfBytes: Uint8Array;
  widthPx: number;
}

export interface RenderedCover {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Renders page 1 of a PDF to a PNG `widthPx` wide, as pdf.js shows it, on a white page. */
export default async function renderCover({ pdfBytes, widthPx }: CoverTask): Promise<RenderedCover> {
  const pdf = await getDocument({
    data: new Uint8Array(pdfBytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
    verbosity: 0,
  }).promise;
  try {
    const page = await pdf.getPage(1);
    const scale = widthPx / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
    return { png: new Uint8Array(await canvas.encode('png')), width: canvas.width, height: canvas.height };
  } finally {
    await pdf.destroy();
  }
}
