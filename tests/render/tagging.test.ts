import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/compile/model.ts';
import { renderSample } from '../support/renderSample.ts';
import { checkPdfUa, type StructElementInfo } from '../support/pdfUaCheck.ts';
import { allText, contentTextById, openPdf, pageText, structText, structTree, walkStruct } from '../support/readPdf.ts';
import { paragraph, sampleBlocks, sampleLeaflet } from '../support/sampleLeaflet.ts';

/** The structure roles the model's blocks should produce, in reading order. */
function expectedRoles(blocks: Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'heading':
        return [block.depth === 3 ? 'H3' : 'H2'];
      case 'paragraph':
        return ['P', ...block.children.filter((c) => c.type === 'link').map(() => 'Link')];
      case 'list':
        return ['L', ...block.items.flatMap((item) => ['LI', 'Lbl', 'LBody', ...expectedRoles(item.children)])];
      case 'callout':
        return ['Note', ...expectedRoles(block.children)];
      case 'table':
        return ['Table', 'TR', ...block.header.map(() => 'TH'), ...block.rows.flatMap((row) => ['TR', ...row.map(() => 'TD')])];
      case 'image':
        return ['Figure'];
      case 'rule':
        return [];
    }
  });
}

describe('tagged A5 leaflet', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = (await renderSample('a5')).bytes;
  });

  it('passes the independent PDF/UA-1 check', async () => {
    const report = await checkPdfUa(bytes);
    expect(report.failures).toEqual([]);
  });

  it('has one structure element per model block, in reading order, between the cover and the back page', async () => {
    const { elements } = await checkPdfUa(bytes);
    const roles = elements.map((e) => e.role);
    const bodyStart = roles.indexOf('H2');
    const backStart = roles.indexOf('H2', bodyStart + expectedRoles(sampleBlocks()).length - 1);
    expect(roles.slice(bodyStart, bodyStart + expectedRoles(sampleBlocks()).length)).toEqual(expectedRoles(sampleBlocks()));
    expect(backStart).toBeGreaterThan(bodyStart);
    expect(roles[0]).toBe('Document');
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
  });

  it('gives the logo its alt text and every link an OBJR with the link text as Contents', async () => {
    const { elements } = await checkPdfUa(bytes);
    const figures = elements.filter((e) => e.role === 'Figure');
    expect(figures.map((f) => f.alt)).toContain('Alopecia UK logo');
    const emcLink = elements.find((e) => e.role === 'Link');
    expect(emcLink?.annotations.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a paragraph split across pages as one element with content on both pages', async () => {
    const leaflet = sampleLeaflet({ body: { blocks: [paragraph('long', 'A sentence that goes on for a while. '.repeat(120))] } });
    const { elements, failures } = await checkPdfUa((await renderSample('a5', leaflet)).bytes);
    expect(failures).toEqual([]);
    const pages = new Set(elements.filter((e) => e.role === 'P' && e.content.length > 3).flatMap((e: StructElementInfo) => e.content.map((c) => c.page)));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    expect(elements.filter((e) => e.role === 'P').length).toBeLessThan(20);
  });

  it('puts every text item inside tagged or artifact marked content (pdfjs)', async () => {
    const pdf = await openPdf(bytes);
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pageText(pdf, n);
      let depth = 0;
      for (const entry of page.marked) {
        if ('str' in entry) {
          if (entry.str.trim()) expect(depth, `page ${n}: "${entry.str}" is outside marked content`).toBeGreaterThan(0);
        } else if (entry.type.startsWith('beginMarkedContent')) depth += 1;
        else if (entry.type === 'endMarkedContent') depth -= 1;
      }
    }
  });

  it('marks running headers and page numbers as artifacts, not content', async () => {
    const pdf = await openPdf(bytes);
    const page = await pageText(pdf, 2);
    const tagged = [...contentTextById(page).values()].join(' ');
    expect(page.text).toMatch(/Page 2 of \d+/);
    expect(tagged).not.toMatch(/Page 2 of/);
    expect(tagged).toContain('What are they?');
  });

  it('reads the same roles through pdfjs getStructTree, with headings holding their text', async () => {
    const pdf = await openPdf(bytes);
    const roles: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const tree = await structTree(pdf, n);
      if (tree) roles.push(...[...walkStruct(tree)].map((node) => node.role));
      const page = await pageText(pdf, n);
      const contentById = contentTextById(page);
      for (const node of tree ? walkStruct(tree) : []) {
        if (node.role === 'H2' && n === 2) expect(structText(node, contentById)).toBe('What are they?');
      }
    }
    expect(roles).toContain('H2');
    expect(roles).toContain('L');
    expect(roles).toContain('Table');
  });

  it('sets catalog Lang, title, outline from the headings', async () => {
    const pdf = await openPdf(bytes);
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe('Sample leaflet & <friends>');
    expect(info.Language).toBe('en-GB');
    const outline = (await pdf.getOutline()) ?? [];
    const flat = outline.flatMap((item) => [item.title, ...item.items.flatMap((child) => [child.title, ...child.items.map((grandchild: { title: string }) => grandchild.title)])]);
    expect(flat[0]).toBe('Sample leaflet & <friends>');
    expect(flat).toEqual(expect.arrayContaining(['What are they?', 'The medicines', 'Sources', 'About this leaflet']));
    const text = await allText(pdf);
    expect(text).toContain('JAK inhibitors are not a cure.');
  });

  it('writes the document language from the leaflet locale', async () => {
    const welsh = await renderSample('a5', sampleLeaflet({ locale: 'cy' }));
    const pdf = await openPdf(welsh.bytes);
    const markInfo = await pdf.getMarkInfo();
    expect(markInfo?.Marked).toBe(true);
    expect(((await pdf.getMetadata()).info as { Language?: string }).Language).toBe('cy');
    // The English source titles inside a Welsh leaflet carry their own language.
    const { elements, failures } = await checkPdfUa(welsh.bytes);
    expect(failures).toEqual([]);
    expect(elements.filter((e) => e.lang === 'en-GB').map((e) => e.role)).toEqual(['P']);
    const english = await checkPdfUa(bytes);
    expect(english.elements.filter((e) => e.lang !== undefined)).toEqual([]);
  });
});

describe('the PDF/UA check can fail', () => {
  it('reports an untagged print edition as failing', async () => {
    const untagged = await renderSample('print-shop');
    const report = await checkPdfUa(untagged.bytes);
    expect(report.failures.map((f) => f.check)).toEqual(expect.arrayContaining(['markinfo', 'struct-tree', 'pdfuaid']));
  });
});
