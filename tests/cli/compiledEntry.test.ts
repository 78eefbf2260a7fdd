import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceState } from '../../src/build/sourceState.mjs';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/**
 * bin/leaflets.js runs dist/ only while it was compiled from the src/ that is there now: a
 * developer who edits src/ and runs `node bin/leaflets.js` gets their edit, never a stale dist/.
 * A miniature tool: the real bin/, a src/ and a dist/ whose entry points say which ran.
 */
describe('the command entry point', () => {
  let tool: string;
  const run = () => {
    const result = { stdout: '', stderr: '' };
    try {
      result.stdout = execFileSync(process.execPath, [path.join(tool, 'bin/leaflets.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw new Error(String((error as { stderr?: string }).stderr ?? error));
    }
    return result.stdout.trim();
  };
  const stamp = () => {
    const state = sourceState(path.join(tool, 'src'));
    writeFileSync(path.join(tool, 'dist/.compiled.json'), JSON.stringify({ count: state.count, bytes: state.bytes, newestMs: state.newestMs }));
  };
  /** Writes a file under the miniature tool, changed after dist/ was stamped. */
  const writeLater = (file: string, text: string) => {
    const later = new Date(Date.now() + 5_000);
    writeFileSync(path.join(tool, file), text);
    utimesSync(path.join(tool, file), later, later);
  };

  beforeAll(() => {
    tool = mkdtempSync(path.join(tmpdir(), 'leaflets-entry-'));
    cpSync(path.join(PROJECT_ROOT, 'bin'), path.join(tool, 'bin'), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'tsconfig.json'), path.join(tool, 'tsconfig.json'));
    // bin/ registers the layout memo's module hook from src/ before it picks src/ or dist/.
    cpSync(path.join(PROJECT_ROOT, 'src/render/perf'), path.join(tool, 'src/render/perf'), { recursive: true });
    // ...and reads src/ through src/build/sourceState.mjs.
    cpSync(path.join(PROJECT_ROOT, 'src/build/sourceState.mjs'), path.join(tool, 'src/build/sourceState.mjs'));
    writeFileSync(path.join(tool, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(tool, 'node_modules'), 'dir');
    mkdirSync(path.join(tool, 'src/cli'), { recursive: true });
    mkdirSync(path.join(tool, 'dist/cli'), { recursive: true });
    writeFileSync(path.join(tool, 'src/cli/main.ts'), "export async function main(): Promise<number> {\n  console.log('from src');\n  return 0;\n}\n");
    writeFileSync(path.join(tool, 'dist/cli/main.js'), "export async function main() {\n  console.log('from dist');\n  return 0;\n}\n");
  });
  afterAll(() => rmSync(tool, { recursive: true, force: true }));

  it('runs the compiled code while src/ is as it was compiled', () => {
    stamp();
    expect(run()).toBe('from dist');
  });

  it('runs the sources once a source file changed after compiling', () => {
    stamp();
    writeLater('src/cli/main.ts', "export async function main(): Promise<number> {\n  console.log('from src');\n  return 0;\n}\n// edited\n");
    expect(run()).toBe('from src');
  });

  it('runs the sources when a source file was added or removed', () => {
    stamp();
    writeFileSync(path.join(tool, 'src/cli/extra.ts'), 'export {};\n');
    expect(run()).toBe('from src');
    rmSync(path.join(tool, 'src/cli/extra.ts'));
    expect(run()).toBe('from dist');
  });

  it('keeps running the compiled code when only a note beside the sources (a README) changed', () => {
    stamp();
    writeLater('src/cli/README.md', '# Notes on the command line\n');
    expect(run()).toBe('from dist');
    rmSync(path.join(tool, 'src/cli/README.md'));
  });

  it('runs the sources when nothing was compiled', () => {
    rmSync(path.join(tool, 'dist/.compiled.json'));
    expect(run()).toBe('from src');
  });
});
