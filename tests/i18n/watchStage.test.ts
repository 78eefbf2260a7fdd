import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import type { RebuildSummary } from '../../src/watch/rebuildTracker.ts';
import { startWatch, type WatchSession } from '../../src/watch/watchSession.ts';
import { copyProject, readBytes, removeProject, waitFor } from '../watch/watchHelpers.ts';
import { editFile } from './projectCopy.ts';

describe('watch mode runs the translation checks', () => {
  let root: string;
  let session: WatchSession;
  const summaries: RebuildSummary[] = [];
  const output = (file: string) => path.join(root, 'output', file);
  const rebuildAfter = (since: number, file: string) =>
    waitFor(`a rebuild for ${file}`, () => summaries.slice(since).find((s) => s.changedFiles.includes(file)), 120_000);

  beforeAll(async () => {
    root = copyProject(['support']);
    session = await startWatch({ root, outDir: path.join(root, 'output'), editions: ['a5'], strict: false, workerThreads: 0, onRebuild: (s) => summaries.push(s) });
    await session.initialBuild;
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    if (root) removeProject(root);
  });

  it('a broken placeholder stops the Welsh PDF (the last good one stays) and names file, line and key; fixing it rebuilds', async () => {
    const welshBefore = await readBytes(output('cy/support.pdf'));
    expect(welshBefore).toBeDefined();

    let since = summaries.length;
    editFile(root, 'locales/cy/common.json', '"Iaith: {{language}}"', '"Iaith: {{language}"');
    const broken = await rebuildAfter(since, 'locales/cy/common.json');
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map(formatDiagnostic)).toContain(
      'locales/cy/common.json:7  error  "common:cover.language": Unclosed {{ … }}: "{{language}" has no closing }} — copy everything in {{ }} exactly as it is in the English  broken-placeholder',
    );
    expect(broken.outputs.find((o) => o.file === 'output/cy/support.pdf')?.status).toBe('failed');
    expect(await readBytes(output('cy/support.pdf'))).toEqual(welshBefore);

    since = summaries.length;
    editFile(root, 'locales/cy/common.json', '"Iaith: {{language}"', '"Iaith (wedi newid): {{language}}"');
    const fixed = await rebuildAfter(since, 'locales/cy/common.json');
    expect(fixed.ok).toBe(true);
    expect(fixed.outputs.find((o) => o.file === 'output/cy/support.pdf')?.status).toBe('written');
  }, 300_000);
});
