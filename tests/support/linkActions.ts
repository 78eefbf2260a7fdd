import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfAction {
  type: string;
  uri?: string;
}

/** Action types a reader may act on that lead out of the document or run code. */
const OUTWARD = new Set(['URI', 'Launch', 'JavaScript', 'GoToR', 'GoToE', 'SubmitForm', 'ImportData', 'Rendition']);

const text = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/**
 * Every action in a PDF that leads out of the document (URI, Launch, JavaScript...), wherever it
 * sits (link annotations, open action, outlines, form fields), read with pdf-lib: every object
 * of the file is walked, direct or indirect.
 */
export async function outwardActions(bytes: Uint8Array): Promise<PdfAction[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: PdfAction[] = [];
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) {
      for (let index = 0; index < object.size(); index += 1) visit(object.get(index));
    } else if (object instanceof PDFDict) {
      const type = object.get(PDFName.of('S'));
      if (type instanceof PDFName && OUTWARD.has(type.decodeText())) {
        const uri = text(object.get(PDFName.of('URI')));
        found.push({ type: type.decodeText(), ...(uri === undefined ? {} : { uri }) });
      }
      for (const [, value] of object.entries()) visit(value);
    }
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) visit(object);
  return found;
}

/** Actions a leaflet may carry: URIs with these schemes only. */
export const isAllowedAction = (action: PdfAction): boolean =>
  action.type === 'URI' && action.uri !== undefined && /^(https?|mailto|tel):/i.test(action.uri.trim());
