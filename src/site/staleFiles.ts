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
  return files;
}

/**
 * The files to remove so the folder holds exactly what is published: PDFs, thumbnails and pages
 * of leaflets or languages that no longer exist, and anything of a pseudo-locale. Hidden files
 * (an atomic write's temporary file, a server's `.htaccess`) are never touched. Paths are
 * relative to the output folder, with `/`; the result is sorted.
 */
export function filesToRemove(filesOnDisk: Iterable<string>, published: ReadonlySet<string>): string[] {
  return [...filesOnDisk]
    .filter((file) => !file.split('/').some((segment) => segment.startsWith('.')) && !published.has(file))
    .sort();
}
