import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { ReactNode } from 'react';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import type { LoadedBrand } from '../../load/brand.ts';
import type { Edition } from '../editions.ts';
import { PAGE_ROLE } from '../pagination/flowProps.ts';
import { semantic } from '../semantics.ts';
import type { LeafletStyles } from '../styles.ts';
import { printableUrl, wrapUrl } from '../printedUrl.ts';
import { PageFurniture } from './PageFurniture.tsx';
import { UNBROKEN_WORDS, useNarrowing } from './narrowText.ts';

export interface BackPageProps {
  leaflet: CompiledLeaflet;
  brand: LoadedBrand;
  edition: Edition;
  styles: LeafletStyles;
  /** Where the leaflet lives online (the QR code's target). */
  leafletUrl: string;
  /** The QR code figure, drawn by the caller. */
  qrCode?: ReactNode;
  /** Short lines about the leaflet printed after its dates (who wrote and reviewed it, say); text with links or bold. */
  aboutLines?: ReactNode[];
  /** A short notice at the right of every page's footer. */
  footerNote?: string;
}

/**
 * The back page, printed as the outside back cover: the QR code with its address, contact,
 * the approval line (version and dates) or, for a translation not yet approved, the notice
 * that replaces it, any `aboutLines` (who wrote and checked the leaflet, feedback, other
 * formats), and the disclaimer, always on one page (the sources end the body). It is laid out
 * as a single page; the layout check reports it if its content overflows.
 */
export function BackPage({ leaflet, brand, edition, styles, leafletUrl, qrCode, aboutLines = [], footerNote }: BackPageProps) {
  const { t, frontMatter, governance } = leaflet;
  const narrow = useNarrowing();
  const heading = (key: string, text: string, first = false) => (
    <Text style={[first ? { ...styles.h2, marginTop: 0 } : styles.h2, narrow(key)]} {...semantic({ role: 'H2', key, outline: text })}>
      {text}
    </Text>
  );
  const paragraph = (key: string, content: ReactNode, style: Style = styles.backText, lang?: string) => (
    <Text key={key} style={[style, narrow(key)]} {...UNBROKEN_WORDS} {...semantic({ role: 'P', key, ...(lang ? { lang } : {}) })}>
      {content}
    </Text>
  );
  const website = brand.contact.website ?? brand.website;
  return (
    <Page size={[edition.pageSize.width, edition.pageSize.height]} style={styles.page} wrap={false} {...{ [PAGE_ROLE]: 'back' }}>
      <PageFurniture styles={styles} charityName={brand.charityName} title={frontMatter.title} t={t} footerNote={footerNote} />
      {heading('back-online', t('back.onlineHeading'), true)}
      <View style={styles.qrRow}>
        {qrCode}
        <View style={styles.qrAddress}>
          {paragraph('back-online-url', <Link src={leafletUrl} style={styles.link}>{wrapUrl(printableUrl(leafletUrl), styles.printedUrl.besideQrCode)}</Link>)}
        </View>
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
      {governance.status.map((line, index) => paragraph(`back-status-${index}`, line.text, styles.backText, line.lang))}
      {aboutLines.map((line, index) => paragraph(`back-about-${index}`, line))}
      {paragraph('back-disclaimer', t('back.disclaimer'), styles.disclaimer)}
    </Page>
  );
}
