import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputWatcher } from '../../src/watch/inputWatcher.ts';
import { waitFor } from './watchHelpers.ts';

describe('input watcher', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0)) await step();
  });

  async function watching(): Promise<{ file: string; bursts: string[][] }> {
    const root = mkdtempSync(path.join(tmpdir(), 'leaflets-input-watcher-'));
    // All three input folders, as in a project: chokidar reports `ready` early when one is missing.
    for (const folder of ['content/en-GB', 'locales', 'templates']) mkdirSync(path.join(root, folder), { recursive: true });
    const file = path.join(root, 'content', 'en-GB', 'support.md');
    writeFileSync(file, 'first\n');
    // An hour old: chokidar ignores an event when the mtime equals the last one it saw and the file
    // was read since; file times tick only every few ms, so a save right after creation could match.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(file, anHourAgo, anHourAgo);
    const bursts: string[][] = [];
    const watcher = new InputWatcher({ root, debounceMs: 5, onBurst: (files) => bursts.push(files) });
    cleanup.push(() => watcher.close(), () => rmSync(root, { recursive: true, force: true }));
    await watcher.ready;
    return { file, bursts };
  }

  it('reports a changed file once per save, and a save of the same bytes not at all', async () => {
    const { file, bursts } = await watching();
    writeFileSync(file, 'second\n');
    await waitFor('the save reported', () => bursts.length === 1);
    writeFileSync(file, 'second\n');
    // Past the debounce and the second look at the file (120 ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bursts).toEqual([['content/en-GB/support.md']]);
  });

  // chokidar drops a change to a path within 50 ms of its last one.
  it('reports a second save made within 50 ms of the first one being reported', async () => {
    const { file, bursts } = await watching();
    writeFileSync(file, 'second\n');
    await waitFor('the first save reported', () => bursts.length === 1, 5_000);
    writeFileSync(file, 'third\n');
    await waitFor('the second save reported', () => bursts.length === 2, 5_000);
    expect(bursts).toEqual([['content/en-GB/support.md'], ['content/en-GB/support.md']]);
  });
});
