import type FontStore from '@react-pdf/font';
import type { ReactNode } from 'react';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { LeafletDocument } from './components/LeafletDocument.tsx';
import type { Edition } from './editions.ts';
import { layoutElement } from './layoutTree.ts';
import { collectPdf, createPdfDocument } from './pdfDocument.ts';
import { renderTagged } from './tagging/taggedRender.ts';
import renderLayout from '@react-pdf/render';

export interface RenderInput {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  fontStore: FontStore;
  leafletUrl: string;
  qrCode?: ReactNode;
}

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

/** Compiled leaflet -> PDF bytes for one edition. Tagged editions get a full structure tree. */
export async function renderLeafletPdf(input: RenderInput): Promise<RenderedPdf> {
  const { leaflet, brand, edition } = input;
  const element = (
    <LeafletDocument leaflet={leaflet} brand={brand} edition={edition} leafletUrl={input.leafletUrl} qrCode={input.qrCode} />
  );
  const layout = await layoutElement(element, input.fontStore);
  const doc = createPdfDocument(
    {
      title: leaflet.frontMatter.title,
      author: brand.charityName,
      subject: leaflet.frontMatter.summary,
      keywords: leaflet.frontMatter.keywords,
      lang: leaflet.locale,
      // Noon UTC on the published date: stable across rebuilds and time zones.
      creationDate: new Date(`${leaflet.frontMatter.published}T12:00:00Z`),
    },
    edition.tagged,
  );
  const bytes = collectPdf(doc);
  if (edition.tagged) {
    renderTagged(doc, layout);
    doc.end();
  } else {
    // Print-only editions: upstream render as is (it ends the document).
    renderLayout(doc as never, layout as never);
  }
  return { bytes: await bytes, pageCount: layout.children?.length ?? 0 };
}
