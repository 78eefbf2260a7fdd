import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { translationStateOf } from '../compile/translationState.ts';
import type { LeafletSource } from '../load/content.ts';
import { isPseudoLocale } from '../load/pseudoLocaleTag.ts';
import { withdrawnDate } from '../load/withdrawn.ts';
import { languageName } from '../load/locales.ts';
import { EDITION_IDS, EDITIONS, type EditionId } from '../render/editions.ts';
import { writeFileAtomic, type WriteOutcome } from './atomicWrite.ts';
import { outputFileName } from './outputPaths.ts';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SCHEMA_FILE = 'manifest.schema.json';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A path inside the output folder, with forward slashes, never leaving it. */
const relativePath = z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/);

export const editionFileSchema = z.strictObject({
  edition: z.enum(EDITION_IDS),
  path: relativePath.describe('Path of the PDF, relative to the folder holding manifest.json'),
  bytes: z.int().positive().describe('File size in bytes'),
  pages: z.int().positive().describe('Number of PDF pages'),
  sha256: sha256.describe('SHA-256 of the file, lower-case hex'),
  forPrinters: z.boolean().describe('Print-only file (booklet imposition, print-shop bleed): offered to printers, not readers'),
  url: z.url().optional().describe('Public address, from baseUrl, with ?v=<sha256 prefix> so a cache never serves an old copy'),
});

export const coverSchema = z.strictObject({
  /** PNG of page 1, for the downloads page. */
  path: relativePath,
  width: z.int().positive(),
  height: z.int().positive(),
  bytes: z.int().positive(),
  sha256,
  /** sha256 of the PDF it was rendered from: the cover is only rendered again when that changes. */
  renderedFrom: sha256,
});

export const translationStatusSchema = z.enum(['source', 'draft', 'reviewed', 'stale']);

export const manifestEntrySchema = z.strictObject({
  id: z.string(),
  locale: z.string(),
  language: z.strictObject({
    /** BCP 47 tag, as used for `lang` attributes. */
    tag: z.string(),
    /** The language's name in that language (Intl.DisplayNames), e.g. "Cymraeg". */
    name: z.string(),
  }),
  title: z.string(),
  summary: z.string(),
  version: z.string(),
  published: calendarDate,
  reviewDue: calendarDate,
  translationStatus: translationStatusSchema.describe('source (en-GB), draft, reviewed, or stale (the source changed since translation)'),
  editions: z.array(editionFileSchema).min(1),
  cover: coverSchema.optional().describe('PNG thumbnail of page 1 for the downloads page'),
  page: z
    .strictObject({ path: relativePath, url: z.url(), sha256 })
    .optional()
    .describe('The HTML edition: the page the QR code opens (path in the output folder, public address)'),
});

export const withdrawnEntrySchema = z.strictObject({
  id: z.string(),
  locale: z.string(),
  title: z.string(),
  withdrawn: calendarDate.describe('The date it was withdrawn (front matter `withdrawn`)'),
  page: z
    .strictObject({ path: relativePath, url: z.url(), sha256 })
    .optional()
    .describe('The page its QR code opens, which now says it was withdrawn'),
});

export const manifestSchema = z
  .strictObject({
    manifestVersion: z.literal(1),
    /** Only leaflet x locale pairs with at least one PDF in the output folder; never pseudo-locales. */
    leaflets: z.array(manifestEntrySchema).describe('One entry per leaflet and locale, sorted by id then locale'),
    baseUrl: z.url().optional().describe('Where the output folder is published (brand file baseUrl)'),
    generatedAt: calendarDate.optional().describe('Latest published date of the listed leaflets, so the same inputs give the same bytes'),
    sitemap: relativePath.optional().describe('sitemap.xml, with hreflang alternates'),
    withdrawn: z
      .array(withdrawnEntrySchema)
      .optional()
      .describe('Leaflets withdrawn with `status: withdrawn`: no files, listed so the website can say so'),
  })
  .describe('Every published leaflet PDF in the output folder, for the charity website');

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type EditionFile = z.infer<typeof editionFileSchema>;
export type ManifestCover = z.infer<typeof coverSchema>;
export type WithdrawnEntry = z.infer<typeof withdrawnEntrySchema>;

/** The manifest's JSON Schema, generated from the same zod schema the code validates with. */
export const manifestJsonSchema = (): Record<string, unknown> => z.toJSONSchema(manifestSchema) as Record<string, unknown>;

export { isPseudoLocale };

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface ManifestInput {
  outDir: string;
  /** Every leaflet source of the project (the whole project, not only this build's selection). */
  sources: LeafletSource[];
  sourceLocale: string;
  /** Page counts already known for files written this build, by absolute path. */
  knownPages?: ReadonlyMap<string, number>;
  /** The manifest of the previous build, for page counts and metadata of files not rebuilt. */
  previous?: Manifest;
}

const entryKey = (id: string, locale: string) => `${locale}/${id}`;

async function pageCount(bytes: Uint8Array): Promise<number | undefined> {
  // pdf-lib loads only when a PDF's pages are counted: a build that renders nothing never does.
  const { PDFDocument } = await import('pdf-lib');
  try {
    return (await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })).getPageCount();
  } catch {
    return undefined;
  }
}

/**
 * Describes every PDF present in the output folder for the project's leaflets, whatever this
 * build's selection was: the files on disk are the truth, so a `--leaflet`/`--locale` build
 * still yields a complete manifest. Bytes and sha256 are always read from disk; page counts
 * come from this build, else from the previous manifest when the sha256 matches, else from
 * the PDF itself. Metadata comes from the current front matter (or, when that is broken,
 * from the previous manifest, since the last good PDF stays in place).
 */
export async function buildManifest(input: ManifestInput): Promise<Manifest> {
  const previousEntries = new Map((input.previous?.leaflets ?? []).map((entry) => [entryKey(entry.id, entry.locale), entry]));
  const previousPages = new Map(
    (input.previous?.leaflets ?? []).flatMap((entry) => entry.editions.map((file) => [file.sha256, file.pages] as const)),
  );
  const sourceOf = (id: string) => input.sources.find((s) => s.id === id && s.locale === input.sourceLocale);
  const entries: ManifestEntry[] = [];
  const withdrawn: WithdrawnEntry[] = [];

  for (const source of input.sources) {
    if (isPseudoLocale(source.locale)) continue;
    const withdrawnOn = withdrawnDate(source, input.sources);
    if (withdrawnOn) {
      withdrawn.push({ id: source.id, locale: source.locale, title: source.frontMatter?.title ?? source.id, withdrawn: withdrawnOn });
      continue;
    }
    const editions: EditionFile[] = [];
    for (const edition of EDITION_IDS) {
      const file = await describeFile(input, source, edition, previousPages);
      if (file) editions.push(file);
    }
    if (editions.length === 0) continue;
    const previous = previousEntries.get(entryKey(source.id, source.locale));
    const fm = source.frontMatter;
    if (!fm && !previous) continue;
    const metadata = fm
      ? {
          title: fm.title,
          summary: fm.summary,
          version: fm.version,
          published: fm.published,
          reviewDue: fm.reviewDue,
          translationStatus: translationStateOf(fm, source.locale, sourceOf(source.id)),
        }
      : pickMetadata(previous!);
    entries.push({
      id: source.id,
      locale: source.locale,
      language: { tag: source.locale, name: languageName(source.locale) },
      ...metadata,
      editions,
    });
  }
  entries.sort((a, b) => compare(a.id, b.id) || compare(a.locale, b.locale));
  withdrawn.sort((a, b) => compare(a.id, b.id) || compare(a.locale, b.locale));
  return { manifestVersion: 1, leaflets: entries, ...(withdrawn.length > 0 ? { withdrawn } : {}) };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const pickMetadata = ({ title, summary, version, published, reviewDue, translationStatus }: ManifestEntry) => ({
  title,
  summary,
  version,
  published,
  reviewDue,
  translationStatus,
});

async function describeFile(
  input: ManifestInput,
  source: LeafletSource,
  edition: EditionId,
  previousPages: ReadonlyMap<string, number>,
): Promise<EditionFile | undefined> {
  const relative = `${source.locale}/${outputFileName(source.id, edition)}`;
  const absolute = path.join(input.outDir, ...relative.split('/'));
  const bytes = await readFile(absolute).catch(() => undefined);
  if (!bytes || bytes.length === 0) return undefined;
  const hash = sha256Of(bytes);
  const pages = input.knownPages?.get(absolute) ?? previousPages.get(hash) ?? (await pageCount(bytes));
  if (pages === undefined) return undefined;
  return { edition, path: relative, bytes: bytes.length, pages, sha256: hash, forPrinters: !EDITIONS[edition].tagged };
}

/** JSON with keys sorted at every level, two-space indented, newline-terminated: same data, same bytes. */
export function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, inner]) => inner !== undefined)
          .sort(([a], [b]) => compare(a, b))
          .map(([key, inner]) => [key, sortKeys(inner)]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** The previous build's manifest, or undefined when there is none or it no longer fits the schema. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes manifest.json and manifest.schema.json atomically (unchanged bytes are not rewritten). */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<WriteOutcome> {
  const checked = manifestSchema.parse(manifest);
  await writeFileAtomic(path.join(outDir, MANIFEST_SCHEMA_FILE), Buffer.from(stableJson(manifestJsonSchema())));
  return writeFileAtomic(path.join(outDir, MANIFEST_FILE), Buffer.from(stableJson(checked)));
}
