import { Document, Page } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { LoadedBrand } from '../../load/brand.ts';
import type { Edition } from '../editions.ts';
import { buildStyles } from '../styles.ts';
import { BackPage } from './BackPage.tsx';
import { Blocks } from './Blocks.tsx';
import { Cover } from './Cover.tsx';
import { PageFurniture } from './PageFurniture.tsx';

export interface LeafletDocumentProps {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  leafletUrl: string;
  qrCode?: ReactNode;
}

/** The whole leaflet: cover, body pages (flowing), back page. */
export function LeafletDocument({ leaflet, brand, edition, leafletUrl, qrCode }: LeafletDocumentProps) {
  const styles = buildStyles(brand.colours, edition);
  return (
    <Document>
      <Cover leaflet={leaflet} brand={brand} edition={edition} styles={styles} />
      <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.page}>
        <PageFurniture styles={styles} charityName={brand.charityName} title={leaflet.frontMatter.title} t={leaflet.t} />
        <Blocks blocks={leaflet.body.blocks} styles={styles} />
      </Page>
      <BackPage leaflet={leaflet} brand={brand} edition={edition} styles={styles} leafletUrl={leafletUrl} qrCode={qrCode} />
    </Document>
  );
}
