import { Text, View } from '@react-pdf/renderer';
import type { Translate } from '../../compile/leaflet.ts';
import type { LeafletStyles } from '../styles.ts';

/**
 * Running header and "Page x of y" footer: repeated on every page, so artifacts, never content.
 * The header is one line (a long title is cut short with an ellipsis) so it never runs into
 * the text below; the full title is on the cover and in the document properties.
 */
export function PageFurniture({ styles, charityName, title, t }: { styles: LeafletStyles; charityName: string; title: string; t: Translate }) {
  return (
    <>
      <View style={styles.header} fixed>
        <Text style={styles.furnitureText}>{charityName}</Text>
        <Text style={{ ...styles.furnitureText, maxWidth: '62%', textAlign: 'right', maxLines: 1 }}>
          {title}
        </Text>
      </View>
      <View style={styles.footer} fixed>
        <Text
          style={styles.pageNumberText}
          render={({ pageNumber, totalPages }) => t('page.ofTotal', { page: pageNumber, total: totalPages })}
        />
      </View>
    </>
  );
}
