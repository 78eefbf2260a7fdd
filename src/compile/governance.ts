/**
 * Who wrote and checked a leaflet, how to comment on it, what else it comes in, and whether
 * it is approved: printed on the back page (and, for translations not yet approved, on every
 * page), as ready-made strings in the leaflet's language so every output prints the same words.
 */
import type { Brand } from '../load/brandSchema.ts';
import type { FrontMatter } from '../load/frontMatterSchema.ts';
import { languageNamesIn } from '../load/localeNames.ts';
import type { Translate, TranslationState } from './leaflet.ts';

/** A line of printed text; `lang` only when it is not in the leaflet's language. */
export interface PrintedLine {
  text: string;
  lang?: string;
}

export interface Governance {
  /** "Written by …". */
  author: string;
  /** "Checked by <name>, <role>." or, when no clinician has checked it, "Awaiting clinical review: …". */
  clinicalReview: string;
  awaitingClinicalReview: boolean;
  /** "Tell us what you think of this leaflet:" followed by a link to `url`. */
  feedback: { text: string; url: string };
  /**
   * "Also available in: large print, Welsh (draft)." The large-print edition prints
   * `largePrint`, which offers standard print instead; every other edition prints `standardPrint`.
   */
  alsoAvailable: { standardPrint: string; largePrint: string };
  /**
   * The approval line: "Version 1.1 · Published … · Review due …". For a draft or out-of-date
   * translation, a line saying it is not approved takes its place, in its language and in
   * English (tagged en-GB).
   */
  status: PrintedLine[];
  /**
   * For a draft or out-of-date translation: what it is, in its language and in English (the
   * cover's notice box). Absent for approved leaflets.
   */
  notice?: PrintedLine[];
  /** For a draft or out-of-date translation: one line for the top of every page, in both languages. */
  pageNotice?: string;
}

/** Another language the same leaflet exists in, and the state of that translation. */
export interface OtherLanguage {
  locale: string;
  state: TranslationState;
}

export interface GovernanceInput {
  frontMatter: FrontMatter;
  locale: string;
  translationState: TranslationState;
  /** Strings in the leaflet's language, and in the source language (English). */
  t: Translate;
  tSource: Translate;
  sourceLocale: string;
  formatDate: (isoDate: string) => string;
  brand: Pick<Brand, 'charityName' | 'website' | 'feedback'>;
  otherLanguages: readonly OtherLanguage[];
}

const baseLanguage = (locale: string): string => locale.split('-')[0]!;

/** Names a language in the reader's language ("Welsh", "Saesneg"); the region only when two share a language. */
function languageLabels(locale: string, others: readonly OtherLanguage[], t: Translate): string[] {
  const names = languageNamesIn(locale);
  const bases = others.map((other) => baseLanguage(other.locale));
  return others.map((other) => {
    const shared = bases.filter((base) => base === baseLanguage(other.locale)).length > 1;
    const language = names.of(shared ? other.locale : baseLanguage(other.locale)) ?? other.locale;
    if (other.state === 'draft') return t('governance.draftLanguage', { language });
    if (other.state === 'stale') return t('governance.staleLanguage', { language });
    return language;
  });
}

function feedbackUrl(brand: GovernanceInput['brand']): string {
  if (brand.feedback?.url) return brand.feedback.url;
  if (brand.feedback?.email) return `mailto:${brand.feedback.email}`;
  return brand.website;
}

/** A line in the leaflet's language and the same in English (tagged), or one line when they are the same. */
const bilingualLines = (own: string, english: string, englishLocale: string): PrintedLine[] =>
  own === english ? [{ text: own }] : [{ text: own }, { text: english, lang: englishLocale }];

/** Both languages' versions of a string, or one when they are the same (an English locale). */
const bilingual = (own: string, english: string): string => (own === english ? own : `${own} · ${english}`);

export function buildGovernance(input: GovernanceInput): Governance {
  const { frontMatter, t, tSource, translationState } = input;
  const reviewer = frontMatter.clinicalReviewer;
  const languages = languageLabels(input.locale, input.otherLanguages, t);
  const alsoAvailable = (format: string) => t('governance.alsoAvailable', { formats: [format, ...languages].join(', ') });

  const unapproved = translationState === 'draft' || translationState === 'stale' ? translationState : undefined;
  const noticeKey = unapproved === 'stale' ? 'cover.staleTranslation' : 'cover.draftTranslation';
  const headerKey = unapproved === 'stale' ? 'governance.staleHeader' : 'governance.draftHeader';
  // In English only the short label: the cover has little room, and the running header says it too.
  const notice: PrintedLine[] =
    t(noticeKey) === tSource(noticeKey) ? [{ text: t(noticeKey) }] : [{ text: t(noticeKey) }, { text: `${tSource(headerKey)}.`, lang: input.sourceLocale }];
  const statusKey = unapproved === 'stale' ? 'governance.staleStatus' : 'governance.draftStatus';
  const sourceVersion = frontMatter.translation?.sourceVersion ?? frontMatter.version;
  const status: PrintedLine[] = unapproved
    ? bilingualLines(t(statusKey, { version: sourceVersion }), tSource(statusKey, { version: sourceVersion }), input.sourceLocale)
    : [
        {
          text: [
            t('meta.version', { version: frontMatter.version }),
            t('meta.published', { date: input.formatDate(frontMatter.published) }),
            t('meta.reviewDue', { date: input.formatDate(frontMatter.reviewDue) }),
          ].join(' · '),
        },
      ];

  return {
    author: t('governance.writtenBy', { author: frontMatter.author ?? input.brand.charityName }),
    clinicalReview: reviewer ? t('governance.checkedBy', { name: reviewer.name, role: reviewer.role }) : t('governance.awaitingReview'),
    awaitingClinicalReview: reviewer === undefined,
    feedback: { text: t('governance.feedback'), url: feedbackUrl(input.brand) },
    alsoAvailable: { standardPrint: alsoAvailable(t('governance.largePrint')), largePrint: alsoAvailable(t('governance.standardPrint')) },
    status,
    ...(unapproved ? { notice, pageNotice: bilingual(t(headerKey), tSource(headerKey)) } : {}),
  };
}
