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

/**
 * Back page: online version, contact, the numbered sources (citation targets), who wrote and
 * checked the leaflet, feedback, other formats and languages, approval lines (or, for a
 * translation not yet approved, the notice that replaces them), and the disclaimer.
 */
export function BackPage({ leaflet, brand, edition, styles, leafletUrl, qrCode }: BackPageProps) {
  const { t, frontMatter, governance } = leaflet;
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
      <PageFurniture styles={styles} charityName={brand.charityName} title={frontMatter.title} t={t} notice={governance.pageNotice} />
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
        {leaflet.sources.map((source) => (
          // `id`: a named destination, the target of the body's citation numbers.
          <View key={source.number} id={source.targetId} style={styles.listItem} wrap={false} {...semantic({ role: 'LI', key: `back-source-${source.number}` })}>
            <Text style={styles.listLabel} {...semantic({ role: 'Lbl', key: `back-source-${source.number}-label` })}>
              {`${source.number}.`}
            </Text>
            <View style={styles.listBody} {...semantic({ role: 'LBody', key: `back-source-${source.number}-body` })}>
              <Text
                style={styles.listParagraph}
                {...semantic({
                  role: 'P',
                  key: `back-source-${source.number}-text`,
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
      {heading('back-about', t('back.aboutHeading'))}
      {paragraph('back-author', governance.author)}
      {paragraph('back-clinical-review', governance.clinicalReview, governance.awaitingClinicalReview ? { ...styles.paragraph, ...styles.strong } : styles.paragraph)}
      {paragraph(
        'back-feedback',
        <>
          {`${governance.feedback.text} `}
          <Link src={governance.feedback.url} style={styles.link}>
            {printableUrl(governance.feedback.url)}
          </Link>
        </>,
      )}
      {paragraph('back-also-available', edition.id === 'large-print' ? governance.alsoAvailable.largePrint : governance.alsoAvailable.standardPrint)}
      {governance.status.map((line, index) => (
        <Text key={index} style={styles.paragraph} {...semantic({ role: 'P', key: `back-status-${index}`, ...(line.lang ? { lang: line.lang } : {}) })}>
          {line.text}
        </Text>
      ))}
      {paragraph('back-disclaimer', t('back.disclaimer'), styles.disclaimer)}
    </Page>
  );
}
