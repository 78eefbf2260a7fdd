import type FontStore from '@react-pdf/font';
import type { ReactNode } from 'react';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { LeafletDocument } from './components/LeafletDocument.tsx';
import { QrCode } from './components/QrCode.tsx';
import type { Edition } from './editions.ts';
import { withFallbackFonts } from './fonts.ts';
import { layoutElement } from './layoutTree.ts';
import { fillPageNumbers } from './pageNumbers.tsx';
import { buildStyles } from './styles.ts';
import { collectPdf, createPdfDocument, type DocumentInfo } from './pdfDocument.ts';
import { renderTagged, type LayoutNode } from './tagging/taggedRender.ts';
import renderLayout from '@react-pdf/render';

export interface RenderInput {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  fontStore: FontStore;
  leafletUrl: string;
  /** Replaces the QR code drawn from `leafletUrl` on the back page. */
  qrCode?: ReactNode;
}

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

export interface LayoutOptions {
  /** Notes pages added after the body text, before the back page (booklet padding). */
  notesPages?: number;
}

/** The back page's QR code for this leaflet and edition. */
export function leafletQrCode({ leaflet, edition, leafletUrl }: Pick<RenderInput, 'leaflet' | 'edition' | 'leafletUrl'>): ReactNode {
  return <QrCode url={leafletUrl} alt={leaflet.t('back.qrAlt', { url: leafletUrl })} size={edition.qrSize} />;
}

/** Document properties of the leaflet itself; print files derive theirs from these. */
export function leafletDocumentInfo({ leaflet, brand }: Pick<RenderInput, 'leaflet' | 'brand'>): DocumentInfo {
  return {
    title: leaflet.frontMatter.title,
    author: brand.charityName,
    subject: leaflet.frontMatter.summary,
    keywords: leaflet.frontMatter.keywords,
    lang: leaflet.locale,
    // Noon UTC on the published date: stable across rebuilds and time zones.
    creationDate: new Date(`${leaflet.frontMatter.published}T12:00:00Z`),
  };
}

/** Compiled leaflet -> laid-out, numbered pages for one edition. */
export async function layoutLeaflet(input: RenderInput, options: LayoutOptions = {}): Promise<LayoutNode> {
  const { leaflet, brand, edition, fontStore } = input;
  const styles = withFallbackFonts(buildStyles(brand.colours, edition), brand);
  const element = (
    <LeafletDocument
      leaflet={leaflet}
      brand={brand}
      edition={edition}
      styles={styles}
      leafletUrl={input.leafletUrl}
      qrCode={input.qrCode ?? leafletQrCode(input)}
      notesPages={options.notesPages ?? 0}
    />
  );
  return fillPageNumbers(await layoutElement(element, fontStore), { styles, edition, t: leaflet.t, fontStore });
}

/** Compiled leaflet -> PDF bytes for one edition. Tagged editions get a full structure tree. */
export async function renderLeafletPdf(input: RenderInput, options: LayoutOptions = {}): Promise<RenderedPdf> {
  const { edition } = input;
  const layout = await layoutLeaflet(input, options);
  const doc = createPdfDocument(leafletDocumentInfo(input), edition.tagged);
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
