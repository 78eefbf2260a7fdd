import { Document, Page } from '@react-pdf/renderer';
import { PAGE_ROLE } from '../pagination/flowProps.ts';
import { BackPage, type BackPageProps } from './BackPage.tsx';
import { Blocks, type BlockContext } from './Blocks.tsx';
import { NotesPage } from './NotesPage.tsx';
import { PageFurniture } from './PageFurniture.tsx';
import { SourcesSection } from './SourcesSection.tsx';

/** Height of the galley page, in points: taller than any leaflet's body. */
export const GALLEY_HEIGHT = 50_000;

/** `styles`: buildStyles for this brand and edition, with the brand's fallback fonts. */
export interface LeafletDocumentProps extends BackPageProps {
  /** Text measuring and table hyphenation for the body's blocks. */
  blocks: Omit<BlockContext, 'styles' | 'width'>;
}

/**
 * Everything of the leaflet but its cover, laid out once, unpaginated, for src/render/pagination:
 * 1. the galley: the body and its sources in one column as tall as they need, at the text width;
 * 2. a body page holding only its running header and footer, which every body page copies;
 * 3. a ruled notes page (booklet padding), copied as often as needed;
 * 4. the back page.
 */
export function LeafletDocument(props: LeafletDocumentProps) {
  const { leaflet, brand, edition, styles, blocks, footerNote } = props;
  const size: [number, number] = [edition.pageSize.width, edition.pageSize.height];
  const width = edition.pageSize.width - 2 * styles.page.paddingHorizontal;
  const furniture = { styles, charityName: brand.charityName, title: leaflet.frontMatter.title, t: leaflet.t, footerNote };
  return (
    <Document>
      <Page size={[size[0], GALLEY_HEIGHT]} wrap={false} style={{ paddingHorizontal: styles.page.paddingHorizontal }}>
        <Blocks blocks={leaflet.body.blocks} context={{ ...blocks, styles, width }} />
        <SourcesSection leaflet={leaflet} styles={styles} />
      </Page>
      <Page size={size} style={styles.page} wrap={false} {...{ [PAGE_ROLE]: 'body' }}>
        <PageFurniture {...furniture} />
      </Page>
      <NotesPage edition={edition} {...furniture} ruleColour={brand.colours.muted} />
      <BackPage {...props} />
    </Document>
  );
}
