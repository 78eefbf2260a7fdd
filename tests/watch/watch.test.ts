import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { LOCALE_CHECKS } from '../../src/build/stages/projectStages.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import type { EditionId } from '../../src/render/editions.ts';
import type { RebuildSummary } from '../../src/watch/rebuildTracker.ts';
import { startWatch, type WatchSession } from '../../src/watch/watchSession.ts';
import { copyProject, listPdfs, pdfText, readBytes, removeProject, waitFor } from './watchHelpers.ts';

const EDITIONS: EditionId[] = ['a5', 'a4'];

describe('leaflets watch', () => {
  let root: string;
  let outDir: string;
  let session: WatchSession;
  const summaries: RebuildSummary[] = [];
  const input = (file: string) => path.join(root, file);
  const output = (file: string) => path.join(outDir, file);
  const edit = async (file: string, from: string | RegExp, to: string) => {
    const text = await readFile(input(file), 'utf8');
    const next = text.replace(from, to);
    expect(next).not.toBe(text);
    await writeFile(input(file), next);
  };
  const editNow = (file: string, from: string | RegExp, to: string) => {
    const text = readFileSync(input(file), 'utf8');
    const next = text.replace(from, to);
    expect(next).not.toBe(text);
    writeFileSync(input(file), next);
  };
  /** The first rebuild (after `since` summaries) whose changed files include `file`. */
  const rebuildFor = (file: string, since: number) =>
    waitFor(`a rebuild for ${file}`, () => summaries.slice(since).find((s) => s.changedFiles.includes(file)));

  beforeAll(async () => {
    root = copyProject(['support', 'choosing-not-to-treat']);
    outDir = path.join(root, 'output');
    session = await startWatch({ root, outDir, editions: EDITIONS, strict: false, workerThreads: 1, onRebuild: (s) => summaries.push(s) });
    await session.initialBuild;
  });

  afterAll(async () => {
    await session?.close();
    if (root) removeProject(root);
  });

  it('builds every leaflet first', async () => {
    expect(listPdfs(outDir)).toEqual([
      'cy/choosing-not-to-treat.a4.pdf',
      'cy/choosing-not-to-treat.pdf',
      'cy/support.a4.pdf',
      'cy/support.pdf',
      'en-GB/choosing-not-to-treat.a4.pdf',
      'en-GB/choosing-not-to-treat.pdf',
      'en-GB/support.a4.pdf',
      'en-GB/support.pdf',
    ]);
    expect(summaries[0]?.outputs.every((o) => o.status === 'written')).toBe(true);
    // The website files follow, once for the whole build.
    await waitFor('the downloads manifest', () => existsSync(output('manifest.json')));
  });

  it.runIf(process.platform === 'linux')('renders background editions in threads the kernel runs after this one', () => {
    // Niceness is field 19 of /proc/<pid>/task/<tid>/stat (counted after the command name).
    const niceOf = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const thisThread = readlinkSync('/proc/thread-self').split('/').pop()!;
    expect(niceOf(thisThread)).toBe(0);
    expect(readdirSync('/proc/self/task').map(niceOf)).toContain(19);
  });

  it('rebuilds only the edited leaflet (and its translations), and says what it did', async () => {
    const untouched = ['en-GB/choosing-not-to-treat.pdf', 'cy/choosing-not-to-treat.a4.pdf'].map((f) => [f, statSync(output(f)).mtimeMs] as const);
    const since = summaries.length;
    await edit('content/en-GB/support.md', 'You are not alone.', 'You are not alone, Marmalade.');
    await waitFor('the new text in the A5 PDF', async () => (await pdfText(output('en-GB/support.pdf'))).includes('Marmalade'));
    const rebuild = await rebuildFor('content/en-GB/support.md', since);
    // Translations are rebuilt too (their staleness is judged against the source); nothing else is.
    expect(rebuild.outputs.map((o) => o.file).sort()).toEqual([
      'output/cy/support.a4.pdf',
      'output/cy/support.pdf',
      'output/en-GB/support.a4.pdf',
      'output/en-GB/support.pdf',
    ]);
    expect(rebuild.outputs.filter((o) => o.locale === 'en-GB').map((o) => o.status)).toEqual(['written', 'written']);
    expect(rebuild.durationMs).toBeGreaterThan(0);
    expect(await pdfText(output('en-GB/support.a4.pdf'))).toContain('Marmalade');
    for (const [file, mtime] of untouched) expect(statSync(output(file)).mtimeMs).toBe(mtime);
  });

  it('sees an editor\'s atomic save (temporary file renamed over the leaflet) as a change to the leaflet', async () => {
    const since = summaries.length;
    const file = input('content/en-GB/support.md');
    const temporary = input('content/en-GB/sup4Xk2q');
    writeFileSync(temporary, readFileSync(file, 'utf8').replace('You are not alone', 'You are never alone'));
    await rename(temporary, file);
    await waitFor('the saved text in the A5 PDF', async () => (await pdfText(output('en-GB/support.pdf'))).includes('never alone'));
    const rebuild = await rebuildFor('content/en-GB/support.md', since);
    expect(rebuild.changedFiles).toEqual(['content/en-GB/support.md']);
  });

  it('rebuilds nothing when a save leaves the bytes as they were', async () => {
    const since = summaries.length;
    const file = input('content/en-GB/support.md');
    writeFileSync(file, readFileSync(file));
    // Give the file event time to arrive (well past the debounce), then let the session settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await session.idle();
    expect(summaries.slice(since)).toEqual([]);
    // The watcher is still alive: a real edit is rebuilt.
    await edit('content/en-GB/support.md', 'You are never alone', 'You are not alone');
    await rebuildFor('content/en-GB/support.md', since);
  });

  it('rebuilds the leaflets that use a changed partial, and no others', async () => {
    const since = summaries.length;
    await writeFile(input('templates/partials/support-options.hbs'), `## Quince questions\n\n${await readFile(input('templates/partials/support-options.hbs'), 'utf8')}`);
    const rebuild = await rebuildFor('templates/partials/support-options.hbs', since);
    expect(new Set(rebuild.outputs.map((o) => `${o.locale}/${o.leafletId}`))).toEqual(new Set(['cy/choosing-not-to-treat', 'en-GB/choosing-not-to-treat']));
    expect(await pdfText(output('en-GB/choosing-not-to-treat.pdf'))).toContain('Quince');
  });

  it('keeps the last good PDF when an edit breaks the leaflet, and rebuilds it once fixed', async () => {
    const good = await readBytes(output('en-GB/support.pdf'));
    const since = summaries.length;
    await edit('content/en-GB/support.md', /^title: .*\n/m, '');
    const broken = await rebuildFor('content/en-GB/support.md', since);
    const errors = broken.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual([expect.stringMatching(/^content\/en-GB\/support\.md:\d+:\d+  error  Missing required field "title"/)]);
    expect(broken.outputs.filter((o) => o.leafletId === 'support' && o.locale === 'en-GB').map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(await readBytes(output('en-GB/support.pdf'))).toEqual(good);

    await edit('content/en-GB/support.md', /^id: support\n/m, 'id: support\ntitle: Support for people with alopecia, Nectarine\n');
    await waitFor('the fixed leaflet rebuilt', async () => (await pdfText(output('en-GB/support.pdf'))).includes('Nectarine'));
  });

  it('ends the rebuild when a locale check fails by itself: its outputs fail with the error, the last good PDFs stay', async () => {
    const checks = LOCALE_CHECKS as Array<(typeof LOCALE_CHECKS)[number]>;
    // The earlier tests' rebuilds finished first, so the next rebuild of this file is this test's own.
    await session.idle();
    const good = await readBytes(output('en-GB/support.pdf'));
    const since = summaries.length;
    checks.push({ name: 'faulty', run: () => Promise.reject(new Error('the check broke')) });
    try {
      await edit('content/en-GB/support.md', 'You are not alone', 'You are not alone, Quince');
      const failed = await rebuildFor('content/en-GB/support.md', since);
      expect(failed.outputs.filter((o) => o.leafletId === 'support' && o.locale === 'en-GB').map((o) => o.status)).toEqual(['failed', 'failed']);
      expect(failed.diagnostics.filter((d) => d.rule === 'internal-error').map(formatDiagnostic)).toContainEqual(
        expect.stringMatching(/^locales\/en-GB  error  Internal error while running the locale:en-GB:faulty check: the check broke/),
      );
      expect(await readBytes(output('en-GB/support.pdf'))).toEqual(good);
    } finally {
      checks.pop();
    }
    await edit('content/en-GB/support.md', 'You are not alone, Quince', 'You are not alone, Quince, again');
    await waitFor('the leaflet rebuilt once the check works', async () => (await pdfText(output('en-GB/support.pdf'))).includes('Quince, again'));
  });

  it('picks up new leaflets and locales, and removes the PDFs of deleted ones', async () => {
    const support = await readFile(input('content/en-GB/support.md'), 'utf8');
    await writeFile(input('content/en-GB/new-leaflet.md'), support.replace(/^id: support$/m, 'id: new-leaflet'));
    await cp(input('locales/cy'), input('locales/ga'), { recursive: true });
    await cp(input('content/cy'), input('content/ga'), { recursive: true });
    await waitFor('the new leaflet', () => existsSync(output('en-GB/new-leaflet.pdf')) && existsSync(output('en-GB/new-leaflet.a4.pdf')));
    await waitFor('the new locale', () => existsSync(output('ga/support.pdf')) && existsSync(output('ga/choosing-not-to-treat.a4.pdf')));

    await rm(input('content/en-GB/new-leaflet.md'));
    await rm(input('content/ga'), { recursive: true });
    await waitFor('the deleted PDFs gone', () => listPdfs(outDir).every((f) => !f.includes('new-leaflet') && !f.startsWith('ga/')));
    await session.idle();
    expect(listPdfs(outDir).filter((f) => f.includes('new-leaflet') || f.startsWith('ga/'))).toEqual([]);
  });

  it('coalesces a burst of changes and ends with the outputs of a clean build', { timeout: 240_000 }, async () => {
    const since = summaries.length;
    const rounds = 12;
    for (let round = 0; round < rounds; round += 1) {
      // Like a git checkout: several files rewritten at once.
      editNow('content/en-GB/support.md', /You are not alone[^.]*\./, `You are not alone, round ${round}.`);
      editNow('content/cy/choosing-not-to-treat.md', /\n$/, `\nRownd ${round}.\n`);
      editNow('locales/cy/common.json', /"strapline": "[^"]*"/, `"strapline": "Gwybodaeth a chymorth ${round}"`);
      editNow('templates/partials/support-options.hbs', /^## [^\n]*/, `## Quince questions ${round}`);
      await new Promise((resolve) => setTimeout(resolve, round % 3 === 0 ? 40 : 0));
    }
    await edit('content/en-GB/support.md', /You are not alone[^.]*\./, 'You are not alone, Persimmon.');
    await waitFor('the last edit built', async () => (await pdfText(output('en-GB/support.pdf'))).includes('Persimmon'));
    await session.idle();

    // 49 saves in 13 checkouts: never more than one rebuild per checkout, usually far fewer.
    expect(summaries.length - since).toBeLessThanOrEqual(rounds + 1);
    const clean = path.join(root, 'clean');
    const report = await buildProject({ root, outDir: clean, editions: EDITIONS, strict: false });
    expect(report.outputs.length).toBe(8);
    expect(listPdfs(outDir)).toEqual(listPdfs(clean));
    for (const file of listPdfs(clean)) {
      expect(Buffer.compare((await readBytes(output(file)))!, (await readBytes(path.join(clean, file)))!), file).toBe(0);
    }
  });
});
