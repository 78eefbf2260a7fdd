import { Document, Page, Text, View } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { createFontStore } from '../../src/render/fonts.ts';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { createPdfDocument } from '../../src/render/pdfDocument.ts';
import { semantic } from '../../src/render/semantics.ts';
import { renderTagged, UntaggedContentError } from '../../src/render/tagging/taggedRender.ts';
import { projectBrand } from '../support/sampleLeaflet.ts';

const info = { title: 't', author: 'a', subject: 's', keywords: [], lang: 'en-GB', creationDate: new Date('2026-01-01T00:00:00Z') };

async function tag(children: React.ReactNode) {
  const fontStore = createFontStore(await projectBrand());
  const layout = await layoutElement(
    <Document>
      <Page size="A5" style={{ padding: 40 }}>
        {children}
      </Page>
    </Document>,
    fontStore,
  );
  renderTagged(createPdfDocument(info, true), layout);
}

describe('tagging guards', () => {
  it('refuses text that no component gave a role', async () => {
    await expect(tag(<Text style={{ fontFamily: 'Body' }}>No role</Text>)).rejects.toThrow(UntaggedContentError);
  });

  it('refuses tagged elements inside a clipped view, whose content upstream draws in one go', async () => {
    await expect(
      tag(
        <View style={{ overflow: 'hidden' }}>
          <Text style={{ fontFamily: 'Body' }} {...semantic({ role: 'P', key: 'p1' })}>
            Clipped
          </Text>
        </View>,
      ),
    ).rejects.toThrow(/clipped or transformed/);
  });

  it('accepts the same paragraph outside the clipped view', async () => {
    await expect(tag(<Text style={{ fontFamily: 'Body' }} {...semantic({ role: 'P', key: 'p1' })}>Fine</Text>)).resolves.toBeUndefined();
  });
});
