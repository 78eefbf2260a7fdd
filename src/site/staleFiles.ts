import type { Manifest } from '../emit/manifest.ts';
import { MANIFEST_FILE, MANIFEST_SCHEMA_FILE } from '../emit/manifest.ts';

/**
 * Every file a published output folder should hold: what the manifest lists (PDFs, cover
 * thumbnails, HTML pages) plus the site's own files (other pages, sitemap, assets, the manifest).
 */
export function publishedFiles(manifest: Manifest, siteFiles: Iterable<string>): Set<string> {
  const files = new Set<string>([MANIFEST_FILE, MANIFEST_SCHEMA_FILE, ...siteFiles]);
  if (manifest.sitemap) files.add(manifest.sitemap);
  for (const entry of manifest.leaflets) {
    for (const file of entry.editions) files.add(file.path);
    if (entry.cover) files.add(entry.cover.path);
    if (entry.page) files.add(entry.page.path);
  }
  for (const entry of manifest.withdrawn ?? []) if (entry.page) files.add(entry.page.path);
  return files;
}

/** A language tag as a folder name: `cy`, `en-GB`, `en-XA`, `sr-Latn-RS`. */
const LANGUAGE_FOLDER = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/**
 * Whether a file is of a kind the build writes, so it may be removed when no longer published:
 * a PDF, thumbnail or page in a language's folder at the top of the output folder (or under the
 * folder the leaflet pages live in, `pagePrefix`, e.g. `leaflets/`), or a site asset. Anything
 * else someone put in the output folder (a server's `.htaccess`, `robots.txt`, a shard note,
 * other people's files deeper down) is left alone, so `--out` pointing at a folder that holds
 * other files is safe.
 */
function isBuildFile(file: string, pagePrefix: string): boolean {
  const segments = file.split('/');
  if (segments.some((segment) => segment.startsWith('.'))) return false;
  if (segments[0] === 'assets' && segments.length > 1) return true;
  if (!/\.(pdf|png|html)$/.test(file)) return false;
  const inLanguageFolder = (rest: string[]) => rest.length > 1 && LANGUAGE_FOLDER.test(rest[0]!);
  if (inLanguageFolder(segments)) return true;
  return pagePrefix !== '' && file.startsWith(pagePrefix) && file.endsWith('.html') && inLanguageFolder(file.slice(pagePrefix.length).split('/'));
}

/**
 * The files to remove so the folder holds exactly what is published: PDFs, thumbnails and pages
 * of leaflets or languages that no longer exist (or were withdrawn), anything of a pseudo-locale,
 * and assets no longer in use. `keep` holds files that stay although unlisted (the last good
 * outputs of a leaflet that does not compile now). Paths are relative to the output folder,
 * with `/`; the result is sorted.
 */
export function filesToRemove(
  filesOnDisk: Iterable<string>,
  published: ReadonlySet<string>,
  options: { keep?: ReadonlySet<string>; pagePrefix?: string } = {},
): string[] {
  const keep = options.keep ?? new Set<string>();
  return [...filesOnDisk].filter((file) => isBuildFile(file, options.pagePrefix ?? '') && !published.has(file) && !keep.has(file)).sort();
}
