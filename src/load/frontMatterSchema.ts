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

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url().superRefine((url, context) => {
    // Only addresses that parse: z.url() has already reported the others.
    const problem = URL.canParse(url) ? linkProblem(url, { web: true }) : undefined;
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  /** Language of the title, when it is not the leaflet's (sources are usually English documents). */
  lang: z.string().min(2).default('en-GB'),
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
    translation: translationSchema.optional(),
  })
  .refine((fm) => fm.reviewDue > fm.published, {
    message: 'reviewDue must be after published',
    path: ['reviewDue'],
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type TranslationInfo = z.infer<typeof translationSchema>;
