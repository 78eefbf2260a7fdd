import { Document, Link, Page, Text, View } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore } from '../../src/render/fonts.ts';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { collectPdf, createPdfDocument } from '../../src/render/pdfDocument.ts';
import { clearRenderCaches, setLayoutMemos } from '../../src/render/perf/caches.ts';
import { pageDrawMemo } from '../../src/render/perf/pageDraws.ts';
import { renderEdition } from '../../src/render/renderEdition.ts';
import { semantic } from '../../src/render/semantics.ts';
import { renderTagged, type LayoutNode } from '../../src/render/tagging/taggedRender.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

const URL = 'https://www.alopecia.org.uk/leaflets/test';
const info = { title: 't', author: 'a', subject: 's', keywords: [], lang: 'en-GB', creationDate: new Date('2026-01-01T00:00:00Z') };

async function draw(layout: LayoutNode): Promise<Buffer> {
  const doc = createPdfDocument(info, true);
  const bytes = collectPdf(doc);
  renderTagged(doc, layout);
  doc.end();
  return bytes;
}

/** Draws the layout with the memos off, then twice with them on (recorded, then replayed). */
async function drawnThreeWays(layout: LayoutNode) {
  try {
    setLayoutMemos(false);
    const without = await draw(layout);
    setLayoutMemos(true);
    clearRenderCaches();
    const recorded = await draw(layout);
    const before = pageDrawMemo.stats;
    const replayed = await draw(layout);
    const after = pageDrawMemo.stats;
    return { without, recorded, replayed, hits: after.hits - before.hits };
  } finally {
    setLayoutMemos(true);
  }
}

describe('page drawings', () => {
  it('write a shipped leaflet again from its remembered pages, byte for byte, with its text, structure and links', async () => {
    const { brand, leaflets } = await shippedLeaflets();
    const fontStore = createFontStore(brand);
    const leaflet = leaflets.find((candidate) => candidate.id === 'risks-and-side-effects' && candidate.locale === 'en-GB')!;
    const input = { leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: URL };
    try {
      setLayoutMemos(false);
      const without = await renderEdition(input);
      setLayoutMemos(true);
      clearRenderCaches();
      await renderEdition(input);
      const before = pageDrawMemo.stats;
      const again = await renderEdition(input);
      // Every page but those showing an image (the cover's logo) came from the memo.
      expect(pageDrawMemo.stats.hits - before.hits).toBeGreaterThanOrEqual(again.pageCount - 2);
      expect(again.bytes.equals(without.bytes)).toBe(true);
      const pdf = await openPdf(again.bytes);
      expect((await pageText(pdf, 2)).text.length).toBeGreaterThan(200);
    } finally {
      setLayoutMemos(true);
    }
  }, 120_000);

  it('replay a page with a link, a named destination and marked content as drawing it made them', async () => {
    const fontStore = createFontStore(await projectBrand());
    const layout = (await layoutElement(
      <Document>
        <Page size="A5" style={{ padding: 40 }}>
          <View {...semantic({ role: 'Sect', key: 's' })} id="top">
            <Text style={{ fontFamily: 'Body', fontSize: 12, color: '#1a1a1a' }} {...semantic({ role: 'P', key: 'p1' })}>
              Read{' '}
              <Link src="https://www.nhs.uk/" style={{ color: '#0b4f8a' }}>
                the NHS page
              </Link>{' '}
              first.
            </Text>
            <View style={{ backgroundColor: '#f0f0f0', borderWidth: 1, borderColor: '#333333', opacity: 0.5, padding: 4 }} {...semantic({ role: 'Artifact', artifact: 'Layout' })} />
          </View>
        </Page>
      </Document>,
      fontStore,
    )) as LayoutNode;
    const { without, recorded, replayed, hits } = await drawnThreeWays(layout);
    expect(hits).toBe(1);
    expect(recorded.equals(without)).toBe(true);
    expect(replayed.equals(without)).toBe(true);
    // The annotation and its place in the structure tree are there again.
    const page = await (await openPdf(replayed)).getPage(1);
    expect((await page.getAnnotations()).map((annotation) => annotation.url)).toEqual(['https://www.nhs.uk/']);
  });

  it('draw, and do not remember, a page whose drawing makes a call a tape cannot replay', async () => {
    const fontStore = createFontStore(await projectBrand());
    // A debug view: react-pdf writes its sizes with pdfkit's text drawing, outside what a tape holds.
    const layout = (await layoutElement(
      <Document>
        <Page size="A5" style={{ padding: 40 }}>
          <View debug style={{ height: 50 }} {...semantic({ role: 'Artifact', artifact: 'Layout' })} />
        </Page>
      </Document>,
      fontStore,
    )) as LayoutNode;
    const { without, recorded, replayed, hits } = await drawnThreeWays(layout);
    expect(hits).toBe(0);
    expect(pageDrawMemo.stats.entries).toBe(0);
    expect(recorded.equals(without)).toBe(true);
    expect(replayed.equals(without)).toBe(true);
  });
});
