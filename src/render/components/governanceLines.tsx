import { Link, Text } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Governance } from '../../compile/governance.ts';
import type { Edition } from '../editions.ts';
import { printableUrl } from '../printedUrl.ts';
import type { LeafletStyles } from '../styles.ts';

/**
 * The back page's lines about who wrote and checked the leaflet, where to send feedback and
 * what other formats and languages it comes in (BackPage's `aboutLines`). "Awaiting clinical
 * review" is bold, so no reader takes an unchecked leaflet for a checked one. The large-print
 * edition offers standard print instead of large print.
 */
export function governanceLines(governance: Governance, edition: Pick<Edition, 'id'>, styles: Pick<LeafletStyles, 'strong' | 'link'>): ReactNode[] {
  const { author, clinicalReview, awaitingClinicalReview, feedback, alsoAvailable } = governance;
  return [
    <>
      {`${author} `}
      {awaitingClinicalReview ? <Text style={styles.strong}>{clinicalReview}</Text> : clinicalReview}
    </>,
    <>
      {`${feedback.text} `}
      <Link src={feedback.url} style={styles.link}>
        {printableUrl(feedback.url)}
      </Link>
    </>,
    edition.id === 'large-print' ? alsoAvailable.largePrint : alsoAvailable.standardPrint,
  ];
}
