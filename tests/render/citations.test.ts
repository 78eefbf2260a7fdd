import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, CitedSource } from '../../src/compile/model.ts';
import type { RenderedPdf } from '../../src/render/renderLeaflet.tsx';
import { checkPdfUa, type StructElementInfo } from '../support/pdfUaCheck.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { renderSample } from '../support/renderSample.ts';
import { sampleBlocks, sampleLeaflet } from '../support/sampleLeaflet.ts';

const SOURCES = [
  { key: 'nice-ta958', title: 'NICE TA958', url: 'https://www.nice.org.uk/guidance/ta958' },
  { key: 'mhra-safety', title: 'MHRA Drug Safety Update', url: 'https://www.gov.uk/drug-safety-update/jak' },
  { key: 'statement', title: 'Alopecia UK position statement' },
];
const cite = (...numbers: number[]): CitedSource[] => numbers.map((number) => ({ key: SOURCES[number - 1]!.key, number, targetId: `source-${number}` }));

/** The sample leaflet (several pages) with citations in a paragraph, a list item and a callout. */
function citingLeaflet() {
  const withCitation = (block: Block, sources: CitedSource[]): Block =>
    block.type === 'paragraph' ? { ...block, children: [...block.children, { type: 'text', value: ' ' }, { type: 'citation', sources }] } : block;
  const blocks = sampleBlocks().map((block): Block => {
    if (block.key === 'b2') return withCitation(block, cite(2));
    if (block.type === 'list') {
      const [first, ...rest] = block.items;
      return { ...block, items: [{ ...first!, children: first!.children.map((child) => withCitation(child, cite(1, 3))) }, ...rest] };
    }
    if (block.type === 'callout') return { ...block, children: block.children.map((child) => withCitation(child, cite(3))) };
    return block;
  });
  const base = sampleLeaflet();
  return sampleLeaflet({
    body: { blocks },
    frontMatter: { ...base.frontMatter, sources: SOURCES.map((source) => ({ ...source, lang: 'en-GB' })) },
    sources: SOURCES.map((source, index) => ({ ...source, number: index + 1, lang: 'en-GB', targetId: `source-${index + 1}`, citations: 1 })),
  });
}

interface CitationLink {
  page: number;
  dest: string;
  /** The printed text under the link: "[2]", "[1," or "3]". */
  text: string;
}

async function citationLinks(bytes: Uint8Array): Promise<CitationLink[]> {
  const pdf = await openPdf(bytes);
  const links: CitationLink[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const { items } = await pageText(pdf, n);
    for (const annotation of (await page.getAnnotations()) as Array<{ subtype: string; dest?: unknown; rect: number[] }>) {
      if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string') continue;
      const [x1, y1, x2, y2] = annotation.rect as [number, number, number, number];
      const text = items
        .filter((item) => item.x >= x1 - 1 && item.x < x2 && item.y >= y1 - 1 && item.y <= y2 + 1)
        .map((item) => item.str)
        .join('')
        .trim();
      links.push({ page: n, dest: annotation.dest, text });
    }
  }
  return links;
}

describe('citations in the PDF', () => {
  let rendered: RenderedPdf;
  beforeAll(async () => {
    rendered = await renderSample('a5', citingLeaflet());
  }, 60_000);

  it('prints each citation as bracketed numbers, each a link to its entry in the numbered source list', async () => {
    const links = await citationLinks(rendered.bytes);
    expect(links.map((link) => [link.dest, link.text])).toEqual([
      ['source-2', '[2]'],
      ['source-1', '[1,'],
      ['source-3', '3]'],
      ['source-3', '[3]'],
    ]);
    const pdf = await openPdf(rendered.bytes);
    for (const link of links) {
      // The named destination lands on the list entry that carries the same number.
      const destination = (await pdf.getDestination(link.dest)) as [{ num: number; gen: number }, unknown, number, number];
      const pageIndex = await pdf.getPageIndex(destination[0]);
      const { items } = await pageText(pdf, pageIndex + 1);
      const top = destination[3];
      const entry = items.filter((item) => item.y <= top && item.y > top - 20).map((item) => item.str).join(' ').trim();
      const number = link.dest.replace('source-', '');
      expect(entry, link.dest).toMatch(new RegExp(`^${number}\\.\\s+${SOURCES[Number(number) - 1]!.title.split(' ')[0]}`));
    }
  });

  it('tags each citation as a Reference holding a Link whose description is the source it opens, and stays PDF/UA clean', async () => {
    const report = await checkPdfUa(rendered.bytes);
    expect(report.failures).toEqual([]);
    const references = report.elements.filter((element) => element.role === 'Reference');
    expect(references).toHaveLength(4);
    for (const reference of references) {
      expect(reference.children.map((child) => child.role)).toEqual(['Link']);
      const link = reference.children[0] as StructElementInfo;
      expect(link.annotations).toHaveLength(1);
      expect(link.content.length).toBeGreaterThan(0);
    }
    // Each Reference sits inside the paragraph that cites.
    const paragraphsWithReferences = report.elements.filter((element) => element.role === 'P' && element.children.some((child) => child.role === 'Reference'));
    expect(paragraphsWithReferences).toHaveLength(3);

    const pdf = await PDFDocument.load(rendered.bytes, { updateMetadata: false });
    const descriptions: string[] = [];
    for (const page of pdf.getPages()) {
      const annots = page.node.lookup(PDFName.of('Annots'));
      if (!(annots instanceof PDFArray)) continue;
      for (const ref of annots.asArray()) {
        const annotation = pdf.context.lookup(ref) as PDFDict;
        const action = annotation.lookup(PDFName.of('A')) as PDFDict | undefined;
        if (action?.get(PDFName.of('S'))?.toString() !== '/GoTo') continue;
        const contents = annotation.lookup(PDFName.of('Contents'));
        if (contents instanceof PDFString || contents instanceof PDFHexString) descriptions.push(contents.decodeText());
      }
    }
    expect(descriptions).toEqual([
      '2. MHRA Drug Safety Update.',
      '1. NICE TA958.',
      '3. Alopecia UK position statement',
      '3. Alopecia UK position statement',
    ]);
  });
});
