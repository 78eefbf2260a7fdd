import { Page, View } from '@react-pdf/renderer';
import type { Translate } from '../../compile/leaflet.ts';
import type { Edition } from '../editions.ts';
import { PAGE_ROLE } from '../pagination/flowProps.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';
import { PageFurniture } from './PageFurniture.tsx';

interface NotesPageProps {
  edition: Edition;
  styles: LeafletStyles;
  charityName: string;
  title: string;
  t: Translate;
  ruleColour: string;
  footerNote?: string;
}

/**
 * A ruled page for the reader's own notes. Booklets need a multiple of four pages; these fill
 * the gap after the body text so no blank page falls inside the text and the back page stays
 * on the outside back cover.
 */
export function NotesPage({ edition, styles, charityName, title, t, ruleColour, footerNote }: NotesPageProps) {
  const spacing = edition.bodySize * 2.2;
  const usable = edition.pageSize.height - 2 * (styles.page.paddingTop as number);
  // One line fewer than fits, so the last rule stays clear of the footer.
  const lines = Math.max(0, Math.floor(usable / spacing) - 1);
  return (
    <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.page} wrap={false} {...{ [PAGE_ROLE]: 'notes' }}>
      <PageFurniture styles={styles} charityName={charityName} title={title} t={t} footerNote={footerNote} />
      <View {...semantic({ role: 'Artifact', artifact: 'Layout' })}>
        {Array.from({ length: lines }, (_, index) => (
          <View key={index} style={{ height: spacing, borderBottomWidth: 0.75, borderBottomColor: ruleColour }} />
        ))}
      </View>
    </Page>
  );
}
