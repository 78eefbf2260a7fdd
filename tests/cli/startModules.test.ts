import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfProject, runCli } from '../support/projectCopy.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/**
 * `leaflets --help` (and every command before it runs) loads only the command line, and a build
 * with nothing changed loads nothing that compiles, renders or reads PDFs: those packages load
 * when a command needs them. One static import of the manifest from the reporter once made
 * `--help` take 0.9 s instead of 0.2 s, and the manifest's import of the compiler made a build
 * with nothing changed load Handlebars, unified and micromark (1.1 s instead of 0.7 s).
 */
describe('starting the command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The packages the command resolves while it runs with `args`, and how it ended. */
  function packagesLoadedBy(args: string[]) {
    const hook = path.join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      "export async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  process.stderr.write(`resolved ${resolved.url}\\n`);\n  return resolved;\n}\n",
    );
    const register = path.join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(PROJECT_ROOT, 'bin/leaflets.js'), ...args], { encoding: 'utf8' });
    const packages = new Set([...run.stderr.matchAll(/^resolved .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!));
    return { status: run.status, stdout: run.stdout, packages };
  }
  const compilerAndRenderer = ['pdf-lib', 'pdfkit', 'fontkit', '@react-pdf/renderer', '@react-pdf/layout', 'react', 'unified', 'remark-parse', 'micromark', 'handlebars', 'gray-matter', 'pdfjs-dist'];

  it('loads no compiler, renderer, PDF, schema or translation package for --help', () => {
    const { status, stdout, packages } = packagesLoadedBy(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Usage: leaflets/);
    expect(packages.has('commander')).toBe(true);
    expect([...compilerAndRenderer, 'zod', 'i18next'].filter((name) => packages.has(name))).toEqual([]);
  });

  it('loads no compiler, renderer or PDF package for a build with nothing changed', { timeout: 120_000 }, async () => {
    const root = copyOfProject(['support'], 'leaflets-start-project-');
    try {
      const first = await runCli(['--root', root, 'build', '--locale', 'en-GB', '--edition', 'a5']);
      expect(first.code).toBe(0);
      const { status, stdout, packages } = packagesLoadedBy(['--root', root, 'build', '--locale', 'en-GB', '--edition', 'a5']);
      expect(status).toBe(0);
      expect(stdout).toMatch(/0 rendered/);
      expect(compilerAndRenderer.filter((name) => packages.has(name))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
