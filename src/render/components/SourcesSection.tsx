import { Link, Text, View } from '@react-pdf/renderer';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { NumberedSource } from '../../compile/sources.ts';
import { sourceTargetId } from '../../compile/sources.ts';
import { KEEP_WITH_NEXT } from '../pagination/flowProps.ts';
import type { GalleyItem } from '../pagination/galley.ts';
import { printableUrl, wrapUrl } from '../printedUrl.ts';
import { semantic } from '../semantics.ts';
import type { GalleyStyles } from '../styles.ts';
import { UNBROKEN_WORDS, useNarrowing } from './narrowText.ts';

/** The named destination of source `index` (0-based): a citation links to `#source-3`. */
export const sourceAnchorId = (index: number) => sourceTargetId(index + 1);

/**
 * The sources, as the last numbered section of the body: they flow with the text, so the back
 * page stays one page (the outside back cover). Each item is a named destination (its
 * `targetId`, `#source-1`...) that the body's citation numbers link to. Titles are as the
 * leaflet's front matter gives them (translated where a translation exists); a title in
 * another language (an English document in a Welsh leaflet) carries its `lang`. A source that
 * is not online is listed by title alone. Two galley items (pagination/galley.ts): the heading
 * and the list; none when the leaflet cites nothing.
 */
export function sourcesGalleyItems(leaflet: CompiledLeaflet, styles: GalleyStyles): GalleyItem[] {
  const { t, sources, locale } = leaflet;
  if (sources.length === 0) return [];
  const heading = t('back.sourcesHeading');
  return [
    { element: <SourcesHeading key="sources-heading" heading={heading} styles={styles} />, content: JSON.stringify(['sources-heading', heading]) },
    {
      element: <SourcesList key="sources-list" sources={sources} locale={locale} styles={styles} />,
      content: JSON.stringify(['sources-list', locale, sources]),
    },
  ];
}

function SourcesHeading({ heading, styles }: { heading: string; styles: GalleyStyles }) {
  const narrow = useNarrowing();
  return (
    <Text style={[styles.h2, narrow('sources-heading')]} {...{ [KEEP_WITH_NEXT]: true }} {...semantic({ role: 'H2', key: 'sources-heading', outline: heading })}>
      {heading}
    </Text>
  );
}

function SourcesList({ sources, locale, styles }: { sources: NumberedSource[]; locale: string; styles: GalleyStyles }) {
  const narrow = useNarrowing();
  return (
    <View style={styles.list} {...semantic({ role: 'L', key: 'sources-list' })}>
      {sources.map((source, index) => (
        <View key={source.number} id={source.targetId} style={styles.listItem} {...semantic({ role: 'LI', key: `source-${index}` })}>
          <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `source-${index}-label` })}>
            {`${source.number}.`}
          </Text>
          <View style={styles.listBody} {...semantic({ role: 'LBody', key: `source-${index}-body` })}>
            <Text
              style={[styles.listParagraph, narrow(`source-${index}-text`)]}
              {...UNBROKEN_WORDS}
              {...semantic({
                role: 'P',
                key: `source-${index}-text`,
                // A Welsh leaflet citing an English document: screen readers switch voice for it.
                ...(source.lang === locale ? {} : { lang: source.lang }),
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
  );
}
