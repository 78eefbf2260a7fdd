/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { loadProject } from '../../src/build/project.ts';
import { compileUnit } from '../../src/build/stages/compileUnit.ts';
import { ProjectStore } from '../../src/build/store/projectStore.ts';
import { manifestSchema, type Manifest } from '../../src/emit/manifest.ts';
import { makeTranslate } from '../../src/load/locales.ts';
import { printableUrl } from '../../src/render/printedUrl.ts';
import { siteLayout, type SiteLayout } from '../../src/site/siteLayout.ts';
import { writeDownloadsSite } from '../../src/site/writeSite.ts';
import { rasterisePage } from '../support/rasterise.ts';
import { openPdf } from '../support/readPdf.ts';
import { copyOfBuiltProject, runCli } from '../support/projectCopy.ts';
import { sharedBuild } from '../support/sharedBuild.ts';
import { browseOutput } from './browser.ts';
import { runAxe } from './axe.ts';

const jsQR = jsQRModule.default;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function filesIn(folder: string, prefix = ''): string[] {
  return readdirSync(folder).flatMap((name) =>
    statSync(path.join(folder, name)).isDirectory() ? filesIn(path.join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

/** Words as a reader counts them, in the text's language (Intl word segmentation). */
const wordCount = (text: string, locale: string) =>
  [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].filter((segment) => segment.isWordLike).length;

/** The PDF's tagged text (artifacts such as running headers and page numbers left out), line by line. */
async function taggedText(file: string): Promise<string> {
  const pdf = await openPdf(file);
  let text = '';
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    for (const item of content.items as Array<{ str?: string; hasEOL?: boolean; type?: string; tag?: string }>) {
      if (item.str !== undefined) {
        // Items are runs of one font: table cells and styled words are separate items, so a space keeps them apart.
        if (!open.includes('Artifact')) text += `${item.str}${item.hasEOL ? '\n' : ' '}`;
      } else if (item.type?.startsWith('beginMarkedContent')) open.push(item.tag ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
    }
    text += '\n';
  }
  return text;
}

/**
 * The QR code's text, looked for from the last page back (the back page can run onto a second
 * page); on a booklet's imposed sheets, in each half of each side.
 */
async function findQrCode(pdf: Awaited<ReturnType<typeof openPdf>>, imposed: boolean, heading: string): Promise<string | undefined> {
  for (let n = pdf.numPages; n >= 1; n -= 1) {
    // Only the page that says "Read this leaflet online" is drawn: rasterising every page is slow.
    const { items } = await (await pdf.getPage(n)).getTextContent();
    if (!items.some((item) => 'str' in item && item.str.includes(heading))) continue;
    // 144 dpi: a code that decodes this coarse decodes from any sharper picture of it (and half the pixels of 216 dpi).
    const raster = await rasterisePage(pdf, n, 2);
    for (const [from, to] of imposed ? [[0, raster.width >> 1], [raster.width >> 1, raster.width]] : [[0, raster.width]]) {
      const width = to! - from!;
      const pixels = new Uint8ClampedArray(width * raster.height * 4);
      for (let y = 0; y < raster.height; y += 1) {
        pixels.set(raster.data.subarray((y * raster.width + from!) * 4, (y * raster.width + to!) * 4), y * width * 4);
      }
      const code = jsQR(pixels, width, raster.height);
      if (code) return code.data;
    }
  }
  return undefined;
}

describe('the web edition of the real project, in headless Chromium', () => {
  let root: string;
  let out: string;
  let manifest: Manifest;
  let layout: SiteLayout;
  let htmlPages: string[];

  beforeAll(async () => {
    // A copy of the shared build, its output and cache with it: this build takes its PDFs from
    // the cache and writes the site again over what an older build left.
    const shared = await sharedBuild();
    expect(shared.code, shared.stdout).toBe(0);
    root = copyOfBuiltProject(shared.root, 'leaflets-web-');
    out = path.join(root, 'output');
    // Left by an older build: a pseudo-locale's PDF and a stylesheet no page uses. A server's own file stays.
    mkdirSync(path.join(out, 'en-XA'), { recursive: true });
    writeFileSync(path.join(out, 'en-XA/support.pdf'), 'old');
    mkdirSync(path.join(out, 'assets'), { recursive: true });
    writeFileSync(path.join(out, 'assets/site.000000000000.css'), 'old');
    writeFileSync(path.join(out, '.htaccess'), 'DirectoryIndex index.html');
    // --strict as the shared build was: the cache keeps outputs per strictness.
    const report = await buildProject({ root, outDir: out, editions: ['a5', 'a4', 'large-print', 'booklet', 'print-shop'], strict: true });
    expect(report.ok).toBe(true);
    expect(report.removed).toEqual(['output/assets/site.000000000000.css', 'output/en-XA/support.pdf']);
    expect(existsSync(path.join(out, 'en-XA'))).toBe(false);
    expect(existsSync(path.join(out, '.htaccess'))).toBe(true);
    manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    const project = await loadProject(root);
    const found = siteLayout(project.brand!);
    if (!('layout' in found)) throw new Error(found.problem);
    layout = found.layout;
    htmlPages = filesIn(out).filter((file) => file.endsWith('.html')).sort();
  }, 600_000);

  const site = browseOutput(() => out);

  it('writes an HTML page for each of the 8 leaflet x language pairs, at the path its QR code names', () => {
    expect(manifest.leaflets).toHaveLength(8);
    for (const entry of manifest.leaflets) {
      expect(entry.page?.path).toBe(`${entry.locale}/${entry.id}/index.html`);
      expect(entry.page?.url).toBe(`https://www.alopecia.org.uk/leaflets/${entry.locale}/${entry.id}/`);
      expect(sha256(readFileSync(path.join(out, entry.page!.path)))).toBe(entry.page!.sha256);
      for (const file of entry.editions) expect(file.url).toBe(`https://www.alopecia.org.uk/leaflets/${file.path}?v=${file.sha256.slice(0, 12)}`);
    }
    expect(manifest.generatedAt).toBe(manifest.leaflets.map((entry) => entry.published).sort().at(-1));
    expect(htmlPages).toEqual(
      [
        'index.html',
        ...['cy', 'en-GB'].flatMap((locale) => [
          `${locale}/downloads.html`,
          `${locale}/index.html`,
          ...['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'support'].map((id) => `${locale}/${id}/index.html`),
        ]),
      ].sort(),
    );
    for (const page of htmlPages) expect(readFileSync(path.join(out, page), 'utf8')).not.toMatch(/<script/i);
  });

  it('axe-core finds no WCAG 2.2 A/AA violation on any page at 1280 and 390 px, and nothing scrolls sideways at 320 px', async () => {
    const page = await site.browser.context.newPage();
    const found: string[] = [];
    for (const file of htmlPages) {
      await page.goto(new URL(file.replace(/index\.html$/, ''), site.server.url).href);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const violation of (await runAxe(page)).violations) {
          found.push(`${file} @${width}: ${violation.id} (${violation.impact}) ${JSON.stringify(violation.nodes.map((n) => n.target))}`);
        }
      }
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) found.push(`${file} @320: ${overflow} px wider than the screen`);
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('every link, image and stylesheet resolves; versioned URLs carry the hash of what they fetch', async () => {
    const page = await site.browser.context.newPage();
    const broken: string[] = [];
    const checked = new Set<string>();
    let versionedFiles = 0;
    for (const file of htmlPages) {
      await page.goto(new URL(file.replace(/index\.html$/, ''), site.server.url).href);
      const targets = await page.evaluate(() => [
        ...[...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        ...[...document.querySelectorAll('img[src]')].map((img) => (img as HTMLImageElement).src),
        ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => (link as HTMLLinkElement).href),
      ]);
      for (const target of targets) {
        const url = new URL(target);
        if (url.origin !== new URL(site.server.url).origin) continue;
        if (url.hash && url.pathname === new URL(page.url()).pathname) {
          if ((await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count()) !== 1) broken.push(`${file} -> ${target}`);
          continue;
        }
        const key = url.href.replace(/#.*$/, '');
        if (checked.has(key)) continue;
        checked.add(key);
        const response = await page.request.get(key);
        const body = await response.body();
        if (!response.ok()) broken.push(`${file} -> ${target} (${response.status()})`);
        const version = url.searchParams.get('v');
        if (version) {
          versionedFiles += 1;
          if (sha256(body).slice(0, 12) !== version) broken.push(`${file} -> ${target}: content does not match ?v=`);
        }
        const hashedName = /\.([0-9a-f]{12})\.[a-z0-9]+$/.exec(url.pathname);
        if (hashedName && sha256(body).slice(0, 12) !== hashedName[1]) broken.push(`${file} -> ${target}: content does not match its name`);
      }
    }
    expect(broken).toEqual([]);
    // Every PDF and cover in the manifest is linked from some page, with its hash.
    const listed = manifest.leaflets.flatMap((entry) => [...entry.editions.map((f) => f.path), entry.cover!.path]);
    const linked = [...checked].map((href) => decodeURIComponent(new URL(href).pathname.slice(1)));
    expect(listed.filter((file) => !linked.includes(file))).toEqual([]);
    expect(versionedFiles).toBe(listed.length);
  }, 300_000);

  it('every QR code in every PDF decodes to the address of an HTML page in the output folder', async () => {
    const decoded: string[] = [];
    const project = await loadProject(root);
    for (const entry of manifest.leaflets) {
      const heading = makeTranslate(project.i18n, entry.locale)('back.onlineHeading');
      for (const file of entry.editions) {
        const pdf = await openPdf(path.join(out, file.path));
        const code = await findQrCode(pdf, file.edition === 'booklet', heading);
        expect(code, file.path).toBe(layout.url(layout.leafletPage(entry.locale, entry.id)).replace(/\/$/, ''));
        decoded.push(code!);
        await pdf.destroy();
      }
    }
    expect(decoded).toHaveLength(40);
    for (const url of new Set(decoded)) {
      // The address as printed (no trailing slash) is the page's folder: map it through baseUrl.
      const relative = decodeURIComponent(new URL(`${url}/`).pathname.slice(new URL(layout.baseUrl).pathname.length));
      expect(existsSync(path.join(out, relative, 'index.html')), url).toBe(true);
      const response = await site.browser.context.request.get(new URL(relative, site.server.url).href.replace(/\/$/, ''));
      expect(response.ok(), url).toBe(true);
    }
  }, 300_000);

  it("each page's main text has the same number of words as the PDF's text, within 2%", async () => {
    const page = await site.browser.context.newPage();
    const project = await loadProject(root);
    const rows: string[] = [];
    for (const entry of manifest.leaflets) {
      const t = makeTranslate(project.i18n, entry.locale);
      await page.goto(new URL(entry.page!.path.replace(/index\.html$/, ''), site.server.url).href);
      const { text, links, listNumbers } = await page.evaluate(() => {
        const article = document.querySelector('main article') as HTMLElement;
        return {
          text: article.innerText,
          links: [...article.querySelectorAll('a[href^="http"]')].map((a) => a.getAttribute('href')!),
          // The browser draws ordered-list numbers as markers; the PDF prints them as text.
          listNumbers: article.querySelectorAll('ol > li').length,
        };
      });
      let pdfText = await taggedText(path.join(out, entry.editions.find((file) => file.edition === 'a5')!.path));
      // Print-only parts: the cover's strap line, and the back page's QR code address and contact
      // details (the web page has its own header and footer). Printed link addresses are hrefs on screen.
      pdfText = pdfText.replace(t('strapline'), '');
      // The online address and contact details run from their heading to the next section the page has too.
      const online = pdfText.indexOf(t('back.onlineHeading'));
      expect(online).toBeGreaterThan(0);
      const next = Math.min(...[t('back.sourcesHeading'), t('back.aboutHeading')].map((heading) => pdfText.indexOf(heading, online)).filter((at) => at > online));
      expect(Number.isFinite(next)).toBe(true);
      pdfText = pdfText.slice(0, online) + pdfText.slice(next);
      // Longest first: one address can start with another (the charity's home page).
      for (const href of [...new Set(links)].sort((a, b) => b.length - a.length)) {
        const printed = printableUrl(href).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[/-]/g, '$&\\s*');
        pdfText = pdfText.replace(new RegExp(printed, 'g'), '');
      }
      const htmlWords = wordCount(text, entry.locale) + listNumbers;
      const pdfWords = wordCount(pdfText, entry.locale);
      rows.push(`${entry.locale}/${entry.id}: html ${htmlWords}, pdf ${pdfWords}`);
      expect(Math.abs(htmlWords - pdfWords) / pdfWords, rows.at(-1)).toBeLessThanOrEqual(0.02);
      expect(htmlWords).toBeGreaterThan(250);
    }
    expect(rows).toHaveLength(8);
  }, 300_000);

  it('sitemap.xml and the manifest agree with the folder, with hreflang alternates for every page', () => {
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.map((loc) => loc.slice(layout.baseUrl.length)).map((p) => (p === '' || p.endsWith('/') ? `${p}index.html` : p)).sort()).toEqual(htmlPages);
    const support = sitemap.slice(sitemap.indexOf('<loc>https://www.alopecia.org.uk/leaflets/cy/support/</loc>'));
    const block = support.slice(0, support.indexOf('</url>'));
    expect(block).toContain('<xhtml:link rel="alternate" hreflang="en-GB" href="https://www.alopecia.org.uk/leaflets/en-GB/support/" />');
    expect(block).toContain('<xhtml:link rel="alternate" hreflang="cy" href="https://www.alopecia.org.uk/leaflets/cy/support/" />');
    const welshSupport = manifest.leaflets.find((entry) => entry.locale === 'cy' && entry.id === 'support')!;
    expect(block).toContain(`<lastmod>${welshSupport.published}</lastmod>`);
    // Everything the manifest lists is on disk with its hash.
    for (const entry of manifest.leaflets) {
      for (const file of [...entry.editions, entry.cover!, entry.page!]) {
        expect(sha256(readFileSync(path.join(out, file.path))), file.path).toBe(file.sha256);
      }
    }
  });

  it('writing the site again from the same inputs gives the same bytes', async () => {
    const before = new Map(filesIn(out).map((file) => [file, sha256(readFileSync(path.join(out, file)))]));
    const store = new ProjectStore(root);
    const project = await loadProject(root, store);
    const again = await writeDownloadsSite({
      outDir: out,
      sources: project.sources,
      brand: project.brand!,
      i18n: project.i18n,
      leafletModel: (source) => compileUnit(project, store, source, false).leaflet,
    });
    expect(again.diagnostics).toEqual([]);
    const after = new Map(filesIn(out).map((file) => [file, sha256(readFileSync(path.join(out, file)))]));
    expect(after).toEqual(before);
  }, 300_000);

  it('after `rm content/en-GB/support.md content/cy/support.md && leaflets build`, no file of it remains and the manifest and sitemap agree with the folder', async () => {
    rmSync(path.join(root, 'content/en-GB/support.md'));
    rmSync(path.join(root, 'content/cy/support.md'));
    const run = await runCli(['--root', root, 'build', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { removed?: string[] };
    const expected = ['cy', 'en-GB'].flatMap((locale) => [
      `${locale}/support.a4.pdf`,
      `${locale}/support.booklet.pdf`,
      `${locale}/support.cover.png`,
      `${locale}/support.large-print.pdf`,
      `${locale}/support.pdf`,
      `${locale}/support.print-shop.pdf`,
      `${locale}/support/index.html`,
    ]);
    expect(report.removed).toEqual(expected.map((file) => `output/${file}`).sort());
    const files = filesIn(out);
    expect(files.filter((file) => file.includes('support'))).toEqual([]);
    expect(files.filter((file) => file.includes('en-XA'))).toEqual([]);
    expect(existsSync(path.join(out, 'en-GB/support'))).toBe(false);

    // The folder holds exactly what the manifest lists, plus the site's pages, sitemap and assets.
    const after = manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(after.leaflets.map((entry) => `${entry.locale}/${entry.id}`)).toEqual(
      ['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects'].flatMap((id) => [`cy/${id}`, `en-GB/${id}`]),
    );
    const listed = after.leaflets.flatMap((entry) => [...entry.editions.map((file) => file.path), entry.cover!.path, entry.page!.path]);
    const sitePages = ['index.html', 'sitemap.xml', 'manifest.json', 'manifest.schema.json', '.htaccess', ...['cy', 'en-GB'].flatMap((l) => [`${l}/index.html`, `${l}/downloads.html`])];
    expect(files.filter((file) => !file.startsWith('assets/')).sort()).toEqual([...listed, ...sitePages].sort());
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(layout.baseUrl.length)).map((p) => (p === '' || p.endsWith('/') ? `${p}index.html` : p));
    expect(locs.sort()).toEqual(files.filter((file) => file.endsWith('.html')).sort());
    for (const page of files.filter((file) => file.endsWith('.html'))) expect(readFileSync(path.join(out, page), 'utf8'), page).not.toMatch(/\/support\//);
  }, 600_000);
});
