import PDFDocument from 'pdfkit';
import { installDrawFastPaths, type DrawOptions, type PdfKitInternals } from './perf/pdfkitFastPaths.ts';
import { newDocumentSharingDefaultFont } from './perf/standardFont.ts';
import type { PdfKitDocument } from './tagging/pdfkitTypes.ts';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 language of the document (catalog /Lang). */
  lang: string;
  /** Pinned so rebuilds are byte-identical (pdfkit derives the file ID from it too). */
  creationDate: Date;
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A pdfkit document set up for one leaflet. Tagged documents declare PDF/UA-1 only because the
 * caller always builds the structure tree into them (renderTagged); untagged ones (print
 * imposition sources) declare nothing.
 */
export function createPdfDocument(info: DocumentInfo, tagged: boolean, draw: DrawOptions = {}): PdfKitDocument {
  const options = {
    autoFirstPage: false,
    compress: true,
    pdfVersion: '1.7',
    lang: info.lang,
    displayTitle: true,
    ...(tagged ? { tagged: true, subset: 'PDF/UA' } : {}),
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords.join(', '),
      Creator: 'leaflets',
      Producer: 'leaflets (react-pdf, pdfkit)',
      CreationDate: info.creationDate,
      ModDate: info.creationDate,
    },
  };
  const doc = (draw.fastPaths === false ? new PDFDocument(options) : newDocumentSharingDefaultFont(options)) as PdfKitDocument & { endMetadata(): void };
  installDrawFastPaths(doc as unknown as PdfKitInternals, draw);

  // pdfkit copies info strings into the XMP packet unescaped; a title with `&` or `<` would
  // make invalid XMP. Escape them for the XMP writer only; the Info dictionary keeps the text.
  const writeMetadata = Object.getPrototypeOf(doc).endMetadata as () => void;
  doc.endMetadata = function endMetadataEscaped(this: PdfKitDocument) {
    const original = this.info;
    this.info = Object.fromEntries(
      Object.entries(original).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]),
    );
    try {
      writeMetadata.call(this);
    } finally {
      this.info = original;
    }
  };
  return doc;
}

/** Collects a pdfkit document's output stream into one buffer. */
export function collectPdf(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (error: Error) => reject(error));
  });
}
