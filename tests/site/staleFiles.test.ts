import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/emit/manifest.ts';
import { filesToRemove, publishedFiles } from '../../src/site/staleFiles.ts';

const sha = 'a'.repeat(64);
const entry = (locale: string, id: string) => ({
  id,
  locale,
  language: { tag: locale, name: locale },
  title: id,
  summary: id,
  version: '1.0',
  published: '2026-11-26',
  reviewDue: '2027-11-26',
  translationStatus: 'source' as const,
  editions: [{ edition: 'a5' as const, path: `${locale}/${id}.pdf`, bytes: 1, pages: 4, sha256: sha, forPrinters: false }],
  cover: { path: `${locale}/${id}.cover.png`, width: 300, height: 424, bytes: 1, sha256: sha, renderedFrom: sha },
  page: { path: `${locale}/${id}/index.html`, url: `https://example.org/${locale}/${id}/`, sha256: sha },
});

describe('files to remove from the output folder', () => {
  const manifest: Manifest = { manifestVersion: 1, leaflets: [entry('en-GB', 'jak-inhibitors'), entry('cy', 'jak-inhibitors')], sitemap: 'sitemap.xml' };
  const site = ['index.html', 'en-GB/index.html', 'en-GB/downloads.html', 'cy/index.html', 'cy/downloads.html', 'assets/site.0123456789ab.css'];
  const published = publishedFiles(manifest, site);

  it('keeps everything the manifest lists and the site writes', () => {
    const disk = [...published];
    expect(filesToRemove(disk, published)).toEqual([]);
  });

  it('removes a deleted leaflet (PDFs, thumbnail, page), a pseudo-locale and old assets, but no hidden file', () => {
    const disk = [
      ...published,
      'en-GB/support.pdf',
      'en-GB/support.a4.pdf',
      'en-GB/support.cover.png',
      'en-GB/support/index.html',
      'cy/support.booklet.pdf',
      'en-XA/jak-inhibitors.pdf',
      'en-XA/jak-inhibitors/index.html',
      'assets/site.ba9876543210.css',
      'cy/.support.pdf.1a2b3c.tmp',
      '.htaccess',
    ];
    expect(filesToRemove(disk, published)).toEqual([
      'assets/site.ba9876543210.css',
      'cy/support.booklet.pdf',
      'en-GB/support.a4.pdf',
      'en-GB/support.cover.png',
      'en-GB/support.pdf',
      'en-GB/support/index.html',
      'en-XA/jak-inhibitors.pdf',
      'en-XA/jak-inhibitors/index.html',
    ]);
  });

  it("keeps a leaflet's last good files while it exists, and never touches files of other kinds or deeper folders", () => {
    const disk = [
      ...published,
      'en-GB/broken-front-matter.pdf',
      'robots.txt',
      'shard.json',
      'docs/en/guide.html',
      'vendor/cy/page.html',
      'en-GB/notes.txt',
      'leaflets/en-GB/support/index.html',
    ];
    expect(filesToRemove(disk, published, { keep: new Set(['en-GB/broken-front-matter.pdf']) })).toEqual([]);
    // Published at the site root, the leaflet pages live under leaflets/: an old page there goes.
    expect(filesToRemove(disk, published, { keep: new Set(['en-GB/broken-front-matter.pdf']), pagePrefix: 'leaflets/' })).toEqual([
      'leaflets/en-GB/support/index.html',
    ]);
  });
});
