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
 * a PDF, thumbnail or page in a language's folder, or a site asset. Anything else someone put in
 * the output folder (a server's `.htaccess`, `robots.txt`, a shard note) is left alone, so
 * `--out` pointing at a folder that holds other files is safe.
 */
function isBuildFile(file: string): boolean {
  const segments = file.split('/');
  if (segments.some((segment) => segment.startsWith('.'))) return false;
  if (segments[0] === 'assets' && segments.length > 1) return true;
  const folders = segments.slice(0, -1);
  return /\.(pdf|png|html)$/.test(file) && folders.some((folder) => LANGUAGE_FOLDER.test(folder));
}

/**
 * The files to remove so the folder holds exactly what is published: PDFs, thumbnails and pages
 * of leaflets or languages that no longer exist (or were withdrawn), anything of a pseudo-locale,
 * and assets no longer in use. `keep` holds files that stay although unlisted (the last good
 * outputs of a leaflet that does not compile now). Paths are relative to the output folder,
 * with `/`; the result is sorted.
 */
export function filesToRemove(filesOnDisk: Iterable<string>, published: ReadonlySet<string>, keep: ReadonlySet<string> = new Set()): string[] {
  return [...filesOnDisk].filter((file) => isBuildFile(file) && !published.has(file) && !keep.has(file)).sort();
}
