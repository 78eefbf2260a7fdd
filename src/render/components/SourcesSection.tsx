import { Link, Text, View } from '@react-pdf/renderer';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import { KEEP_WITH_NEXT } from '../pagination/flowProps.ts';
import { printableUrl, wrapUrl } from '../printedUrl.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';
import { UNBROKEN_WORDS, useNarrowing } from './narrowText.ts';

/** The named destination of source `index` (0-based): a citation links to `#source-3`. */
export const sourceAnchorId = (index: number) => `source-${index + 1}`;

/**
 * The sources, as the last numbered section of the body: they flow with the text, so the back
 * page stays one page (the outside back cover). Each item is a named destination
 * (`sourceAnchorId`) that in-text citations link to.
 */
export function SourcesSection({ leaflet, styles }: { leaflet: CompiledLeaflet; styles: LeafletStyles }) {
  const { t, frontMatter } = leaflet;
  const narrow = useNarrowing();
  if (frontMatter.sources.length === 0) return null;
  const heading = t('back.sourcesHeading');
  return (
    <>
      <Text style={[styles.h2, narrow('sources-heading')]} {...{ [KEEP_WITH_NEXT]: true }} {...semantic({ role: 'H2', key: 'sources-heading', outline: heading })}>
        {heading}
      </Text>
      <View style={styles.list} {...semantic({ role: 'L', key: 'sources-list' })}>
        {frontMatter.sources.map((source, index) => (
          <View key={index} id={sourceAnchorId(index)} style={styles.listItem} {...semantic({ role: 'LI', key: `source-${index}` })}>
            <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `source-${index}-label` })}>
              {`${index + 1}.`}
            </Text>
            <View style={styles.listBody} {...semantic({ role: 'LBody', key: `source-${index}-body` })}>
              <Text
                style={[styles.listParagraph, narrow(`source-${index}-text`)]}
                {...UNBROKEN_WORDS}
                {...semantic({
                  role: 'P',
                  key: `source-${index}-text`,
                  // A Welsh leaflet citing an English document: screen readers switch voice for it.
                  ...(source.lang === leaflet.locale ? {} : { lang: source.lang }),
                })}
              >
                {`${source.title}. `}
                <Link src={source.url} style={styles.link}>
                  {wrapUrl(printableUrl(source.url), styles.printedUrl.maxLineChars)}
                </Link>
              </Text>
            </View>
          </View>
        ))}
      </View>
    </>
  );
}
