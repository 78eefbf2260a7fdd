import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWatch } from '../../src/watch/watchSession.ts';
import { copyProject, pdfText, removeProject, waitFor } from './watchHelpers.ts';

describe('a save a background thread reads before this thread has processed it', () => {
  it('is still rebuilt: every edition ends with the text of the last save', async () => {
    const root = copyProject(['support']);
    const outDir = path.join(root, 'output');
    const leaflet = path.join(root, 'content/en-GB/support.md');
    const original = readFileSync(leaflet, 'utf8');
    const saved = (words: string) => original.replace('You are not alone.', `You are not alone, ${words}.`);
    let secondSave: (() => void) | undefined;
    let firstEditionsDone = 0;
    const session = await startWatch({
      root,
      outDir,
      editions: ['a5', 'booklet'],
      strict: false,
      workerThreads: 1,
      // Long enough that the background job of the first save finishes before the second save's burst is read.
      debounceMs: 2_000,
      onJobDone: (job) => {
        // The first save's A5 is rendered twice (at once with its last fit, then re-fitted in
        // the background), both from the first save. After the second, before the booklet
        // starts in the background thread, the second save lands: the booklet reads it from disk.
        if (job.locale !== 'en-GB' || job.edition !== 'a5' || !secondSave) return;
        firstEditionsDone += 1;
        if (firstEditionsDone < 2) return;
        const save = secondSave;
        secondSave = undefined;
        save();
      },
    });
    try {
      await session.initialBuild;
      secondSave = () => writeFileSync(leaflet, saved('Quince'));
      writeFileSync(leaflet, saved('Damson'));
      await waitFor('the second save in the A5 PDF', async () => (await pdfText(path.join(outDir, 'en-GB/support.pdf'))).includes('Quince'), 60_000);
      await session.idle();
      expect(await pdfText(path.join(outDir, 'en-GB/support.booklet.pdf'))).toContain('Quince');
    } finally {
      await session.close();
      removeProject(root);
    }
  }, 180_000);
});
