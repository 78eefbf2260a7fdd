import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { Translate } from '../../compile/leaflet.ts';
import type { Edition } from '../editions.ts';
import { FURNITURE } from '../pagination/flowProps.ts';
import type { LeafletStyles } from '../styles.ts';

/** Marks the footer whose "Page x of y" label is typeset once the page count is known (pageNumbers.ts). */
export const PAGE_NUMBER_SLOT = 'pageNumberSlot';

/** The footer rule and its one-line label. */
function PageNumberFooter({ styles, label, fixed }: { styles: LeafletStyles; label: string; fixed: boolean }) {
  return (
    <View style={styles.footer} fixed={fixed} {...(fixed ? { [PAGE_NUMBER_SLOT]: true, [FURNITURE]: 'footer' } : {})}>
      <Text style={styles.pageNumberText}>{label}</Text>
    </View>
  );
}

/** The footer's right-hand side: a short notice on every page (a draft translation, say). */
function FooterNote({ styles, note }: { styles: LeafletStyles; note: string }) {
  return (
    <View style={{ ...styles.footer, borderTopWidth: 0, justifyContent: 'flex-end' }} fixed>
      <Text style={styles.footerNote}>{note}</Text>
    </View>
  );
}

export interface PageFurnitureProps {
  styles: LeafletStyles;
  charityName: string;
  title: string;
  t: Translate;
  /** A short notice printed at the right of every footer (one line). */
  footerNote?: string;
}

/**
 * Running header and "Page x of y" footer: repeated on every page, so artifacts, never content.
 * The header is one line (a long title is cut short with an ellipsis) so it never runs into
 * the text below; the full title is on the cover and in the document properties. The footer
 * is laid out with a placeholder label; the real one replaces it after pagination. Both are
 * marked (`furniture`) so the layout check can tell a page that lacks them.
 */
export function PageFurniture({ styles, charityName, title, t, footerNote }: PageFurnitureProps) {
  return (
    <>
      <View style={styles.header} fixed {...{ [FURNITURE]: 'header' }}>
        <Text style={styles.furnitureText}>{charityName}</Text>
        <Text style={{ ...styles.furnitureText, maxWidth: '62%', textAlign: 'right', maxLines: 1 }}>
          {title}
        </Text>
      </View>
      <PageNumberFooter styles={styles} label={t('page.ofTotal', { page: 0, total: 0 })} fixed />
      {footerNote ? <FooterNote styles={styles} note={footerNote} /> : null}
    </>
  );
}

/** One page holding a footer per label, each laid out exactly where a leaflet page has its footer. */
export function PageNumberSheet({ styles, edition, labels }: { styles: LeafletStyles; edition: Edition; labels: string[] }) {
  return (
    <Document>
      <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.page} wrap={false}>
        {labels.map((label, index) => (
          <PageNumberFooter key={index} styles={styles} label={label} fixed={false} />
        ))}
      </Page>
    </Document>
  );
}
