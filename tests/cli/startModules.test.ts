import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  /** The packages the command resolves while it runs with `args`, every resolution in order (`url from parent`), and how it ended. */
  function packagesLoadedBy(args: string[]) {
    const hook = path.join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      "export async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  process.stderr.write(`resolved ${resolved.url} from ${context.parentURL}\\n`);\n  return resolved;\n}\n",
    );
    const register = path.join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(PROJECT_ROOT, 'bin/leaflets.js'), ...args], { encoding: 'utf8' });
    const packages = new Set([...run.stderr.matchAll(/^resolved \S*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!));
    const resolutions = [...run.stderr.matchAll(/^resolved (\S+) from (\S+)$/gm)].map((match) => ({ url: match[1]!, parent: match[2]! }));
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, packages, resolutions };
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

  it('registers the layout memos\' module hook only for a build that renders, after the command\'s own modules', { timeout: 120_000 }, () => {
    const root = copyOfProject(['support'], 'leaflets-start-hook-');
    const args = ['--root', root, 'build', '--locale', 'en-GB', '--edition', 'a5'];
    const isHook = ({ url }: { url: string }) => url.endsWith('/render/perf/reactPdfResolveHook.mjs');
    try {
      // Every import resolved after the hook is registered waits on the hook's thread: a build
      // that stops at a compile error renders nothing and must not pay for it.
      const file = path.join(root, 'content/en-GB/support.md');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/^version: .*$/m, 'version: [unclosed'));
      const failing = packagesLoadedBy(args);
      expect(failing.status).toBe(1);
      expect(failing.resolutions.filter(isHook)).toEqual([]);
      expect(['@react-pdf/layout', '@react-pdf/renderer'].filter((name) => failing.packages.has(name))).toEqual([]);

      writeFileSync(file, text);
      const rendering = packagesLoadedBy(args);
      expect(rendering.status).toBe(0);
      expect(rendering.stdout).toMatch(/1 rendered/);
      const registeredAt = rendering.resolutions.findIndex(isHook);
      expect(registeredAt).toBeGreaterThan(0);
      // The command, its schemas and compiler load before it; mostly react-pdf and the renderer after.
      const zodAt = rendering.resolutions.findIndex(({ url }) => url.includes('/node_modules/zod/'));
      expect(zodAt).toBeGreaterThanOrEqual(0);
      expect(zodAt).toBeLessThan(registeredAt);
      expect(rendering.resolutions.length - registeredAt).toBeLessThan(rendering.resolutions.length / 3);
      // And the layout reached textkit through the memo's shim, so nothing rendered without it.
      expect(rendering.resolutions.some(({ url, parent }) => url.includes('/@react-pdf/textkit/') && parent.endsWith('/render/perf/textkitShim.mjs'))).toBe(true);
      expect(rendering.stderr).not.toMatch(/LEAFLETS_NO_LAYOUT_MEMO_HOOK/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
