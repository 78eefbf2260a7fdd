import { PDFDocument } from 'pdf-lib';
import type { DocumentInfo } from '../pdfDocument.ts';

/** What a print file says about itself, so nobody mistakes it for the accessible download. */
export interface PrintFileInfo extends DocumentInfo {
  /** The edition's name in the leaflet's language, added to the title ("Booklet for printing"). */
  label: string;
  /** How to print it, for the printer (Subject). */
  instructions: string;
  /** Where the accessible (tagged) version is. */
  accessibleVersion: string;
}

export const PRINT_FILE_KEYWORDS = ['print file', 'not tagged', 'not for screen readers'];

/**
 * A new, empty pdf-lib document carrying a print file's metadata. It makes no PDF/UA claim
 * (no XMP packet, no MarkInfo, no structure tree): the pages are imposed or trimmed copies
 * for a printer, and the Subject points readers to the accessible version instead.
 */
export async function createPrintFile(info: PrintFileInfo): Promise<PDFDocument> {
  // updateMetadata: false stops pdf-lib stamping "now" and its own name: rebuilds stay byte-identical.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${info.title} (${info.label})`, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(
    `Print file: ${info.instructions}. Not tagged for screen readers or reflow; ` +
      `the accessible version is at ${info.accessibleVersion}. ${info.subject}`,
  );
  // pdf-lib joins keywords with spaces; join them ourselves so multi-word keywords stay apart.
  doc.setKeywords([[...PRINT_FILE_KEYWORDS, ...info.keywords].join(', ')]);
  doc.setLanguage(info.lang);
  doc.setCreator('leaflets');
  doc.setProducer('leaflets (react-pdf, pdfkit, pdf-lib)');
  doc.setCreationDate(info.creationDate);
  doc.setModificationDate(info.creationDate);
  return doc;
}

export async function savePrintFile(doc: PDFDocument): Promise<Buffer> {
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}
