import { Image, Page, Text, View } from '@react-pdf/renderer';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { LoadedBrand } from '../../load/brand.ts';
import type { Edition } from '../editions.ts';
import { PAGE_ROLE, TEXT_AREA } from '../pagination/flowProps.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';
import { UNBROKEN_WORDS, useNarrowing } from './narrowText.ts';

interface CoverProps {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  styles: LeafletStyles;
}

/**
 * Cover: logo, strap line, title, who it is for, summary, and any translation notice. Laid out
 * as one page: a long title or summary steps the text down (`coverScale` in the styles) until
 * it fits, and the layout check reports a cover that still overflows.
 */
export function Cover({ leaflet, brand, edition, styles }: CoverProps) {
  const { t, frontMatter, translationState } = leaflet;
  const narrow = useNarrowing();
  // A translation not yet approved says so in its language and in English.
  const notice = leaflet.governance.notice;
  // The band runs to the paper's edge; text keeps to the margins.
  const edge = styles.coverPage.paddingBottom;
  const textArea = { top: edge, right: edge, bottom: edge, left: edge };
  return (
    <Page
      size={[edition.pageSize.width, edition.pageSize.height]}
      style={styles.coverPage}
      wrap={false}
      {...{ [PAGE_ROLE]: 'cover', [TEXT_AREA]: textArea }}
    >
      <View style={styles.coverBand}>
        <Image src={brand.resolved.logo} style={styles.logo} {...semantic({ role: 'Figure', key: 'cover-logo', alt: brand.logo.alt })} />
        <Text style={[styles.strapline, narrow('cover-strapline')]} {...UNBROKEN_WORDS} {...semantic({ role: 'P', key: 'cover-strapline' })}>
          {t('strapline')}
        </Text>
      </View>
      <View style={styles.coverBody}>
        <Text style={[styles.title, narrow('cover-title')]} {...UNBROKEN_WORDS} {...semantic({ role: 'H1', key: 'cover-title', outline: frontMatter.title })}>
          {frontMatter.title}
        </Text>
        {notice ? (
          <View style={styles.notice}>
            {notice.map((line, index) => (
              <Text
                key={index}
                style={[styles.noticeText, narrow(`cover-notice-${index}`)]}
                {...UNBROKEN_WORDS}
                {...semantic({ role: 'P', key: `cover-notice-${index}`, ...(line.lang ? { lang: line.lang } : {}) })}
              >
                {line.text}
              </Text>
            ))}
          </View>
        ) : null}
        <Text style={[styles.coverLabel, narrow('cover-audience-label')]} {...UNBROKEN_WORDS} {...semantic({ role: 'P', key: 'cover-audience-label' })}>
          {t('cover.audienceLabel')}
        </Text>
        <Text style={[styles.coverText, narrow('cover-audience')]} {...UNBROKEN_WORDS} {...semantic({ role: 'P', key: 'cover-audience' })}>
          {frontMatter.audience}
        </Text>
        <Text style={[styles.coverText, narrow('cover-summary')]} {...UNBROKEN_WORDS} {...semantic({ role: 'P', key: 'cover-summary' })}>
          {frontMatter.summary}
        </Text>
        {translationState === 'source' ? null : (
          <Text style={[styles.coverText, narrow('cover-language')]} {...UNBROKEN_WORDS} {...semantic({ role: 'P', key: 'cover-language' })}>
            {t('cover.language', { language: leaflet.languageName })}
          </Text>
        )}
      </View>
    </Page>
  );
}
