import { Document, Page } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import type { Block, Inline } from '../../src/compile/model.ts';
import type { LoadedBrand } from '../../src/load/brand.ts';
import { defaultFit } from '../../src/render/copyFit/fit.ts';
import { EDITIONS, type EditionId } from '../../src/render/editions.ts';
import { createFontStore, withFallbackFonts } from '../../src/render/fonts.ts';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { PAGE_ROLE } from '../../src/render/pagination/flowProps.ts';
import { renderLeafletPdf, type RenderedPdf, type RenderInput } from '../../src/render/renderLeaflet.tsx';
import { buildStyles, type LeafletStyles } from '../../src/render/styles.ts';
import type { LayoutNode } from '../../src/render/tagging/taggedRender.ts';
import { PageFurniture } from '../../src/render/components/PageFurniture.tsx';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { filledBoxes, type FilledBox } from './filledBoxes.ts';
import { pageText, type PageText } from './readPdf.ts';
import { SAMPLE_URL } from './renderSample.ts';
import { projectBrand, sampleLeaflet } from './sampleLeaflet.ts';

const text = (value: string): Inline => ({ type: 'text', value });
let line = 20;
/** Blocks with Markdown positions, as the compiler gives them: line numbers count up from 20. */
const at = () => ({ position: { line: (line += 2), column: 1 } });

export const heading = (key: string, value: string, depth: 2 | 3 = 2): Block => ({ type: 'heading', depth, key, children: [text(value)], ...at() });
export const para = (key: string, value: string): Block => ({ type: 'paragraph', key, children: [text(value)], ...at() });
export const callout = (key: string, title: string, body: string): Block => ({
  type: 'callout',
  key,
  children: [
    { type: 'paragraph', key: `${key}-title`, children: [{ type: 'strong', children: [text(title)] }] },
    { type: 'paragraph', key: `${key}-body`, children: [text(body)] },
  ],
  ...at(),
});
export const table = (key: string, header: string[], rows: string[][]): Block => ({
  type: 'table',
  key,
  headerKey: `${key}-h`,
  rowKeys: rows.map((_, index) => `${key}-r${index}`),
  align: header.map(() => null),
  header: header.map((cell, column) => ({ key: `${key}-h${column}`, children: [text(cell)] })),
  rows: rows.map((row, index) => row.map((cell, column) => ({ key: `${key}-r${index}c${column}`, children: [text(cell)] }))),
  ...at(),
});

/** Plain English filler, `words` long, in whole sentences. */
export function words(count: number): string {
  const sentence = 'Some people find that talking to others helps them to feel less alone with hair loss.'.split(' ');
  return Array.from({ length: count }, (_, index) => sentence[index % sentence.length]).join(' ').replace(/([^.])$/, '$1.');
}

export const leafletOf = (blocks: Block[], overrides: Partial<CompiledLeaflet> = {}): CompiledLeaflet =>
  sampleLeaflet({ body: { blocks }, ...overrides });

let shared: Promise<{ brand: LoadedBrand; fontStore: ReturnType<typeof createFontStore> }> | undefined;
const brandAndFonts = () => (shared ??= projectBrand().then((brand) => ({ brand, fontStore: createFontStore(brand) })));

export async function inputFor(leaflet: CompiledLeaflet, edition: EditionId): Promise<RenderInput> {
  const { brand, fontStore } = await brandAndFonts();
  return { leaflet, brand, edition: EDITIONS[edition], fontStore, leafletUrl: SAMPLE_URL };
}

/** The leaflet paginated by src/render/pagination with the edition's own design (no copy-fit search). */
export async function paginated(leaflet: CompiledLeaflet, edition: EditionId): Promise<RenderedPdf> {
  const input = await inputFor(leaflet, edition);
  return renderLeafletPdf(input, { fit: defaultFit(input.edition) });
}

/**
 * The old way: one body page that react-pdf paginates by itself (its own splitting of boxes
 * and text), with the running header and footer. `children` get the edition's styles.
 */
export async function paginatedByReactPdf(edition: EditionId, children: (styles: LeafletStyles) => ReactNode): Promise<LayoutNode> {
  const { brand, fontStore } = await brandAndFonts();
  const { pageSize } = EDITIONS[edition];
  const styles = withFallbackFonts(buildStyles(brand.colours, EDITIONS[edition]), brand);
  return layoutElement(
    <Document>
      <Page size={[pageSize.width, pageSize.height]} style={styles.page} {...{ [PAGE_ROLE]: 'body' }}>
        <PageFurniture styles={styles} charityName={brand.charityName} title="Sample" t={(key) => key} />
        {children(styles)}
      </Page>
    </Document>,
    fontStore,
  );
}

export const stylesFor = async (edition: EditionId) => withFallbackFonts(buildStyles((await brandAndFonts()).brand.colours, EDITIONS[edition]), (await brandAndFonts()).brand);
export const calloutColour = async () => (await brandAndFonts()).brand.colours.calloutBackground.toLowerCase();

/** One page as read back from the PDF: its text runs and its filled boxes. */
export interface ReadPage {
  text: PageText;
  boxes: FilledBox[];
}

export async function readPages(pdf: PDFDocumentProxy): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) pages.push({ text: await pageText(pdf, number), boxes: await filledBoxes(pdf, number) });
  return pages;
}

/** Text runs whose baseline lies inside a box (with a little slack for descenders). */
export const textInside = (page: ReadPage, box: FilledBox) =>
  page.text.items.filter((item) => item.str.trim() !== '' && item.y > box.bottom - 1 && item.y < box.top && item.x >= box.left - 1 && item.x < box.right);

/** Distinct baselines of leaflet text on a page, between the running header and footer (PDF y, top first). */
export function bodyLines(page: ReadPage, styles: LeafletStyles, pageHeight: number): number[] {
  const top = pageHeight - styles.page.paddingTop;
  const bottom = styles.page.paddingBottom;
  const ys = page.text.items.filter((item) => item.str.trim() !== '' && item.y < top && item.y > bottom).map((item) => Math.round(item.y));
  return [...new Set(ys)].sort((a, b) => b - a);
}
