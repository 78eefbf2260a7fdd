import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/** Loads the renderer in a fresh process as the CLI does, after `before` (a script) has run; its stderr. */
function loadRendererAfter(before: string): { status: number | null; stderr: string } {
  const loader = pathToFileURL(path.join(PROJECT_ROOT, 'src/render/loadRenderer.ts')).href;
  const script = `${before}\nconst { loadRenderer } = await import(${JSON.stringify(loader)});\nawait loadRenderer();\nconsole.log('shim', globalThis[Symbol.for('leaflets.textkitShim')] === true);`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: run.status, stderr: `${run.stdout}\n${run.stderr}` };
}

describe('loading the renderer', () => {
  it('registers the layout memos\' hook first, so react-pdf\'s layout reads textkit through the memo\'s shim', { timeout: 60_000 }, () => {
    const run = loadRendererAfter('');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/shim true/);
    expect(run.stderr).not.toMatch(/LEAFLETS_NO_LAYOUT_MEMO_HOOK/);
  });

  it('says so when react-pdf was loaded before it, and renders without the memos', { timeout: 60_000 }, () => {
    const run = loadRendererAfter("await import('@react-pdf/renderer');");
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/shim false/);
    expect(run.stderr).toMatch(/LEAFLETS_NO_LAYOUT_MEMO_HOOK.*layout memos/);
  });
});
