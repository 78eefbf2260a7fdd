/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { RELOAD_EVENTS_PATH, startPreviewServer, type PreviewServer } from '../../src/site/previewServer.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { openBrowser, type TestBrowser } from './browser.ts';
import { siteProject } from './siteProject.ts';

/** A raw GET, so the path reaches the server exactly as written (no URL normalising). */
function rawGet(url: string, rawPath: string): Promise<{ status: number; type?: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Resolves once the page's reload stream is open, so no reload announcement is missed. */
const listening = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { leafletsPreview?: EventSource }).leafletsPreview?.readyState === EventSource.OPEN);

const retitle = (file: string, title: string) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));

describe('preview server', () => {
  let outDir: string;
  let server: PreviewServer;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'leaflets-serve-'));
    outDir = path.join(root, 'output');
    mkdirSync(path.join(outDir, 'cy'), { recursive: true });
    writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><html lang="en-GB"><body><p>Hello</p></body></html>');
    writeFileSync(path.join(outDir, 'cy', 'support.pdf'), '%PDF-1.7 test');
    writeFileSync(path.join(outDir, 'cy', '.support.pdf.abc.tmp'), 'half written');
    writeFileSync(path.join(root, 'secret.txt'), 'outside the output folder');
    server = await startPreviewServer({ outDir });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves files with their content types, and the page with the reload script added', async () => {
    const page = await rawGet(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`new EventSource("${RELOAD_EVENTS_PATH}")`);
    expect(page.body.indexOf('<script>')).toBeLessThan(page.body.indexOf('</body>'));
    // The file on disk stays free of JavaScript.
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toContain('<script');
    const pdf = await rawGet(server.url, '/cy/support.pdf');
    expect([pdf.status, pdf.type, pdf.body]).toEqual([200, 'application/pdf', '%PDF-1.7 test']);
  });

  it('before the first build, shows a waiting page that reloads itself', async () => {
    const empty = await startPreviewServer({ outDir: mkdtempSync(path.join(tmpdir(), 'leaflets-empty-')) });
    try {
      const response = await rawGet(empty.url, '/');
      expect(response.status).toBe(503);
      expect(response.body).toContain('Building the leaflets');
      expect(response.body).toContain(`new EventSource("${RELOAD_EVENTS_PATH}")`);
      expect((await rawGet(empty.url, '/cy/support.pdf')).status).toBe(404);
    } finally {
      await empty.close();
    }
  });

  it('never serves a file outside the output folder, hidden files or missing files', async () => {
    for (const rawPath of ['/../secret.txt', '/%2e%2e/secret.txt', '/cy/..%2f..%2fsecret.txt', '/cy/%2e%2e%5c%2e%2e%5csecret.txt', '/cy/.support.pdf.abc.tmp', '/nothing.pdf', '/%E0%A4%A']) {
      const response = await rawGet(server.url, rawPath);
      expect(response.status, rawPath).toBe(404);
      expect(response.body).not.toContain('outside');
    }
  });
});

describe('live preview in headless Chromium', () => {
  let browser: TestBrowser;
  let watch: ChildProcess | undefined;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    if (watch?.pid !== undefined && watch.exitCode === null) watch.kill('SIGTERM');
    await browser?.close();
  });

  it('reloads an open page when notifyReload() follows a rebuild', async () => {
    const root = siteProject(['support']);
    const outDir = path.join(root, 'output');
    await buildProject({ root, outDir, editions: ['a5'], strict: false });
    const server = await startPreviewServer({ outDir });
    try {
      const page = await browser.context.newPage();
      // The leaflet's HTML page, at the folder address its QR code prints (without the slash: the server adds it).
      await page.goto(`${server.url}en-GB/support`);
      expect(page.url()).toBe(`${server.url}en-GB/support/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Support for people with alopecia');
      // Wait until the page is listening before the rebuild announces itself.
      await listening(page);
      retitle(path.join(root, 'content/en-GB/support.md'), 'Support for everyone with alopecia');
      await buildProject({ root, outDir, editions: ['a5'], leaflets: ['support'], locales: ['en-GB'], strict: false });
      const reloaded = page.waitForEvent('load');
      server.notifyReload();
      await reloaded;
      await expect(page.locator('h1').textContent()).resolves.toBe('Support for everyone with alopecia');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('`leaflets watch --serve` reloads the open page with the new content after an edit', async () => {
    const root = siteProject(['support']);
    watch = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/leaflets.js'), '--root', root, 'watch', '--serve', '--port', '0', '--edition', 'a5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    watch.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    watch.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(match[1]!);
        } else if (watch!.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`watch exited: ${output}`));
        }
      }, 100);
    });

    const page = await browser.context.newPage();
    let loads = 0;
    page.on('load', () => (loads += 1));
    // Before the first website update the server shows a waiting page that reloads by itself.
    await page.goto(url);
    // The language picker appears once the first build is done; Welsh leads to the Welsh home page.
    const welsh = page.locator('main a[hreflang="cy"]');
    await welsh.waitFor({ timeout: 60_000 });
    await welsh.click();
    const welshTitle = page.locator('main h2 a');
    await welshTitle.waitFor({ timeout: 60_000 });
    const before = await welshTitle.textContent();
    await listening(page);
    const loadsBeforeEdit = loads;
    retitle(path.join(root, 'content/cy/support.md'), 'Cymorth i bawb ag alopecia');
    // The page has no script of its own besides the reload: a new title means it reloaded.
    await expect.poll(() => welshTitle.textContent(), { timeout: 60_000 }).toBe('Cymorth i bawb ag alopecia');
    // The new text can show before the reloaded page's load event (its images) fires.
    await expect.poll(() => loads, { timeout: 30_000 }).toBeGreaterThan(loadsBeforeEdit);
    expect(before).not.toBe('Cymorth i bawb ag alopecia');
    // The PDF behind the page changed too, and the manifest says so.
    const manifest = JSON.parse(await (await page.request.get(`${url}manifest.json`)).text()) as { leaflets: Array<{ locale: string; title: string }> };
    expect(manifest.leaflets.find((entry) => entry.locale === 'cy')?.title).toBe('Cymorth i bawb ag alopecia');
  }, 180_000);
});
