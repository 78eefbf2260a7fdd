import { readFileSync } from 'node:fs';
import type { ProjectFiles } from './projectFiles.ts';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';

const KB = 1024;
const MB = 1024 * KB;

/** A size in bytes, written as a number or as "500 KB" / "1 MB" (1 KB = 1024 bytes). */
const byteSize = z.union([
  z.int().positive(),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*(KB|MB)\s*$/i, 'Write a size such as 500 KB or 1 MB')
    .transform((text) => {
      const [, amount, unit] = /^\s*([\d.]+)\s*(KB|MB)/i.exec(text)!;
      return Math.round(Number(amount) * (unit!.toUpperCase() === 'MB' ? MB : KB));
    }),
]);

const count = z.int().positive();

/**
 * What the build accepts, each checked before the step it protects (reading, parsing, layout).
 * Set in `templates/brand.yaml` under `limits:`; every field is optional.
 */
export const limitsSchema = z.strictObject({
  /** Largest leaflet Markdown file or partial. */
  markdownFileSize: byteSize.default(MB),
  /** Largest `locales/<locale>/<namespace>.json`. */
  localeFileSize: byteSize.default(MB),
  /** Largest image (leaflet images and the logo). */
  imageFileSize: byteSize.default(20 * MB),
  /** YAML aliases expanded while reading front matter (the `yaml` package's maxAliasCount). */
  yamlAliases: count.default(100),
  /** Nesting of objects and arrays in a locale JSON file or in YAML flow collections. */
  jsonDepth: count.default(20),
  /** Nesting of block quotes, lists, brackets and template blocks in Markdown, checked before parsing. */
  markdownDepth: count.default(16),
  /**
   * Emphasis, link, code and table marks (`*`, `_`, `[`, `]`, `` ` ``, `<`, `|`) in one Markdown
   * file: the parser pairs them up within each paragraph, so many thousands make it crawl.
   */
  inlineMarks: count.default(5000),
  /** Lists and callouts inside each other: how deep the page layout can indent. */
  listDepth: count.default(6),
  /** Columns of a table: more do not fit across an A5 page. */
  tableColumns: count.default(6),
  /** Characters in one word: a longer word is wider than any page's text area. */
  wordLength: count.default(60),
  /** Pages of one leaflet edition. */
  pages: count.default(64),
});

export type Limits = z.infer<typeof limitsSchema>;
export type LimitName = keyof Limits;

export const DEFAULT_LIMITS: Limits = limitsSchema.parse({});

/** How a limit is printed in messages: sizes in KB or MB, counts as numbers. */
export function formatLimit(name: LimitName, value: number): string {
  return name.endsWith('FileSize') ? formatBytes(value) : String(value);
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= KB) return `${Number((bytes / KB).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The hint every limit message ends with. */
export const raiseLimitNote = (name: LimitName): string => `The limit is limits.${name} in templates/brand.yaml.`;

/** The brand file is read before any limit is known: it gets a fixed one. */
export const BRAND_FILE_SIZE = MB;

let cached: { text: string; limits: Limits } | undefined;

/**
 * The project's limits, from `limits:` in templates/brand.yaml (defaults for anything missing
 * or invalid: the brand loader reports what is wrong). Loaders call this themselves, so they
 * keep their signatures and can run side by side with the brand loader.
 */
export function projectLimits(root: string, files: Pick<ProjectFiles, 'readBytes'> = { readBytes: readBytesOrNothing }): Limits {
  const bytes = files.readBytes(join(root, 'templates/brand.yaml'));
  if (bytes === undefined || bytes.length > BRAND_FILE_SIZE) return DEFAULT_LIMITS;
  const text = bytes.toString('utf8');
  if (cached?.text === text) return cached.limits;
  let limits = DEFAULT_LIMITS;
  try {
    const brand: unknown = parseDocument(text).toJS({ maxAliasCount: DEFAULT_LIMITS.yamlAliases });
    const parsed = limitsSchema.safeParse((brand as { limits?: unknown } | null)?.limits ?? {});
    if (parsed.success) limits = parsed.data;
  } catch {
    // Broken YAML: loadBrand reports it; the defaults hold meanwhile.
  }
  cached = { text, limits };
  return limits;
}

function readBytesOrNothing(absPath: string): Buffer | undefined {
  try {
    return readFileSync(absPath);
  } catch {
    return undefined;
  }
}
