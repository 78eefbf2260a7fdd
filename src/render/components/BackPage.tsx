import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { LoadedBrand } from '../../load/brand.ts';
import type { Edition } from '../editions.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';
import { printableUrl, wrapUrl } from '../printedUrl.ts';
import { PageFurniture } from './PageFurniture.tsx';

export interface BackPageProps {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  styles: LeafletStyles;
  /** Where the leaflet lives online (the QR code's target). */
  leafletUrl: string;
  /** The QR code figure, drawn by the caller. */
  qrCode?: ReactNode;
}

/** Back page: online version, contact, sources, version and dates, and the disclaimer. */
export function BackPage({ leaflet, brand, edition, styles, leafletUrl, qrCode }: BackPageProps) {
  const { t, frontMatter, formatDate } = leaflet;
  const heading = (key: string, text: string) => (
    <Text style={styles.h2} minPresenceAhead={styles.paragraph.fontSize * 3} {...semantic({ role: 'H2', key, outline: text })}>
      {text}
    </Text>
  );
  const paragraph = (key: string, content: ReactNode, style: Style = styles.paragraph) => (
    <Text style={style} {...semantic({ role: 'P', key })}>
      {content}
    </Text>
  );
  const website = brand.contact.website ?? brand.website;
  return (
    <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.page}>
      <PageFurniture styles={styles} charityName={brand.charityName} title={frontMatter.title} t={t} />
      {heading('back-online', t('back.onlineHeading'))}
      <View style={styles.qrRow}>
        {qrCode}
        {paragraph('back-online-url', <Link src={leafletUrl} style={styles.link}>{wrapUrl(printableUrl(leafletUrl), styles.printedUrl.besideQrCode)}</Link>, { ...styles.paragraph, flex: 1 })}
      </View>
      {heading('back-contact', t('back.contactHeading'))}
      {paragraph(
        'back-contact-website',
        <>
          {`${t('contact.website')}: `}
          <Link src={website.startsWith('http') ? website : `https://${website}`} style={styles.link}>
            {printableUrl(website)}
          </Link>
        </>,
      )}
      {heading('back-sources', t('back.sourcesHeading'))}
      <View style={styles.list} {...semantic({ role: 'L', key: 'back-sources-list' })}>
        {frontMatter.sources.map((source, index) => (
          <View key={index} style={styles.listItem} wrap={false} {...semantic({ role: 'LI', key: `back-source-${index}` })}>
            <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `back-source-${index}-label` })}>
              {`${index + 1}.`}
            </Text>
            <View style={styles.listBody} {...semantic({ role: 'LBody', key: `back-source-${index}-body` })}>
              <Text
                style={styles.listParagraph}
                {...semantic({
                  role: 'P',
                  key: `back-source-${index}-text`,
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
      {heading('back-about', t('back.aboutHeading'))}
      {paragraph('back-version', t('meta.version', { version: frontMatter.version }))}
      {paragraph('back-published', t('meta.published', { date: formatDate(frontMatter.published) }))}
      {paragraph('back-review', t('meta.reviewDue', { date: formatDate(frontMatter.reviewDue) }))}
      {paragraph('back-disclaimer', t('back.disclaimer'), styles.disclaimer)}
    </Page>
  );
}
