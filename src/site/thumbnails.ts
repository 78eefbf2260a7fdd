import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { sha256Of, type ManifestCover, type ManifestEntry } from '../emit/manifest.ts';

/** Cover thumbnails are 300 px wide: sharp when shown 150 CSS px wide on a high-density screen. */
export const COVER_WIDTH_PX = 300;

const pdfjsDirectory = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const standardFontDataUrl = `${pathToFileURL(path.join(pdfjsDirectory, 'standard_fonts')).href}/`;

export interface RenderedCover {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Renders page 1 of a PDF to a PNG `widthPx` wide, as pdf.js shows it, on a white page. */
export async function renderCoverPng(pdfBytes: Uint8Array, widthPx = COVER_WIDTH_PX): Promise<RenderedCover> {
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

/** The PDF a leaflet's cover is taken from: the standard A5 edition, else the first reading edition. */
export const coverSourceOf = (entry: ManifestEntry) =>
  entry.editions.find((file) => file.edition === 'a5') ?? entry.editions.find((file) => !file.forPrinters);

export const coverPathOf = (entry: ManifestEntry) => `${entry.locale}/${entry.id}.cover.png`;

/**
 * Makes sure `<locale>/<id>.cover.png` shows page 1 of the entry's current PDF. Rendering is
 * skipped when the previous cover was made from a PDF with the same sha256 and is still on disk.
 */
export async function ensureCover(outDir: string, entry: ManifestEntry, previous?: ManifestCover): Promise<ManifestCover | undefined> {
  const source = coverSourceOf(entry);
  if (!source) return undefined;
  const relative = coverPathOf(entry);
  const absolute = path.join(outDir, ...relative.split('/'));
  if (previous && previous.renderedFrom === source.sha256 && previous.path === relative) {
    const existing = await readFile(absolute).catch(() => undefined);
    if (existing && sha256Of(existing) === previous.sha256) return previous;
  }
  const pdfBytes = await readFile(path.join(outDir, ...source.path.split('/')));
  const cover = await renderCoverPng(pdfBytes);
  await writeFileAtomic(absolute, cover.png);
  return {
    path: relative,
    width: cover.width,
    height: cover.height,
    bytes: cover.png.length,
    sha256: sha256Of(cover.png),
    renderedFrom: source.sha256,
  };
}
