/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { manifestSchema, type Manifest } from '../../src/emit/manifest.ts';
import { openBrowser, type TestBrowser } from './browser.ts';
import { setTranslation, siteProject } from './siteProject.ts';

describe('the downloads pages (one per language) in headless Chromium, JavaScript off', () => {
  let out: string;
  let manifest: Manifest;
  let browser: TestBrowser;
  const pageUrl = (file: string) => pathToFileURL(path.join(out, file)).href;

  beforeAll(async () => {
    const root = siteProject(['support', 'choosing-not-to-treat']);
    // One draft and one stale Welsh translation, so both labels show.
    const welsh = (id: string) => path.join(root, 'content/cy', `${id}.md`);
    setTranslation(welsh('choosing-not-to-treat'), { sourceVersion: '0.1', status: 'reviewed' });
    const support = readFileSync(welsh('support'), 'utf8').replace(/^translation:\n(?: {2}.*\n)*/m, '');
    writeFileSync(welsh('support'), support);
    out = path.join(root, 'output');
    await buildProject({ root, outDir: out, editions: ['a5', 'large-print', 'booklet'], strict: false });
    manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    browser = await openBrowser({ javaScriptEnabled: false });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has a page per language, each listing only that language, and a language filter made of links', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('en-GB/downloads.html'));
    await expect(page.title()).resolves.toBe('Leaflets to download – Alopecia UK');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    const english = manifest.leaflets.filter((entry) => entry.locale === 'en-GB');
    expect(await page.locator('main h2[id^="leaflet-"]').allTextContents()).toEqual(english.map((entry) => entry.title));
    expect(await page.locator('a[type="application/pdf"]').count()).toBe(english.reduce((sum, entry) => sum + entry.editions.length, 0));

    // Choosing Welsh is following a link: no script needed.
    const filter = page.locator('nav.language-filter');
    expect(await filter.locator('a[aria-current="page"]').textContent()).toBe('British English');
    await filter.locator('a[hreflang="cy"]').click();
    expect(page.url()).toBe(pageUrl('cy/downloads.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await expect(page.title()).resolves.toBe("Taflenni i'w lawrlwytho – Alopecia UK");
    expect(await page.locator('main h2[id^="leaflet-"]').allTextContents()).toEqual(
      manifest.leaflets.filter((entry) => entry.locale === 'cy').map((entry) => entry.title),
    );
    expect(await page.locator('nav.language-filter a[aria-current="page"]').textContent()).toBe('Cymraeg');
    expect(readFileSync(path.join(out, 'cy/downloads.html'), 'utf8')).not.toMatch(/<script/i);
  });

  it('link text says what you get; a booklet is counted in booklet pages and A4 sheets', async () => {
    const page = await browser.context.newPage();
    for (const entry of manifest.leaflets) {
      await page.goto(pageUrl(`${entry.locale}/downloads.html`));
      const section = page.locator('section.leaflet-downloads').filter({ has: page.locator(`h2[id="leaflet-${entry.id}"]`) });
      const texts = await section.locator('a[type="application/pdf"]').allTextContents();
      const a5 = entry.editions.find((file) => file.edition === 'a5')!;
      const kb = Math.round(a5.bytes / 1024);
      expect(texts[0]).toBe(
        entry.locale === 'cy' ? `Lawrlwytho PDF, A5, ${a5.pages} tudalen, ${kb} KB` : `Download PDF, A5, ${a5.pages} pages, ${kb} KB`,
      );
      await expect(section.locator('h3').textContent()).resolves.toBe(entry.locale === 'cy' ? 'Ar gyfer argraffwyr' : 'For printers');
      // Each booklet PDF page is one side of an A4 sheet holding two A5 booklet pages.
      const booklet = entry.editions.find((file) => file.edition === 'booklet')!;
      expect(booklet.pages % 2).toBe(0);
      const sheets = booklet.pages / 2;
      const bookletText = texts.find((text) => text.includes(entry.locale === 'cy' ? "Llyfryn i'w argraffu" : 'Booklet for printing'));
      expect(bookletText).toContain(
        entry.locale === 'cy'
          ? `${booklet.pages * 2} tudalen ar ${sheets} ${sheets <= 2 ? 'ddalen' : 'dalen'} A4`
          : `${booklet.pages * 2} pages on ${sheets} ${sheets === 1 ? 'sheet' : 'sheets'} of A4`,
      );
    }
  });

  it('labels draft and out-of-date translations once, then says what that means', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('cy/downloads.html'));
    const notes = await page.locator('.status').allTextContents();
    expect(notes).toEqual([
      "Cyfieithiad wedi dyddio. Mae'r daflen Saesneg wedi newid ers i hon gael ei chyfieithu.",
      "Cyfieithiad drafft. Mae'r testun hwn yn aros i gyfieithydd cymwysedig ei wirio.",
    ]);
    const statuses = manifest.leaflets.map((entry) => `${entry.locale}/${entry.id}:${entry.translationStatus}`);
    expect(statuses).toEqual(['cy/choosing-not-to-treat:stale', 'en-GB/choosing-not-to-treat:source', 'cy/support:draft', 'en-GB/support:source']);
    await page.goto(pageUrl('en-GB/downloads.html'));
    expect(await page.locator('.status').count()).toBe(0);
  });

  it('explains each print file in plain words', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('en-GB/downloads.html'));
    const help = page.locator('#printing + dl');
    const terms = await help.locator('dt').allTextContents();
    const meanings = await help.locator('dd').allTextContents();
    const meaning = (term: string) => meanings[terms.indexOf(term)]!;
    expect(terms).toEqual(['A5', 'A4', 'Large print', 'Booklet for printing', 'Print shop (with bleed)']);
    expect(meaning('Booklet for printing')).toMatch(/both sides.*short edge.*Fold.*staple/);
    expect(meaning('A4')).toMatch(/office/);
    expect(meaning('Print shop (with bleed)')).toMatch(/bleed and crop marks/);
  });

  it('every leaflet and language has a cover thumbnail with alt text, in the language of its page', async () => {
    const page = await browser.context.newPage();
    for (const locale of ['en-GB', 'cy']) {
      await page.goto(pageUrl(`${locale}/downloads.html`));
      const covers = await page.locator('img.cover').evaluateAll((imgs) =>
        imgs.map((img) => ({
          alt: img.getAttribute('alt'),
          src: img.getAttribute('src')!.replace(/\?v=[0-9a-f]{12}$/, ''),
          loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        })),
      );
      const entries = manifest.leaflets.filter((entry) => entry.locale === locale);
      expect(covers.map((cover) => cover.src)).toEqual(entries.map((entry) => `../${entry.cover!.path}`.replace(`../${locale}/`, '')));
      expect(covers.every((cover) => cover.loaded)).toBe(true);
      const welshSupport = entries.find((entry) => entry.id === 'support')!;
      expect(covers.find((cover) => cover.src.endsWith('support.cover.png'))?.alt).toBe(
        locale === 'cy' ? `Clawr y daflen “${welshSupport.title}”` : `Cover of the leaflet “${welshSupport.title}”`,
      );
    }
  });
});
