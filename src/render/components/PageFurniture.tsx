import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { Translate } from '../../compile/leaflet.ts';
import type { Edition } from '../editions.ts';
import type { LeafletStyles } from '../styles.ts';

/** Marks the footer whose "Page x of y" label is typeset once the page count is known (pageNumbers.ts). */
export const PAGE_NUMBER_SLOT = 'pageNumberSlot';

/** The footer rule and its one-line label. */
function PageNumberFooter({ styles, label, fixed }: { styles: LeafletStyles; label: string; fixed: boolean }) {
  return (
    <View style={styles.footer} fixed={fixed} {...(fixed ? { [PAGE_NUMBER_SLOT]: true } : {})}>
      <Text style={styles.pageNumberText}>{label}</Text>
    </View>
  );
}

/**
 * Running header and "Page x of y" footer: repeated on every page, so artifacts, never content.
 * The header is one line (a long title is cut short with an ellipsis) so it never runs into
 * the text below; the full title is on the cover and in the document properties. The footer
 * is laid out with a placeholder label; the real one replaces it after pagination.
 */
export function PageFurniture({
  styles,
  charityName,
  title,
  t,
  notice,
}: {
  styles: LeafletStyles;
  charityName: string;
  title: string;
  t: Translate;
  /** Replaces the header on every page of a translation not yet approved ("Cyfieithiad drafft · Draft translation"). */
  notice?: string | undefined;
}) {
  return (
    <>
      {notice ? (
        <View style={styles.header} fixed>
          <Text style={{ ...styles.furnitureText, fontWeight: 700, maxLines: 1 }}>{notice}</Text>
        </View>
      ) : (
        <View style={styles.header} fixed>
          <Text style={styles.furnitureText}>{charityName}</Text>
          <Text style={{ ...styles.furnitureText, maxWidth: '62%', textAlign: 'right', maxLines: 1 }}>
            {title}
          </Text>
        </View>
      )}
      <PageNumberFooter styles={styles} label={t('page.ofTotal', { page: 0, total: 0 })} fixed />
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
