import { Document, Page } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { createFontStore } from '../../src/render/fonts.ts';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { collectPdf, createPdfDocument } from '../../src/render/pdfDocument.ts';
import { renderTagged } from '../../src/render/tagging/taggedRender.ts';
import { projectBrand } from './sampleLeaflet.ts';

const info = { title: 't', author: 'a', subject: 's', keywords: [], lang: 'en-GB', creationDate: new Date('2026-01-01T00:00:00Z') };

/** `children` laid out on one A5 page (40 pt padding) with the project's fonts and drawn by the tagging pass: the PDF, or what the pass threw. */
export async function taggedA5Page(children: ReactNode): Promise<Buffer> {
  const fontStore = createFontStore(await projectBrand());
  const layout = await layoutElement(
    <Document>
      <Page size="A5" style={{ padding: 40 }}>
        {children}
      </Page>
    </Document>,
    fontStore,
  );
  const doc = createPdfDocument(info, true);
  const bytes = collectPdf(doc);
  renderTagged(doc, layout);
  doc.end();
  return bytes;
}
