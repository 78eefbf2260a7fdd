import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { manifestSchema } from '../../src/emit/manifest.ts';
import { copyOfProject } from '../support/projectCopy.ts';
import { browseOutput } from './browser.ts';
import { runAxe } from './axe.ts';

/** Adds lines at the top of a Markdown file's front matter. */
function addFrontMatter(file: string, lines: string): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^---\n/, `---\n${lines}\n`));
}

describe('a leaflet withdrawn with `status: withdrawn`', () => {
  let root: string;
  let out: string;
  const build = () => buildProject({ root, outDir: out, editions: ['a5', 'booklet'], strict: false, jobs: 1 });

  beforeAll(async () => {
    root = copyOfProject(['support', 'jak-inhibitors'], 'leaflets-withdrawn-');
    out = path.join(root, 'output');
    expect((await build()).ok).toBe(true);
  }, 600_000);

  const site = browseOutput(() => out);

  it('needs the date it was withdrawn: without it the build says so, naming the file', async () => {
    const file = path.join(root, 'content/en-GB/support.md');
    const before = readFileSync(file, 'utf8');
    addFrontMatter(file, 'status: withdrawn');
    const report = await build();
    writeFileSync(file, before);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.message])).toEqual([
      ['content/en-GB/support.md', expect.stringContaining('withdrawn: YYYY-MM-DD')],
    ]);
    // Its last good files stay in place meanwhile.
    expect(existsSync(path.join(out, 'en-GB/support.pdf'))).toBe(true);
  }, 300_000);

  it('loses its PDFs and thumbnails in every language; the manifest lists it as withdrawn, with the date', async () => {
    addFrontMatter(path.join(root, 'content/en-GB/support.md'), 'status: withdrawn\nwithdrawn: 2026-12-01');
    const report = await build();
    expect(report.ok).toBe(true);
    expect(report.outputs.map((o) => `${o.locale}/${o.leafletId}`)).not.toContain('en-GB/support');
    expect(report.removed).toEqual(
      ['cy', 'en-GB'].flatMap((locale) => [`output/${locale}/support.booklet.pdf`, `output/${locale}/support.cover.png`, `output/${locale}/support.pdf`]),
    );
    for (const locale of ['cy', 'en-GB']) {
      expect(readdirSync(path.join(out, locale)).filter((name) => name.startsWith('support'))).toEqual(['support']);
    }
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(manifest.leaflets.map((entry) => `${entry.locale}/${entry.id}`)).toEqual(['cy/jak-inhibitors', 'en-GB/jak-inhibitors']);
    expect(manifest.withdrawn?.map((entry) => [entry.locale, entry.id, entry.withdrawn, entry.page?.url])).toEqual([
      ['cy', 'support', '2026-12-01', 'https://www.alopecia.org.uk/leaflets/cy/support/'],
      ['en-GB', 'support', '2026-12-01', 'https://www.alopecia.org.uk/leaflets/en-GB/support/'],
    ]);
    expect(readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).not.toContain('/support/');
  }, 300_000);

  it('is listed as withdrawn with its date on the home and downloads pages, and its address (the QR code) says so', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(new URL('en-GB/', site.server.url).href);
    expect(await page.locator('section.withdrawn').innerText()).toContain('Support for people with alopecia: withdrawn on 1 December 2026');
    await page.goto(new URL('en-GB/downloads.html', site.server.url).href);
    expect(await page.locator('section.withdrawn').innerText()).toContain('withdrawn on 1 December 2026');
    await page.goto(new URL('cy/', site.server.url).href);
    expect(await page.locator('section.withdrawn').innerText()).toMatch(/tynnwyd yn ôl ar 1 Rhagfyr 2026/);

    const found: string[] = [];
    for (const address of ['en-GB/support/', 'cy/support/', 'en-GB/', 'en-GB/downloads.html']) {
      await page.goto(new URL(address, site.server.url).href);
      if (address.endsWith('support/')) {
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('main').innerText()).toMatch(/1 (December|Rhagfyr) 2026/);
        expect(await page.locator('a[href$=".pdf"], a[href*=".pdf?"]').count()).toBe(0);
        // Out of search results, as it is out of the sitemap.
        expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      }
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const violation of (await runAxe(page)).violations) found.push(`${address} @${width}: ${violation.id}`);
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
});
