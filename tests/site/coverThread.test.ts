import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfProject } from '../support/projectCopy.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

const run = promisify(execFile);

describe('cover thumbnails', () => {
  const root = copyOfProject(['support'], 'leaflets-cover-thread-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // pdf.js's Node build replaces built-ins such as JSON.stringify with core-js versions, which
  // made every later render in the same thread about 40% slower.
  it('are drawn by pdf.js in a thread of their own, leaving the rendering thread\'s built-ins alone', async () => {
    const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, 'bin/run-ts.js'), path.join(PROJECT_ROOT, 'tests/support/buildReportingBuiltins.ts'), root]);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report).toMatchObject({ ok: true, nativeJsonStringify: true, nativeArrayPush: true });
    expect(report.written).toBeGreaterThan(0);
    for (const locale of ['en-GB', 'cy']) {
      const png = readFileSync(path.join(root, 'output', locale, 'support.cover.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});
