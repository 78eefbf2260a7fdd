import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import { plainText } from '../../src/render/components/Inlines.tsx';
import { defaultFit } from '../../src/render/copyFit/fit.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { clearRenderCaches, setLayoutMemos } from '../../src/render/perf/caches.ts';
import { compressedStreamStats } from '../../src/render/perf/compressedStreams.ts';
import { renderEdition } from '../../src/render/renderEdition.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

const URL = 'https://www.alopecia.org.uk/leaflets/test';

/** Each page's content stream, decoded, read with pdf-lib (not the code that wrote it). */
async function contentStreams(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    if (!(contents instanceof PDFRawStream)) throw new Error('expected one content stream per page');
    return Buffer.from(decodePDFRawStream(contents).decode()).toString('latin1');
  });
}

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes);
  const texts: string[] = [];
  for (let page = 1; page <= pdf.numPages; page += 1) texts.push((await pageText(pdf, page)).text);
  return texts;
}

/** Each page's characters, by the font that draws them (pdfjs's font names). */
async function charactersByFont(bytes: Uint8Array): Promise<Array<Map<string, Set<string>>>> {
  const pdf = await openPdf(bytes);
  const pages: Array<Map<string, Set<string>>> = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const fonts = new Map<string, Set<string>>();
    for (const item of (await (await pdf.getPage(number)).getTextContent()).items as Array<{ str?: string; fontName?: string }>) {
      if (!item.str || !item.fontName) continue;
      const chars = fonts.get(item.fontName) ?? new Set<string>();
      for (const char of item.str) if (char.trim() !== '') chars.add(char);
      fonts.set(item.fontName, chars);
    }
    pages.push(fonts);
  }
  return pages;
}

/** The leaflet with `words` added to the end of its first long paragraph. */
const firstLongParagraph = (leaflet: CompiledLeaflet) => leaflet.body.blocks.find((block) => block.type === 'paragraph' && plainText(block.children).length > 80)!;
const withWords = (leaflet: CompiledLeaflet, words: string): CompiledLeaflet => {
  const target = firstLongParagraph(leaflet);
  const extra = { type: 'text' as const, value: ` ${words}` };
  const blocks = leaflet.body.blocks.map((block) => (block === target && block.type === 'paragraph' ? { ...block, children: [...block.children, extra] } : block));
  return { ...leaflet, body: { ...leaflet.body, blocks } };
};

describe('page content streams', () => {
  it('are the same for every page an edit did not change, also when the edit draws glyphs earlier than before', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const original = leaflets.find((leaflet) => leaflet.id === 'jak-inhibitors' && leaflet.locale === 'en-GB')!;
    const edition = EDITIONS.a5;
    const fit = defaultFit(edition);
    const render = async (leaflet: CompiledLeaflet) => (await renderEdition({ leaflet, brand, edition, fontStore, leafletUrl: URL }, { fit })).bytes;
    const before = await render(original);
    // Letters the paragraph's font draws in this leaflet, but only after the paragraph's page:
    // added to the paragraph, they are drawn earlier than before. Numbered in draw order, that
    // renumbered them on every later page.
    const byPage = await charactersByFont(before);
    const paragraph = firstLongParagraph(original);
    const firstWords = plainText(paragraph.type === 'paragraph' ? paragraph.children : []).split(' ').slice(0, 4).join(' ');
    const paragraphPage = (await pageTexts(before)).findIndex((text) => text.includes(firstWords));
    expect(paragraphPage).toBeGreaterThan(0);
    const [bodyFont, early] = [...byPage[paragraphPage]!].sort((a, b) => b[1].size - a[1].size)[0]!;
    for (const fonts of byPage.slice(0, paragraphPage)) for (const char of fonts.get(bodyFont) ?? []) early.add(char);
    const late = new Set(byPage.slice(paragraphPage + 1).flatMap((fonts) => [...(fonts.get(bodyFont) ?? [])]).filter((char) => !early.has(char)));
    expect(late.size).toBeGreaterThan(0);
    const after = await render(withWords(original, [...late].join(' ')));
    const [textsBefore, textsAfter, streamsBefore, streamsAfter] = await Promise.all([pageTexts(before), pageTexts(after), contentStreams(before), contentStreams(after)]);
    expect(textsAfter.length).toBe(textsBefore.length);

    const unchanged = textsBefore.flatMap((text, page) => (textsAfter[page] === text ? [page] : []));
    const edited = textsBefore.findIndex((text, page) => textsAfter[page] !== text);
    // The edit changed one page's words and left pages after it as they were.
    expect(edited).toBeGreaterThan(0);
    expect(unchanged.filter((page) => page > edited).length).toBeGreaterThanOrEqual(3);
    for (const page of unchanged) expect(streamsAfter[page], `page ${page + 1}`).toBe(streamsBefore[page]);
    expect(streamsAfter[edited]).not.toBe(streamsBefore[edited]);
  }, 120_000);

  it('are compressed once: a page drawn again reuses its compressed stream, with the same bytes as without', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const leaflet = leaflets.find((candidate) => candidate.id === 'support' && candidate.locale === 'en-GB')!;
    const input = { leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: URL };
    try {
      setLayoutMemos(true);
      clearRenderCaches();
      const first = await renderEdition(input);
      const before = compressedStreamStats();
      const again = await renderEdition(input);
      const after = compressedStreamStats();
      expect(after.misses).toBe(before.misses);
      // Every page, and other streams written as text (ToUnicode maps).
      expect(after.hits - before.hits).toBeGreaterThanOrEqual(again.pageCount);
      setLayoutMemos(false);
      const without = await renderEdition(input);
      expect(compressedStreamStats()).toEqual(after);
      expect(again.bytes.equals(first.bytes)).toBe(true);
      expect(without.bytes.equals(first.bytes)).toBe(true);
    } finally {
      setLayoutMemos(true);
    }
  }, 120_000);
});
