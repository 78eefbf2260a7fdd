/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { manifestSchema, type Manifest } from '../../src/emit/manifest.ts';
import { startPreviewServer, type PreviewServer } from '../../src/site/previewServer.ts';
import { openBrowser, type TestBrowser } from './browser.ts';
import { setTranslation, siteProject } from './siteProject.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }>;
  passes: unknown[];
}

/** Runs axe-core in the page against WCAG 2.0-2.2 A and AA plus axe's best practices. */
async function runAxe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
}

describe('output/index.html in headless Chromium', () => {
  let root: string;
  let out: string;
  let manifest: Manifest;
  let browser: TestBrowser;
  let server: PreviewServer;

  beforeAll(async () => {
    root = siteProject(['support', 'choosing-not-to-treat']);
    // One draft and one stale Welsh translation, so both labels show.
    const welsh = (id: string) => path.join(root, 'content/cy', `${id}.md`);
    setTranslation(welsh('choosing-not-to-treat'), { sourceVersion: '0.1', status: 'reviewed' });
    const support = readFileSync(welsh('support'), 'utf8').replace(/^translation:\n(?: {2}.*\n)*/m, '');
    writeFileSync(welsh('support'), support);
    out = path.join(root, 'output');
    await buildProject({ root, outDir: out, editions: ['a5', 'large-print', 'booklet'], strict: false });
    manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    browser = await openBrowser();
    server = await startPreviewServer({ outDir: out });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('the built file has no JavaScript and works with JavaScript turned off', async () => {
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    const noScript = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
      await expect(page.title()).resolves.toBe('Leaflets to download – Alopecia UK');
      const editions = manifest.leaflets.reduce((sum, entry) => sum + entry.editions.length, 0);
      expect(editions).toBe(12);
      expect(await page.locator('a[type="application/pdf"]').count()).toBe(editions);
      expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    } finally {
      await noScript.close();
    }
  });

  it('axe-core reports no violations (WCAG 2.2 A/AA and best practices)', async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    const result = await runAxe(page);
    const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    expect(summary).toEqual([]);
    // Also at a phone's width, where the layout reflows to one column.
    await page.setViewportSize({ width: 320, height: 640 });
    expect((await runAxe(page)).violations.map((v) => v.id)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('every link resolves: files match the manifest size and sha256, anchors exist', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const links = await page.locator('a[href]').evaluateAll((anchors) =>
      anchors.map((a) => ({ raw: a.getAttribute('href')!, absolute: (a as HTMLAnchorElement).href })),
    );
    const listed = new Map(manifest.leaflets.flatMap((entry) => entry.editions.map((file) => [file.path, file] as const)));
    const broken: string[] = [];
    let files = 0;
    for (const link of links) {
      if (link.raw.startsWith('#')) {
        if ((await page.locator(`[id="${link.raw.slice(1)}"]`).count()) !== 1) broken.push(link.raw);
      } else if (/^https?:/.test(link.raw)) {
        // The charity's own website: not fetched from a test.
        expect(link.raw).toBe('https://www.alopecia.org.uk');
      } else {
        const response = await page.request.get(link.absolute);
        const body = await response.body();
        const relative = decodeURIComponent(link.raw);
        const file = listed.get(relative);
        const onDisk = existsSync(path.join(out, relative)) ? readFileSync(path.join(out, relative)) : undefined;
        if (!response.ok() || !file || !onDisk || body.length !== file.bytes || sha256(body) !== file.sha256 || !onDisk.equals(body)) {
          broken.push(link.raw);
        }
        expect(response.headers()['content-type']).toBe('application/pdf');
        files += 1;
      }
    }
    expect(broken).toEqual([]);
    expect(files).toBe(listed.size);
  });

  it('link text says what you get, in the language of its section', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    for (const entry of manifest.leaflets) {
      const section = page.locator(`li.language[lang="${entry.language.tag}"]`).filter({ has: page.locator(`h3[id="${entry.id}-${entry.locale}"]`) });
      expect(await section.count()).toBe(1);
      await expect(section.locator('h3').textContent()).resolves.toBe(entry.language.name);
      const texts = await section.locator('a[type="application/pdf"]').allTextContents();
      const a5 = entry.editions.find((file) => file.edition === 'a5')!;
      const kb = Math.round(a5.bytes / 1024);
      expect(texts[0]).toBe(
        entry.locale === 'cy' ? `Lawrlwytho PDF, A5, ${a5.pages} tudalen, ${kb} KB` : `Download PDF, A5, ${a5.pages} pages, ${kb} KB`,
      );
      // Print-only editions sit under a heading for printers.
      const printers = section.locator('h4');
      await expect(printers.textContent()).resolves.toBe(entry.locale === 'cy' ? 'Ar gyfer argraffwyr' : 'For printers');
      expect(texts.some((text) => text.includes(entry.locale === 'cy' ? "Llyfryn i'w argraffu" : 'Booklet for printing'))).toBe(true);
      const label = await section.locator('.status strong').allTextContents();
      const expected = { source: [], reviewed: [], draft: ['Cyfieithiad drafft.'], stale: ['Cyfieithiad wedi dyddio.'] }[entry.translationStatus];
      expect(label).toEqual(expected);
    }
    const statuses = manifest.leaflets.map((entry) => `${entry.locale}/${entry.id}:${entry.translationStatus}`);
    expect(statuses).toEqual(['cy/choosing-not-to-treat:stale', 'en-GB/choosing-not-to-treat:source', 'cy/support:draft', 'en-GB/support:source']);
  });

  it('every leaflet and language has a cover thumbnail with alt text that loads', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const images = await page.locator('img').evaluateAll((imgs) =>
      imgs.map((img) => ({
        alt: img.getAttribute('alt'),
        src: img.getAttribute('src'),
        loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        lang: img.closest('[lang]')?.getAttribute('lang'),
      })),
    );
    expect(images.every((image) => image.loaded && (image.alt ?? '').trim().length > 0)).toBe(true);
    const covers = images.filter((image) => image.src?.endsWith('.cover.png'));
    expect(covers.map((cover) => cover.src).sort()).toEqual(manifest.leaflets.map((entry) => entry.cover!.path).sort());
    const welshSupport = manifest.leaflets.find((entry) => entry.locale === 'cy' && entry.id === 'support')!;
    expect(covers.find((cover) => cover.src === welshSupport.cover!.path)).toMatchObject({
      alt: `Clawr y daflen “${welshSupport.title}”`,
      lang: 'cy',
    });
  });
});
