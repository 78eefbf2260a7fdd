import type FontStore from '@react-pdf/font';
import type { ReactElement, ReactNode } from 'react';
import type { CompiledLeaflet } from '../compile/leaflet.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { governanceLines } from './components/governanceLines.tsx';
import { galleyItems, galleyWidth, LeafletDocument } from './components/LeafletDocument.tsx';
import { NarrowText } from './components/narrowText.ts';
import { QrCode } from './components/QrCode.tsx';
import { applyFit, defaultFit, type Fit } from './copyFit/fit.ts';
import type { Edition } from './editions.ts';
import { withFallbackFonts } from './fonts.ts';
import { checkLayout } from './layoutCheck/checkLayout.ts';
import { fillPageNumbers } from './pageNumbers.tsx';
import { composeDocument } from './pagination/composeDocument.ts';
import { layoutCover, type LaidOutCover } from './pagination/layoutCover.tsx';
import { paginateBody, type PaginatedBody } from './pagination/paginateBody.ts';
import { withNarrowing } from './pagination/narrowing.ts';
import { numberGlyphsById } from './perf/glyphNumbering.ts';
import { identityOf } from './perf/memoKey.ts';
import { keepUntilNextRender } from './perf/keptShapes.ts';
import { buildStyles, galleyStylesOf, type LeafletStyles } from './styles.ts';
import { collectPdf, createPdfDocument, type DocumentInfo } from './pdfDocument.ts';
import { tableHyphenation } from './tables/hyphenation.ts';
import { createTextMeasurer, type MeasureText } from './tables/measureText.ts';
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
  /** Layout check findings for this edition (see src/render/layoutCheck). Errors mean the PDF must not be written. */
  diagnostics: Diagnostic[];
  /** The copy-fit the edition was laid out with; give it back to `renderEdition` to lay out the same way without searching. */
  fit: Fit;
}

export interface LayoutOptions {
  /** Notes pages added after the body text, before the back page (booklet padding). */
  notesPages?: number;
  /** Copy-fit to lay out with (default: the edition's own design). */
  fit?: Fit;
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

/** One edition laid out with one copy-fit: cover, paginated body and back page, before page numbers. */
export interface LaidOutLeaflet {
  fit: Fit;
  /** The edition with the fit applied. */
  edition: Edition;
  styles: LeafletStyles;
  cover: LaidOutCover;
  body: PaginatedBody;
}

const measurers = new WeakMap<FontStore, Promise<MeasureText>>();
const measurerFor = (fontStore: FontStore, brand: Pick<LoadedBrand, 'resolved'>) => {
  let measurer = measurers.get(fontStore);
  if (!measurer) {
    measurer = createTextMeasurer(
      fontStore,
      brand.resolved.fonts.fallbacks.map((fallback) => fallback.name),
    );
    measurers.set(fontStore, measurer);
  }
  return measurer;
};

/**
 * Lays out the leaflet with a copy-fit and paginates it (layout only, nothing drawn). The
 * cover does not depend on the fit: pass one already laid out to reuse it.
 */
export async function layoutWithFit(input: RenderInput, fit: Fit, cover?: LaidOutCover): Promise<LaidOutLeaflet> {
  const { leaflet, brand, fontStore } = input;
  const edition = applyFit(input.edition, fit);
  const styles = withFallbackFonts(buildStyles(brand.colours, edition), brand);
  const items = galleyItems(leaflet, styles, edition, { measure: await measurerFor(fontStore, input.brand), hyphenate: tableHyphenation(leaflet.locale) });
  const documentWith = (galley: ReactElement[]) => (
    <LeafletDocument
      leaflet={leaflet}
      brand={brand}
      edition={edition}
      styles={styles}
      galley={galley}
      leafletUrl={input.leafletUrl}
      qrCode={input.qrCode ?? leafletQrCode(input)}
      aboutLines={governanceLines(leaflet.governance, edition, styles)}
      {...(leaflet.governance.pageNotice ? { footerNote: leaflet.governance.pageNotice } : {})}
    />
  );
  // Only the styles blocks are drawn with: editions that differ in page furniture share blocks.
  const stylesKey = JSON.stringify(galleyStylesOf(styles));
  const [body, laidOutCover] = await Promise.all([
    withNarrowing(
      (narrow) =>
        paginateBody(
          {
            items,
            // Everything a galley block's layout reads besides its own model (pagination/galley.ts).
            setting: JSON.stringify([stylesKey, galleyWidth(edition, styles), leaflet.locale, identityOf(fontStore), [...narrow]]),
            document: (galley) => <NarrowText.Provider value={narrow}>{documentWith(galley)}</NarrowText.Provider>,
          },
          fontStore,
        ),
      (body) => body.root,
    ),
    cover ?? layoutCover(input, input.edition),
  ]);
  return { fit, edition, styles, cover: laidOutCover, body };
}


/** Pages in the leaflet: cover, body, back page (notes pages not counted). */
export const leafletPageCount = (laidOut: LaidOutLeaflet) => laidOut.body.bodyPages.length + 2;

/** The laid-out pages as one document, with any notes pages, before page numbers. */
export const composeLeaflet = (laidOut: LaidOutLeaflet, notesPages = 0): LayoutNode =>
  composeDocument(laidOut.cover.page, laidOut.body, notesPages);

/** Runs the layout check on a composed leaflet. */
export const checkLeafletLayout = (input: RenderInput, document: LayoutNode): Diagnostic[] =>
  checkLayout(document, { leaflet: input.leaflet, edition: input.edition.id });

/** Composed leaflet with "Page x of y" in every footer. */
export function numberPages(input: RenderInput, laidOut: LaidOutLeaflet, document: LayoutNode): Promise<LayoutNode> {
  return fillPageNumbers(document, { styles: laidOut.styles, edition: laidOut.edition, t: input.leaflet.t, fontStore: input.fontStore });
}

/** Compiled leaflet -> laid-out, numbered pages for one edition. */
export async function layoutLeaflet(input: RenderInput, options: LayoutOptions = {}): Promise<LayoutNode> {
  const laidOut = await layoutWithFit(input, options.fit ?? defaultFit(input.edition));
  return numberPages(input, laidOut, composeLeaflet(laidOut, options.notesPages));
}

/** Draws laid-out pages into PDF bytes. Tagged editions get a full structure tree. */
export async function drawLeafletPdf(input: RenderInput, layout: LayoutNode): Promise<Buffer> {
  const { edition } = input;
  const doc = createPdfDocument(leafletDocumentInfo(input), edition.tagged);
  const bytes = collectPdf(doc);
  if (edition.tagged) {
    renderTagged(doc, layout);
    doc.end();
  } else {
    // Print-only editions: upstream render as is (it ends the document).
    numberGlyphsById(doc as never, layout as never);
    renderLayout(doc as never, layout as never);
    keepUntilNextRender('untagged render', doc);
  }
  return bytes;
}

/** Lays out (with a given copy-fit, or the edition's own), checks and draws one edition. */
export async function renderLaidOut(input: RenderInput, laidOut: LaidOutLeaflet, notesPages = 0): Promise<RenderedPdf> {
  const composed = composeLeaflet(laidOut, notesPages);
  const diagnostics = checkLeafletLayout(input, composed);
  const layout = await numberPages(input, laidOut, composed);
  return { bytes: await drawLeafletPdf(input, layout), pageCount: layout.children?.length ?? 0, diagnostics, fit: laidOut.fit };
}

/** Compiled leaflet -> PDF bytes for one edition, laid out with `options.fit` or the edition's design (no search). */
export async function renderLeafletPdf(input: RenderInput, options: LayoutOptions = {}): Promise<RenderedPdf> {
  const laidOut = await layoutWithFit(input, options.fit ?? defaultFit(input.edition));
  return renderLaidOut(input, laidOut, options.notesPages);
}
