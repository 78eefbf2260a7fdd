import { Link, Text, View } from '@react-pdf/renderer';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import { printableUrl, wrapUrl } from '../printedUrl.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';

/**
 * The numbered sources, closing the body. Each entry's `id` is a named destination: the
 * body's citation numbers link to it.
 */
export function SourceList({ leaflet, styles }: { leaflet: CompiledLeaflet; styles: LeafletStyles }) {
  const heading = leaflet.t('back.sourcesHeading');
  return (
    <>
      <Text style={styles.h2} minPresenceAhead={styles.paragraph.fontSize * 3} {...semantic({ role: 'H2', key: 'sources', outline: heading })}>
        {heading}
      </Text>
      <View style={styles.list} {...semantic({ role: 'L', key: 'sources-list' })}>
        {leaflet.sources.map((source) => (
          <View key={source.number} id={source.targetId} style={styles.listItem} wrap={false} {...semantic({ role: 'LI', key: `source-${source.number}` })}>
            <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `source-${source.number}-label` })}>
              {`${source.number}.`}
            </Text>
            <View style={styles.listBody} {...semantic({ role: 'LBody', key: `source-${source.number}-body` })}>
              <Text
                style={styles.listParagraph}
                {...semantic({
                  role: 'P',
                  key: `source-${source.number}-text`,
                  // A Welsh leaflet citing an English document: screen readers switch voice for it.
                  ...(source.lang === leaflet.locale ? {} : { lang: source.lang }),
                })}
              >
                {source.url === undefined ? source.title : `${source.title}. `}
                {source.url === undefined ? null : (
                  <Link src={source.url} style={styles.link}>
                    {wrapUrl(printableUrl(source.url), styles.printedUrl.maxLineChars)}
                  </Link>
                )}
              </Text>
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
