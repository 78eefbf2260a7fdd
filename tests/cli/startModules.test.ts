import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/**
 * `leaflets --help` (and every command before it runs) loads only the command line: the
 * packages that compile, render or read PDFs load when a command needs them. One static import
 * of the manifest from the reporter once made `--help` take 0.9 s instead of 0.2 s.
 */
describe('starting the command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads no compiler, renderer, PDF or schema package for --help', () => {
    const hook = path.join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      "export async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  process.stderr.write(`resolved ${resolved.url}\\n`);\n  return resolved;\n}\n",
    );
    const register = path.join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(PROJECT_ROOT, 'bin/leaflets.js'), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: leaflets/);
    const packages = new Set(
      [...run.stderr.matchAll(/^resolved .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!),
    );
    expect(packages.has('commander')).toBe(true);
    const heavy = ['pdf-lib', 'zod', 'pdfkit', 'fontkit', '@react-pdf/renderer', '@react-pdf/layout', 'react', 'unified', 'remark-parse', 'handlebars', 'i18next', 'gray-matter', 'pdfjs-dist'];
    expect(heavy.filter((name) => packages.has(name))).toEqual([]);
  });
});
