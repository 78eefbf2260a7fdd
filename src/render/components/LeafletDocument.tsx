import { Document, Page } from '@react-pdf/renderer';
import { BackPage, type BackPageProps } from './BackPage.tsx';
import { Blocks } from './Blocks.tsx';
import { Cover } from './Cover.tsx';
import { NotesPage } from './NotesPage.tsx';
import { PageFurniture } from './PageFurniture.tsx';
import { SourceList } from './SourceList.tsx';

/** `styles`: buildStyles for this brand and edition, with the brand's fallback fonts. */
export interface LeafletDocumentProps extends BackPageProps {
  /** Ruled notes pages between the body and the back page (booklet padding). */
  notesPages?: number;
}

/** The whole leaflet: cover, body pages (flowing), any notes pages, back page. */
export function LeafletDocument({ leaflet, brand, edition, styles, leafletUrl, qrCode, notesPages = 0 }: LeafletDocumentProps) {
  return (
    <Document>
      <Cover leaflet={leaflet} brand={brand} edition={edition} styles={styles} />
      <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.page}>
        <PageFurniture styles={styles} charityName={brand.charityName} title={leaflet.frontMatter.title} t={leaflet.t} notice={leaflet.governance.pageNotice} />
        <Blocks blocks={leaflet.body.blocks} styles={styles} />
        <SourceList leaflet={leaflet} styles={styles} />
      </Page>
      {Array.from({ length: notesPages }, (_, index) => (
        <NotesPage
          key={`notes-${index}`}
          edition={edition}
          styles={styles}
          charityName={brand.charityName}
          title={leaflet.frontMatter.title}
          t={leaflet.t}
          ruleColour={brand.colours.muted}
          notice={leaflet.governance.pageNotice}
        />
      ))}
      <BackPage leaflet={leaflet} brand={brand} edition={edition} styles={styles} leafletUrl={leafletUrl} qrCode={qrCode} />
    </Document>
  );
}
