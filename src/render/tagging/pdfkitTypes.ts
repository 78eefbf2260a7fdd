/**
 * The slice of pdfkit 0.20's document API the tagging pass uses. pdfkit ships no types;
 * naming exactly what we touch also documents what a pdfkit upgrade must keep.
 */
export interface PdfStructContent {
  readonly refs: Array<{ mcid: number }>;
}

export interface PdfStructElement {
  add(child: PdfStructElement | PdfStructContent): PdfStructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

export interface PdfOutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): PdfOutlineItem;
}

export interface PdfKitDocument {
  addContent(data: string): PdfKitDocument;
  markContent(tag: string, options?: Record<string, unknown> | null): PdfKitDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): PdfStructContent;
  endMarkedContent(): PdfKitDocument;
  struct(type: string, options?: Record<string, unknown>): PdfStructElement;
  addStructure(element: PdfStructElement): PdfKitDocument;
  link(x: number, y: number, w: number, h: number, url: string, options?: Record<string, unknown>): PdfKitDocument;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): PdfKitDocument;
  save(): PdfKitDocument;
  restore(): PdfKitDocument;
  translate(x: number, y: number): PdfKitDocument;
  end(): void;
  on(event: string, listener: (...args: never[]) => void): PdfKitDocument;
  outline: PdfOutlineItem;
  page: { markings: unknown[] } | null;
  info: Record<string, unknown>;
}
