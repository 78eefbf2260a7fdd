import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Piscina } from 'piscina';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { sha256Of, type ManifestCover, type ManifestEntry } from '../emit/manifest.ts';
import type { CoverTask, RenderedCover } from './coverRenderer.ts';

/** Cover thumbnails are 300 px wide: sharp when shown 150 CSS px wide on a high-density screen. */
export const COVER_WIDTH_PX = 300;

/** Idle time after which the cover thread exits; an idle pool never keeps the process alive. */
const COVER_THREAD_IDLE_MS = 10_000;
let coverPool: Piscina<CoverTask, RenderedCover> | undefined;

/**
 * Renders page 1 of a PDF to a PNG `widthPx` wide, as pdf.js shows it, on a white page. pdf.js
 * runs in its own worker thread so its global polyfills never reach a thread that renders PDFs.
 */
export async function renderCoverPng(pdfBytes: Uint8Array, widthPx = COVER_WIDTH_PX): Promise<RenderedCover> {
  coverPool ??= new Piscina<CoverTask, RenderedCover>({
    filename: new URL('./coverWorkerEntry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: COVER_THREAD_IDLE_MS,
  });
  const data = new Uint8Array(pdfBytes);
  return coverPool.run({ pdfBytes: data, widthPx }, { transferList: [data.buffer] });
}

/** Ends the cover thread now (watch mode stopping), rather than after its idle timeout. */
export async function closeCoverThread(): Promise<void> {
  const pool = coverPool;
  coverPool = undefined;
  await pool?.destroy();
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
