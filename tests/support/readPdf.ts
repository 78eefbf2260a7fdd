import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children: Array<StructNode | { type: 'content' | 'object' | 'annotation'; id: string }>;
}

export interface PageText {
  /** Text runs: baseline start (x, y), advance width and size, in PDF points from the bottom left. */
  items: Array<{ str: string; fontSize: number; x: number; y: number; width: number }>;
  /** Marked-content tree as pdfjs reports it (`beginMarkedContentProps` / `endMarkedContent`). */
  marked: Array<{ type: string; id?: string; tag?: string } | { str: string }>;
  text: string;
}

/** Opens a PDF with pdfjs-dist, an independent reader, for assertions on real output. */
export async function openPdf(fileOrBytes: string | Uint8Array): Promise<PDFDocumentProxy> {
  const data = typeof fileOrBytes === 'string' ? new Uint8Array(await readFile(fileOrBytes)) : new Uint8Array(fileOrBytes);
  return getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

export async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const items: PageText['items'] = [];
  const marked: PageText['marked'] = [];
  for (const item of content.items as Array<Record<string, unknown>>) {
    if ('str' in item) {
      const transform = item.transform as number[];
      items.push({ str: item.str as string, fontSize: Math.hypot(transform[2]!, transform[3]!), x: transform[4]!, y: transform[5]!, width: item.width as number });
      marked.push({ str: item.str as string });
    } else {
      marked.push({ type: item.type as string, id: item.id as string | undefined, tag: item.tag as string | undefined });
    }
  }
  return { items, marked, text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' ') };
}

export async function allText(pdf: PDFDocumentProxy): Promise<string> {
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) pages.push((await pageText(pdf, n)).text);
  return pages.join('\n');
}

type RawStruct = { role?: string; alt?: string; lang?: string; children?: RawStruct[]; type?: string; id?: string };

const toStructNode = (raw: RawStruct): StructNode => ({
  role: raw.role ?? '',
  alt: raw.alt,
  lang: raw.lang,
  children: (raw.children ?? []).map((child) =>
    child.role !== undefined ? toStructNode(child) : { type: child.type as 'content', id: child.id ?? '' },
  ),
});

/** The structure tree of one page, as pdfjs-dist's `getStructTree` reports it. */
export async function structTree(pdf: PDFDocumentProxy, pageNumber: number): Promise<StructNode | null> {
  const page = await pdf.getPage(pageNumber);
  const tree = (await page.getStructTree()) as RawStruct | null;
  return tree ? toStructNode(tree) : null;
}

export function* walkStruct(node: StructNode): Generator<StructNode> {
  yield node;
  for (const child of node.children) if ('role' in child) yield* walkStruct(child);
}

/** Reads the text of a structure element by joining the marked-content ids it owns. */
export function structText(node: StructNode, contentById: Map<string, string>): string {
  return node.children
    .map((child) => ('role' in child ? structText(child, contentById) : (contentById.get(child.id) ?? '')))
    .join('');
}

/** Maps marked-content ids (`p12R_mc3`) to the text inside them, from a page's text content. */
export function contentTextById(page: PageText): Map<string, string> {
  const map = new Map<string, string>();
  const stack: Array<string | undefined> = [];
  for (const entry of page.marked) {
    if ('str' in entry) {
      const id = stack.findLast((value) => value !== undefined);
      if (id) map.set(id, (map.get(id) ?? '') + entry.str);
    } else if (entry.type === 'beginMarkedContentProps' || entry.type === 'beginMarkedContent') {
      stack.push(entry.id);
    } else if (entry.type === 'endMarkedContent') {
      stack.pop();
    }
  }
  return map;
}
