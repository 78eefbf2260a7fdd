import type { CompiledLeaflet } from '../compile/leaflet.ts';
import { chooseFit, type FitTrial } from './copyFit/chooseFit.ts';
import type { Fit } from './copyFit/fit.ts';
import { A4, type Edition } from './editions.ts';
import { ownedRender } from './perf/caches.ts';
import { imposeBooklet, padToMultipleOfFour } from './print/imposeBooklet.ts';
import { createPrintFile, savePrintFile, type PrintFileInfo } from './print/printFile.ts';
import { addBleedAndCropMarks } from './print/printShop.ts';
import { layoutWithFit, leafletDocumentInfo, leafletPageCount, renderLaidOut, type LaidOutLeaflet, type RenderInput, type RenderedPdf } from './renderLeaflet.tsx';

const MM = 72 / 25.4;

export interface EditionOptions {
  /** Lay out with this copy-fit instead of choosing one (watch mode's fast rebuild reuses the last). */
  fit?: Fit;
}

/**
 * One edition of one leaflet. Standard editions render directly; the booklet is imposed from
 * its A5 pages and the print-shop file is laid out with bleed and given crop marks.
 * `pageCount` is the number of pages in the written file (sheet sides for the booklet).
 * Each edition is copy-fitted (copyFit/chooseFit.ts) unless `options.fit` is given; the
 * booklet and print-shop file reuse the fit chosen for the same leaflet's A5 pages.
 */
export async function renderEdition(input: RenderInput, options: EditionOptions = {}): Promise<RenderedPdf> {
  // The paragraph layouts and galley blocks this render uses are its own: the next render of the same edition drops those it no longer uses.
  return ownedRender(`${input.leaflet.sourceFile}\u0000${input.edition.id}`, () => renderEditionNow(input, options));
}

async function renderEditionNow(input: RenderInput, options: EditionOptions): Promise<RenderedPdf> {
  if (input.edition.id === 'booklet') return renderBooklet(input, options);
  if (input.edition.bleed > 0) return renderPrintShop(input, options);
  return renderLaidOut(input, await fittedLayout(input, options));
}

/**
 * Fits chosen per leaflet and text area, so editions that share A5 pages (a5, booklet,
 * print-shop) search once. Held as long as the compiled leaflet is.
 */
const chosenFits = new WeakMap<CompiledLeaflet, Map<string, Fit>>();
const textAreaKey = (edition: Edition) =>
  [edition.pageSize.width - 2 * edition.layoutBleed, edition.pageSize.height - 2 * edition.layoutBleed, edition.margin, edition.bodySize, edition.minTextSize].join('|');

async function fittedLayout(input: RenderInput, options: EditionOptions): Promise<LaidOutLeaflet> {
  const known = options.fit ?? chosenFits.get(input.leaflet)?.get(textAreaKey(input.edition));
  if (known) return layoutWithFit(input, known);
  const trial: FitTrial = await chooseFit(input);
  const fits = chosenFits.get(input.leaflet) ?? new Map<string, Fit>();
  fits.set(textAreaKey(input.edition), trial.laidOut.fit);
  chosenFits.set(input.leaflet, fits);
  return trial.laidOut;
}

function printInfo(input: RenderInput, labelKey: string, instructions: string): PrintFileInfo {
  return { ...leafletDocumentInfo(input), label: input.leaflet.t(labelKey), instructions, accessibleVersion: input.leafletUrl };
}

async function renderBooklet(input: RenderInput, options: EditionOptions): Promise<RenderedPdf> {
  const untagged = { ...input, edition: { ...input.edition, tagged: false } };
  const laidOut = await fittedLayout(untagged, options);
  // Ruled notes pages fill up to a multiple of four, so the back page is the outside back cover.
  const pageCount = leafletPageCount(laidOut);
  const pages = await renderLaidOut(untagged, laidOut, padToMultipleOfFour(pageCount) - pageCount);
  const doc = await createPrintFile(
    printInfo(
      input,
      'edition.booklet',
      `A5 booklet of ${pages.pageCount} pages imposed two-up on A4 landscape; print both sides, flip on short edge, then fold and staple`,
    ),
  );
  await imposeBooklet(doc, pages.bytes, { sheet: { width: A4.height, height: A4.width } });
  return { ...pages, bytes: await savePrintFile(doc), pageCount: doc.getPageCount() };
}

/**
 * The edition laid out at trim + bleed: page backgrounds and the cover band run to the edge,
 * while the outer margins grow by the bleed so everything else keeps its place on the trimmed page.
 */
export function bleedLayoutEdition(edition: Edition): Edition {
  const { bleed, pageSize } = edition;
  return {
    ...edition,
    tagged: false,
    pageSize: { width: pageSize.width + 2 * bleed, height: pageSize.height + 2 * bleed },
    layoutBleed: bleed,
  };
}

async function renderPrintShop(input: RenderInput, options: EditionOptions): Promise<RenderedPdf> {
  const { edition } = input;
  const bleedInput = { ...input, edition: bleedLayoutEdition(edition) };
  const pages = await renderLaidOut(bleedInput, await fittedLayout(bleedInput, options));
  const bleedMm = Math.round((edition.bleed / MM) * 10) / 10;
  const doc = await createPrintFile(printInfo(input, 'edition.printShop', `A5 with ${bleedMm} mm bleed, crop marks, TrimBox and BleedBox`));
  await addBleedAndCropMarks(doc, pages.bytes, { trim: edition.pageSize, bleed: edition.bleed });
  return { ...pages, bytes: await savePrintFile(doc), pageCount: doc.getPageCount() };
}
