/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../site/axe.ts';
import { openBrowser, type TestBrowser } from '../../site/browser.ts';
import { PROJECT_ROOT } from '../../support/sampleLeaflet.ts';
import { copyProject, removeProject, waitFor } from '../watchHelpers.ts';

interface PreviewGlobals {
  leafletsPreview?: { version: number; draws: number; failed: boolean; events: EventSource | null; status: string; statuses: string[] };
  leafletsPreviewList?: { events: EventSource | null; statuses: Record<string, string[]> };
}

const globals = (page: Page) => page.evaluate(() => ({ ...(window as unknown as PreviewGlobals).leafletsPreview!, events: null }));
const statusText = (page: Page) => page.getByRole('status').innerText();
/** Set LEAFLETS_PREVIEW_SCREENSHOTS=<folder> to keep a picture of the page in each state. */
const SCREENSHOTS = process.env.LEAFLETS_PREVIEW_SCREENSHOTS;
const picture = async (page: Page, name: string) => {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
};

/** In the page: everything the test checks about it, in the instant it shows "rebuilding" (on a fast machine that lasts well under a second). */
const rebuildingNow = () => {
  const preview = (window as unknown as PreviewGlobals).leafletsPreview;
  if (preview?.status !== 'rebuilding') return false;
  const status = document.querySelectorAll('[role="status"]');
  return {
    version: preview.version,
    statusRegions: status.length,
    text: status[0]!.textContent,
    visible: status[0]!.checkVisibility(),
    detail: document.getElementById('status-detail')!.textContent,
    busy: document.getElementById('pages')!.getAttribute('aria-busy'),
    title: document.title,
    html: `<!doctype html>\n${document.documentElement.outerHTML}`,
  };
};

/**
 * The page as it is this instant (its markup and styles copied into a page of their own,
 * without scripts, so a status that lasts a second holds still): what axe finds, and whether
 * the status icon spins with and without a preference for reduced motion.
 */
async function checkSnapshot(page: Page, browser: TestBrowser, markup: string) {
  const html = markup.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  const still = await browser.context.newPage();
  try {
    await still.setViewportSize(page.viewportSize()!);
    await still.setContent(html);
    const animation = () => still.$eval('#status .status-icon', (icon) => getComputedStyle(icon).animationName);
    const spins = await animation();
    await still.emulateMedia({ reducedMotion: 'reduce' });
    const spinsReduced = await animation();
    return { axe: await runAxe(still), spins, spinsReduced };
  } finally {
    await still.close();
  }
}

/**
 * The real `leaflets watch --serve` on a copy of the project, preview pages open in Chromium, and
 * real saves: from the moment the watcher plans a rebuild of a page's leaflet and language, that
 * page says so, until the new PDF is written (or the rebuild ends without new pages).
 */
describe('watch --serve: a preview page says when a save is being rebuilt', () => {
  let root: string;
  let watch: ChildProcess;
  let output = '';
  let browser: TestBrowser;
  let previews: string;
  const source = () => path.join(root, 'content/en-GB/support.md');
  /** Rebuilds printed so far (the first build's summary included): each ends "... rebuilt ... in 1.2 s". */
  const rebuildsPrinted = () => output.match(/^\d+ PDFs? rebuilt.* in [\d.]+ m?s$/gm)?.length ?? 0;

  beforeAll(async () => {
    root = copyProject(['support', 'choosing-not-to-treat']);
    watch = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/leaflets.js'), '--root', root, 'watch', '--serve', '--port', '0', '--edition', 'a5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    watch.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    watch.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    previews = await waitFor('the preview address', () => {
      if (watch.exitCode !== null) throw new Error(`watch exited: ${output}`);
      return /each leaflet's pages: (http:\/\/127\.0\.0\.1:\d+\/preview\/)/.exec(output)?.[1];
    }, 240_000);
    browser = await openBrowser();
  }, 300_000);

  afterAll(async () => {
    // The watcher saves its build record as it stops: the folder goes once it has exited.
    if (watch?.exitCode === null) {
      const exited = new Promise((resolve) => watch.once('exit', resolve));
      watch.kill('SIGTERM');
      const stuck = setTimeout(() => watch.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(stuck);
    }
    await browser?.close();
    if (root) removeProject(root);
  });

  async function open(unit: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(new URL(unit, previews).href);
    await page.waitForFunction(() => ((window as unknown as PreviewGlobals).leafletsPreview?.draws ?? 0) > 0, null, { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as PreviewGlobals).leafletsPreview?.events?.readyState === EventSource.OPEN, null, { timeout: 30_000 });
    return page;
  }

  it('shows "Rebuilding after your save…" on the affected pages only, then "Updated HH:MM:SS" with the new pages, or that the save changed nothing; axe finds no violation in any state', async () => {
    const page = await open('en-GB/support');
    const other = await open('en-GB/choosing-not-to-treat');
    expect(await statusText(page)).toMatch(/^Pages from \d\d:\d\d:\d\d$/);
    expect((await runAxe(page)).violations).toEqual([]);
    await picture(page, 'idle');
    const shown = (await globals(page)).version;
    const otherShown = await globals(other);

    // A save that changes the pages.
    const text = readFileSync(source(), 'utf8');
    expect(text).toContain('You are not alone.');
    const saved = Date.now();
    writeFileSync(source(), text.replace('You are not alone.', 'You are never alone, whatever happens.'));
    const during = (await (await page.waitForFunction(rebuildingNow, null, { timeout: 60_000, polling: 10 })).jsonValue()) as Exclude<ReturnType<typeof rebuildingNow>, false>;
    const seenAt = Date.now();
    await picture(page, 'rebuilding');
    // Shown before the new PDF: the pages on screen are still the old ones.
    expect(during.version).toBe(shown);
    expect(during).toMatchObject({ statusRegions: 1, text: 'Rebuilding after your save…', visible: true, busy: 'true' });
    expect(during.detail).toMatch(/^Saved content\/en-GB\/support\.md at \d\d:\d\d:\d\d; the pages below are from before it\.$/);
    expect(during.title).toMatch(/^Rebuilding: /);
    const { axe, spins, spinsReduced } = await checkSnapshot(page, browser, during.html);
    expect(axe.violations).toEqual([]);
    expect([spins, spinsReduced]).toEqual(['status-spin', 'none']);

    await page.waitForFunction((version) => ((window as unknown as PreviewGlobals).leafletsPreview?.version ?? 0) > version, shown, { timeout: 60_000 });
    const drawnAt = Date.now();
    await expect.poll(() => statusText(page)).toMatch(/^Updated \d\d:\d\d:\d\d$/);
    // Timings on a loaded machine, with this test's own axe runs competing; `npm run bench -- preview` measures the pages.
    console.log(`status "rebuilding" ${seenAt - saved} ms after the save, new pages ${drawnAt - saved} ms after it`);
    expect(await page.locator('#pages').getAttribute('aria-busy')).toBe('false');
    expect(await page.title()).not.toMatch(/^(Rebuilding|Broken): /);
    expect((await globals(page)).statuses.slice(-2)).toEqual(['rebuilding', 'updated']);
    await picture(page, 'updated');
    expect((await runAxe(page)).violations).toEqual([]);

    // A save that changes the Markdown but not the PDF (a blank line at the end), once the last rebuild (and its re-fit) is done.
    await waitFor('the rebuild to finish', () => rebuildsPrinted() >= 2, 120_000);
    const { statuses: { length: before }, version: drawn } = await globals(page);
    appendFileSync(source(), '\n');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Rebuilt \d\d:\d\d:\d\d: your save did not change these pages$/);
    const after = await globals(page);
    expect(after.statuses.slice(before)).toEqual(['rebuilding', 'unchanged']);
    expect(after.version).toBe(drawn);
    await picture(page, 'unchanged');
    expect((await runAxe(page)).violations).toEqual([]);

    // The other leaflet's page heard of neither save.
    const otherNow = await globals(other);
    expect(otherNow.statuses).toEqual(otherShown.statuses);
    expect(otherNow.version).toBe(otherShown.version);
    expect(await statusText(other)).toMatch(/^Pages from \d\d:\d\d:\d\d$/);
  }, 300_000);

  it('says on the list of previews which leaflet a save is rebuilding, and how it ended', async () => {
    await waitFor('the earlier rebuilds to finish', () => rebuildsPrinted() >= 3, 120_000);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(previews);
    await page.waitForFunction(() => (window as unknown as PreviewGlobals).leafletsPreviewList?.events?.readyState === EventSource.OPEN, null, { timeout: 30_000 });
    const cell = (unit: string) => page.locator(`td[data-unit="${unit}"] .unit-status`).innerText();
    // The page opens with each entry's last status: the first test's last save changed nothing.
    expect(await cell('en-GB/support')).toMatch(/^\(rebuilt \d\d:\d\d:\d\d, no change\)$/);
    const otherBefore = await cell('en-GB/choosing-not-to-treat');
    expect(otherBefore).toMatch(/^\(\d+ pages\)$/);
    expect((await runAxe(page)).violations).toEqual([]);

    const text = readFileSync(source(), 'utf8');
    writeFileSync(source(), text.replace('You are never alone, whatever happens.', 'You are never alone, whatever happens, Medlar.'));
    const statuses = () => page.evaluate(() => (window as unknown as PreviewGlobals).leafletsPreviewList!.statuses['en-GB/support'] ?? []);
    await expect.poll(statuses, { timeout: 60_000 }).toEqual(['rebuilding', 'updated']);
    expect(await cell('en-GB/support')).toMatch(/^\(updated \d\d:\d\d:\d\d\)$/);
    expect(await page.getByRole('status').innerText()).toMatch(/^support in British English: updated \d\d:\d\d:\d\d$/);
    // The other leaflet's entry heard of nothing.
    expect(await cell('en-GB/choosing-not-to-treat')).toBe(otherBefore);
    await picture(page, 'list-updated');
    expect((await runAxe(page)).violations).toEqual([]);
  }, 300_000);
});
