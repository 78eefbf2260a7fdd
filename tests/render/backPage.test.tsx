import { Document } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { BackPage } from '../../src/render/components/BackPage.tsx';
import { EDITIONS } from '../../src/render/editions.ts';
import { createFontStore, withFallbackFonts } from '../../src/render/fonts.ts';
import { checkLayout } from '../../src/render/layoutCheck/checkLayout.ts';
import { layoutElement } from '../../src/render/layoutTree.ts';
import { asLaidOut, withPaperHeight } from '../../src/render/pagination/laidOut.ts';
import { pageContentBottom } from '../../src/render/pagination/layoutCover.tsx';
import { leafletQrCode } from '../../src/render/renderLeaflet.tsx';
import { buildStyles } from '../../src/render/styles.ts';
import type { LayoutNode } from '../../src/render/tagging/taggedRender.ts';
import { SAMPLE_URL } from '../support/renderSample.ts';
import { projectBrand, sampleLeaflet } from '../support/sampleLeaflet.ts';

describe('back page', () => {
  it('keeps QR code, contact, dates, four more lines about the leaflet and the disclaimer on one page, with a notice in the footer', async () => {
    const brand = await projectBrand();
    const fontStore = createFontStore(brand);
    const leaflet = sampleLeaflet({ locale: 'cy' });
    const aboutLines = [
      'Ysgrifennwyd gan: Tîm gwybodaeth Alopecia UK',
      'Adolygydd clinigol: yn aros am adolygiad clinigol',
      'Adborth: www.alopecia.org.uk/adborth',
      'Ar gael hefyd yn: print bras, Cymraeg (drafft)',
    ];
    for (const id of ['a5', 'a4', 'large-print'] as const) {
      const edition = EDITIONS[id];
      const styles = withFallbackFonts(buildStyles(brand.colours, edition), brand);
      const root = await layoutElement(
        <Document>
          <BackPage
            leaflet={leaflet}
            brand={brand}
            edition={edition}
            styles={styles}
            leafletUrl={SAMPLE_URL}
            qrCode={leafletQrCode({ leaflet, edition, leafletUrl: SAMPLE_URL })}
            aboutLines={aboutLines}
            footerNote="Cyfieithiad drafft"
          />
        </Document>,
        fontStore,
      );
      const page = withPaperHeight(asLaidOut(root).children![0]!);
      // Everything above the running footer, with room to spare.
      expect(pageContentBottom({ ...page, children: page.children!.filter((child) => !child.props?.fixed) }), id).toBeLessThan(
        edition.pageSize.height - styles.page.paddingBottom,
      );
      const document = { ...asLaidOut(root), children: [page] } as unknown as LayoutNode;
      expect(checkLayout(document, { leaflet, edition: id }), id).toEqual([]);
    }
  });
});
