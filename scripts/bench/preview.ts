import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { formatMs, median, percentile } from './stats.ts';
import { checkoutNodeFlags } from './checkoutFlags.ts';

const REPO = process.cwd();
const EDITS = Number(process.env.PREVIEW_BENCH_EDITS ?? 20);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LEAFLET = 'content/en-GB/support.md';
const PDF = 'output/en-GB/support.pdf';
const MARKER = /You are not alone[^.]*\./;
/** A save whose preview never updates is a bug to report, not a reason to wait forever. */
const EDIT_TIMEOUT_MS = 60_000;
const TARGET_MS = 2_000;

interface PreviewGlobals {
  leafletsPreview?: { version: number; drawnAt: number; rebuildingAt: number };
}

function copyProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'leaflets-bench-preview-'));
  for (const folder of ['content', 'locales', 'templates']) cpSync(path.join(REPO, folder), path.join(root, folder), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** Resolves with the epoch time (ms) the file is next renamed into place (its inode changes). */
function nextRename(file: string, before: number): Promise<number> {
  return new Promise((resolve) => {
    const watcher = watch(path.dirname(file), async (_event, name) => {
      if (name !== path.basename(file)) return;
      const at = performance.timeOrigin + performance.now();
      if ((await stat(file).then((s) => s.ino, () => before)) === before) return;
      watcher.close();
      resolve(at);
    });
  });
}

/**
 * The live preview as a translator sees it: `leaflets watch --serve` (every edition, as the
 * README runs it) in its own process on a copy of the project, and the leaflet's preview page
 * open in Chromium. Each edit rewrites one sentence of the leaflet and waits for the page to
 * have redrawn its pages (the page records when, on the same clock); the next edit follows
 * once the rebuild has finished, as a person's would. Target: save -> pages redrawn <= 2 s.
 */
export async function benchPreview(): Promise<void> {
  const root = copyProject();
  const child = spawn(process.execPath, [...checkoutNodeFlags(REPO, 'watch'), path.join(REPO, 'bin/leaflets.js'), '--root', root, 'watch', '--serve', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const listed = /each leaflet's pages: (\S+?)\)/;
    while (!listed.test(printed)) {
      if (child.exitCode !== null) throw new Error(`watch exited:\n${printed}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const previews = listed.exec(printed)![1]!;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(new URL('en-GB/support', previews).href);
    await page.waitForFunction(() => ((window as unknown as PreviewGlobals).leafletsPreview?.version ?? 0) > 0, null, { timeout: EDIT_TIMEOUT_MS });

    const source = readFileSync(path.join(root, LEAFLET), 'utf8');
    const pdf = path.join(root, PDF);
    const rebuildsDone = () => (printed.match(/PDFs? rebuilt/g) ?? []).length;
    const toPdf: number[] = [];
    const toPage: number[] = [];
    const toStatus: number[] = [];
    const pdfToPage: number[] = [];
    for (let edit = 1; edit <= EDITS; edit += 1) {
      const done = rebuildsDone();
      const shown = await page.evaluate(() => (window as unknown as PreviewGlobals).leafletsPreview!.version);
      const renamed = nextRename(pdf, (await stat(pdf)).ino);
      const saved = performance.timeOrigin + performance.now();
      writeFileSync(path.join(root, LEAFLET), source.replace(MARKER, `You are not alone (edit ${edit}).`));
      await page.waitForFunction((version) => ((window as unknown as PreviewGlobals).leafletsPreview?.version ?? 0) > version, shown, { timeout: EDIT_TIMEOUT_MS, polling: 20 });
      const { drawnAt, rebuildingAt } = await page.evaluate(() => (window as unknown as PreviewGlobals).leafletsPreview!);
      // "Rebuilding after your save…" on the page (a page script without the status reports 0: left out).
      if (rebuildingAt > saved) toStatus.push(rebuildingAt - saved);
      const writtenAt = await renamed;
      toPdf.push(writtenAt - saved);
      toPage.push(drawnAt - saved);
      pdfToPage.push(drawnAt - writtenAt);
      // As a person works: the next save once this rebuild (every edition, the translations) is done.
      while (rebuildsDone() === done) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const line = (label: string, values: number[]) =>
      console.log(`${label.padEnd(34)} median ${formatMs(median(values))}, p90 ${formatMs(percentile(values, 90))}, min ${formatMs(Math.min(...values))}, max ${formatMs(Math.max(...values))}`);
    console.log(`${EDITS} saves of ${LEAFLET}, preview page of en-GB/support open in Chromium:`);
    if (toStatus.length > 0) line('save -> "Rebuilding" shown', toStatus);
    line('save -> A5 PDF in place', toPdf);
    line('A5 PDF in place -> pages redrawn', pdfToPage);
    line('save -> pages redrawn', toPage);
    const within = toPage.filter((ms) => ms <= TARGET_MS).length;
    console.log(`target save -> pages redrawn <= ${TARGET_MS} ms: median ${median(toPage) <= TARGET_MS ? 'met' : 'NOT met'}; ${within} of ${EDITS} saves within it`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(root, { recursive: true, force: true });
  }
}
