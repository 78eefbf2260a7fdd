import { Document, Page } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { Edition } from '../editions.ts';
import { PAGE_ROLE } from '../pagination/flowProps.ts';
import type { GalleyItem } from '../pagination/galley.ts';
import type { LeafletStyles } from '../styles.ts';
import { BackPage, type BackPageProps } from './BackPage.tsx';
import { blockGalleyItems, type BlockContext } from './Blocks.tsx';
import { NotesPage } from './NotesPage.tsx';
import { PageFurniture } from './PageFurniture.tsx';
import { sourcesGalleyItems } from './SourcesSection.tsx';

/** Height of the galley page, in points: taller than any leaflet's body. */
export const GALLEY_HEIGHT = 50_000;

/** `styles`: buildStyles for this brand and edition, with the brand's fallback fonts. */
export interface LeafletDocumentProps extends BackPageProps {
  /** The galley's blocks to lay out (galleyItems; pagination/galley.ts may leave out those it remembers). */
  galley: ReactElement[];
}

/** Width of the body's column: the page less its side margins. */
export const galleyWidth = (edition: Edition, styles: LeafletStyles) => edition.pageSize.width - 2 * styles.page.paddingHorizontal;

/** The galley's blocks in reading order: the body, then its sources. `blocks`: text measuring and table hyphenation. */
export function galleyItems(leaflet: CompiledLeaflet, styles: LeafletStyles, edition: Edition, blocks: Omit<BlockContext, 'styles' | 'width'>): GalleyItem[] {
  return [...blockGalleyItems(leaflet.body.blocks, { ...blocks, styles, width: galleyWidth(edition, styles) }), ...sourcesGalleyItems(leaflet, styles)];
}

/**
 * Everything of the leaflet but its cover, laid out once, unpaginated, for src/render/pagination:
 * 1. the galley: the body and its sources in one column as tall as they need, at the text width;
 * 2. a body page holding only its running header and footer, which every body page copies;
 * 3. a ruled notes page (booklet padding), copied as often as needed;
 * 4. the back page.
 */
export function LeafletDocument(props: LeafletDocumentProps) {
  const { leaflet, brand, edition, styles, galley, footerNote } = props;
  const size: [number, number] = [edition.pageSize.width, edition.pageSize.height];
  const furniture = { styles, charityName: brand.charityName, title: leaflet.frontMatter.title, t: leaflet.t, footerNote };
  return (
    <Document>
      <Page size={[size[0], GALLEY_HEIGHT]} wrap={false} style={{ paddingHorizontal: styles.page.paddingHorizontal }}>
        {galley}
      </Page>
      <Page size={size} style={styles.page} wrap={false} {...{ [PAGE_ROLE]: 'body' }}>
        <PageFurniture {...furniture} />
      </Page>
      <NotesPage edition={edition} {...furniture} ruleColour={brand.colours.muted} />
      <BackPage {...props} />
    </Document>
  );
}
