import { z } from 'zod';
import { isCalendarDate } from './calendarDate.ts';
import { linkProblem } from './linkPolicy.ts';

/** A calendar date written as YAML `2026-11-26` (YAML may hand us a Date) or a quoted string. */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date written as YYYY-MM-DD')
    .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDate(text), 'No such date in the calendar: check the month (01-12) and the day'),
);

/** A source key, cited in the body as `[@key]`: lower-case words joined by hyphens. */
export const SOURCE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const sourceSchema = z.strictObject({
  /** Cited in the body as `[@key]`; a source without a key cannot be cited (the build warns). */
  key: z.string().regex(SOURCE_KEY, 'Use lower-case words joined by hyphens, e.g. mhra-drug-safety').optional(),
  title: z.string().min(1),
  /** The full page address; left out for a document that is not online (never a home page instead). */
  url: z
    .url()
    .superRefine((url, context) => {
      // Only addresses that parse: z.url() has already reported the others.
      const problem = URL.canParse(url) ? linkProblem(url, { web: true }) : undefined;
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Language of the title, when it is not the leaflet's (sources are usually English documents). */
  lang: z.string().min(2).default('en-GB'),
});

/** The clinician who checked the leaflet; when absent the back page says it awaits clinical review. */
export const clinicalReviewerSchema = z.strictObject({
  name: z.string().min(1),
  /** Job title as it should be printed, e.g. "consultant dermatologist". */
  role: z.string().min(1),
});

export const translationSchema = z.strictObject({
  /** Locale the text was translated from, e.g. `en-GB`. */
  sourceLocale: z.string().min(2),
  /** `version` of the source leaflet this translation was made from. */
  sourceVersion: z.string().regex(/^\d+\.\d+$/, 'Use a version such as 1.0'),
  /** Content hash of the source body the translation was made from (see `leaflets i18n status`). */
  sourceHash: z.string().regex(/^[0-9a-f]{12,64}$/).optional(),
  status: z.enum(['draft', 'reviewed']),
});

export const frontMatterSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens'),
    title: z.string().min(1),
    summary: z.string().min(1),
    /** Layout name; `standard` is the only one so far. */
    layout: z.enum(['standard']).default('standard'),
    version: z.string().regex(/^\d+\.\d+$/, 'Use a version such as 1.0'),
    published: isoDate,
    reviewDue: isoDate,
    /** One line saying who the leaflet is for; printed on the cover. */
    audience: z.string().min(1),
    keywords: z.array(z.string().min(1)).default([]),
    sources: z.array(sourceSchema).min(1, 'List at least one source'),
    /**
     * Every paragraph of a clinical leaflet must cite a source (`[@key]`), or the build warns
     * (an error under --strict). A section can say otherwise with `<!-- clinical -->` or
     * `<!-- not clinical -->` under its heading.
     */
    clinical: z.boolean().default(false),
    /** Who wrote the leaflet (a person or a team); the charity's name when left out. */
    author: z.string().min(1).optional(),
    clinicalReviewer: clinicalReviewerSchema.optional(),
    translation: translationSchema.optional(),
    /** `withdrawn` takes a leaflet off the website: its files are removed and the site says when. */
    status: z.enum(['published', 'withdrawn']).optional(),
    /** The date a withdrawn leaflet was withdrawn. */
    withdrawn: isoDate.optional(),
  })
  .refine((fm) => fm.status !== 'withdrawn' || fm.withdrawn !== undefined, {
    message: 'A withdrawn leaflet needs the date it was withdrawn: add `withdrawn: YYYY-MM-DD`',
    path: ['withdrawn'],
  })
  .refine((fm) => fm.reviewDue > fm.published, {
    message: 'reviewDue must be after published',
    path: ['reviewDue'],
  })
  .superRefine((fm, context) => {
    const seen = new Set<string>();
    fm.sources.forEach((source, index) => {
      if (source.key === undefined) return;
      if (seen.has(source.key)) context.addIssue({ code: 'custom', message: `Source key "${source.key}" is used twice`, path: ['sources', index, 'key'] });
      seen.add(source.key);
    });
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type TranslationInfo = z.infer<typeof translationSchema>;
export type LeafletSourceEntry = z.infer<typeof sourceSchema>;
