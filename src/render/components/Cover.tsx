import { Image, Page, Text, View } from '@react-pdf/renderer';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { LoadedBrand } from '../../load/brand.ts';
import type { Edition } from '../editions.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';

interface CoverProps {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  styles: LeafletStyles;
}

/** Cover: logo, strap line, title, who it is for, summary, and any translation notice. */
export function Cover({ leaflet, brand, edition, styles }: CoverProps) {
  const { t, frontMatter, translationState } = leaflet;
  // A translation not yet approved says so in its language and in English.
  const notice = leaflet.governance.notice;
  return (
    <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.coverPage}>
      <View style={styles.coverBand}>
        <Image src={brand.resolved.logo} style={styles.logo} {...semantic({ role: 'Figure', key: 'cover-logo', alt: brand.logo.alt })} />
        <Text style={styles.strapline} {...semantic({ role: 'P', key: 'cover-strapline' })}>
          {t('strapline')}
        </Text>
      </View>
      <View style={styles.coverBody}>
        <Text style={styles.title} {...semantic({ role: 'H1', key: 'cover-title', outline: frontMatter.title })}>
          {frontMatter.title}
        </Text>
        {notice ? (
          <View style={styles.notice}>
            {notice.map((line, index) => (
              <Text key={index} style={styles.noticeText} {...semantic({ role: 'P', key: `cover-notice-${index}`, ...(line.lang ? { lang: line.lang } : {}) })}>
                {line.text}
              </Text>
            ))}
          </View>
        ) : null}
        <Text style={styles.coverLabel} {...semantic({ role: 'P', key: 'cover-audience-label' })}>
          {t('cover.audienceLabel')}
        </Text>
        <Text style={styles.coverText} {...semantic({ role: 'P', key: 'cover-audience' })}>
          {frontMatter.audience}
        </Text>
        <Text style={styles.coverText} {...semantic({ role: 'P', key: 'cover-summary' })}>
          {frontMatter.summary}
        </Text>
        {translationState === 'source' ? null : (
          <Text style={styles.coverText} {...semantic({ role: 'P', key: 'cover-language' })}>
            {t('cover.language', { language: leaflet.languageName })}
          </Text>
        )}
      </View>
    </Page>
  );
}
