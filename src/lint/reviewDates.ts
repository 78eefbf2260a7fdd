import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isPseudoLocale } from '../i18n/pseudoLocaleTag.ts';
import { frontMatterLine } from '../i18n/staleness.ts';
import type { LeafletSource } from '../load/content.ts';

/** A review date this close (or closer) gives a warning, so the review can be booked in time. */
export const REVIEW_WARNING_DAYS = 60;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date the build counts as today (YYYY-MM-DD, UTC): `LEAFLETS_TODAY` when set (tests pin
 * it), else `SOURCE_DATE_EPOCH` (reproducible builds), else the clock.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
  const pinned = env.LEAFLETS_TODAY?.trim();
  if (pinned && ISO_DATE.test(pinned)) return pinned;
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : now();
  return date.toISOString().slice(0, 10);
}

export type ReviewState = 'ok' | 'due-soon' | 'overdue';

/** One leaflet file's review date, as the build summary lists it. */
export interface ReviewDate {
  file: string;
  reviewDue: string;
  /** Days from today to the review date (negative once it has passed). */
  daysLeft: number;
  state: ReviewState;
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** What the review checks need of a leaflet file (a loaded source, or what the build record kept of it). */
export interface ReviewDated {
  file: string;
  locale: string;
  frontMatter?: { reviewDue: string } | undefined;
}

export function reviewDateOf(source: ReviewDated, today: string): ReviewDate | undefined {
  const reviewDue = source.frontMatter?.reviewDue;
  if (reviewDue === undefined || isPseudoLocale(source.locale)) return undefined;
  const daysLeft = daysBetween(today, reviewDue);
  const state: ReviewState = daysLeft < 0 ? 'overdue' : daysLeft <= REVIEW_WARNING_DAYS ? 'due-soon' : 'ok';
  return { file: source.file, reviewDue, daysLeft, state };
}

/** Rules of the review-date diagnostics: they depend on the day of the build, not only on the files. */
export const REVIEW_DATE_RULES: ReadonlySet<string> = new Set(['review-overdue', 'review-due-soon']);

/** A review date in the past is an error; one within REVIEW_WARNING_DAYS a warning. */
export function reviewDateDiagnostics(source: LeafletSource, today: string = buildDate()): Diagnostic[] {
  const review = reviewDateOf(source, today);
  if (review === undefined || review.state === 'ok') return [];
  const line = frontMatterLine(source.raw, /^reviewDue:/);
  const at = { file: source.file, ...(line === undefined ? {} : { line, column: 1 }), source: 'lint' };
  if (review.state === 'overdue') {
    return [
      diagnostic({
        ...at,
        rule: 'review-overdue',
        message: `Review date ${review.reviewDue} has passed (today is ${today}): this leaflet must be reviewed before it is given out`,
        note: 'Check every clinical statement against its sources, then update version, published and reviewDue.',
      }),
    ];
  }
  return [
    diagnostic({
      ...at,
      severity: 'warning',
      rule: 'review-due-soon',
      message: `Review due on ${review.reviewDue}, in ${review.daysLeft} day${review.daysLeft === 1 ? '' : 's'}: plan the review now`,
    }),
  ];
}

/** Every built leaflet file's review date, soonest first. */
export function reviewDateSummary(sources: readonly ReviewDated[], today: string = buildDate()): ReviewDate[] {
  return sources
    .flatMap((source) => reviewDateOf(source, today) ?? [])
    .sort((a, b) => a.reviewDue.localeCompare(b.reviewDue) || a.file.localeCompare(b.file));
}

const STATE_LABEL: Record<ReviewState, string> = { ok: '', 'due-soon': '  (due soon)', overdue: '  (OVERDUE)' };

/** The summary's "Review due" block. */
export function printReviewDates(dates: readonly ReviewDate[] | undefined, write: (line: string) => void): void {
  if (!dates || dates.length === 0) return;
  write('');
  write('Review due:');
  for (const date of dates) write(`  ${date.reviewDue}  ${date.file}${STATE_LABEL[date.state]}`);
}
