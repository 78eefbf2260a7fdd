import { A4, type Edition } from './editions.ts';
import { imposeBooklet, padToMultipleOfFour } from './print/imposeBooklet.ts';
import { createPrintFile, savePrintFile, type PrintFileInfo } from './print/printFile.ts';
import { addBleedAndCropMarks } from './print/printShop.ts';
import { leafletDocumentInfo, renderLeafletPdf, type RenderInput, type RenderedPdf } from './renderLeaflet.tsx';

const MM = 72 / 25.4;

/**
 * One edition of one leaflet. Standard editions render directly; the booklet is imposed from
 * its A5 pages and the print-shop file is laid out with bleed and given crop marks.
 * `pageCount` is the number of pages in the written file (sheet sides for the booklet).
 */
export async function renderEdition(input: RenderInput): Promise<RenderedPdf> {
  if (input.edition.id === 'booklet') return renderBooklet(input);
  if (input.edition.bleed > 0) return renderPrintShop(input);
  return renderLeafletPdf(input);
}

function printInfo(input: RenderInput, labelKey: string, instructions: string): PrintFileInfo {
  return { ...leafletDocumentInfo(input), label: input.leaflet.t(labelKey), instructions, accessibleVersion: input.leafletUrl };
}

async function renderBooklet(input: RenderInput): Promise<RenderedPdf> {
  const untagged = { ...input, edition: { ...input.edition, tagged: false } };
  let pages = await renderLeafletPdf(untagged);
  const notesPages = padToMultipleOfFour(pages.pageCount) - pages.pageCount;
  // Page numbers ("Page 3 of 8") must count the notes pages, so lay out again with them.
  if (notesPages > 0) pages = await renderLeafletPdf(untagged, { notesPages });
  const doc = await createPrintFile(
    printInfo(
      input,
      'edition.booklet',
      `A5 booklet of ${pages.pageCount} pages imposed two-up on A4 landscape; print both sides, flip on short edge, then fold and staple`,
    ),
  );
  await imposeBooklet(doc, pages.bytes, { sheet: { width: A4.height, height: A4.width } });
  return { bytes: await savePrintFile(doc), pageCount: doc.getPageCount() };
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

async function renderPrintShop(input: RenderInput): Promise<RenderedPdf> {
  const { edition } = input;
  const pages = await renderLeafletPdf({ ...input, edition: bleedLayoutEdition(edition) });
  const bleedMm = Math.round((edition.bleed / MM) * 10) / 10;
  const doc = await createPrintFile(printInfo(input, 'edition.printShop', `A5 with ${bleedMm} mm bleed, crop marks, TrimBox and BleedBox`));
  await addBleedAndCropMarks(doc, pages.bytes, { trim: edition.pageSize, bleed: edition.bleed });
  return { bytes: await savePrintFile(doc), pageCount: doc.getPageCount() };
}
