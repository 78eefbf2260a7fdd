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
 * Back page: online version, contact, who wrote and checked the leaflet, feedback, other
 * formats and languages, the approval line (or, for a translation not yet approved, the notice
 * that replaces it), and the disclaimer. The sources close the body (SourceList).
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
      {heading('back-about', t('back.aboutHeading'))}
      {paragraph(
        'back-author',
        <>
          {`${governance.author} `}
          {governance.awaitingClinicalReview ? <Text style={styles.strong}>{governance.clinicalReview}</Text> : governance.clinicalReview}
        </>,
      )}
      {paragraph(
        'back-feedback',
        <>
          {`${governance.feedback.text} `}
          <Link src={governance.feedback.url} style={styles.link}>
            {printableUrl(governance.feedback.url)}
          </Link>
          {` ${edition.id === 'large-print' ? governance.alsoAvailable.largePrint : governance.alsoAvailable.standardPrint}`}
        </>,
      )}
      {governance.status.map((line, index) => (
        <Text key={index} style={styles.paragraph} {...semantic({ role: 'P', key: `back-status-${index}`, ...(line.lang ? { lang: line.lang } : {}) })}>
          {line.text}
        </Text>
      ))}
      {paragraph('back-disclaimer', t('back.disclaimer'), styles.disclaimer)}
    </Page>
  );
}
