import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, defaultCacheDir } from '../../src/build/buildProject.ts';
import { OutputCache } from '../../src/build/cache/outputCache.ts';
import { tempProject } from '../fixtures/tempProject.ts';
import { copyOfProject, runCli } from '../support/projectCopy.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { removeProject } from '../watch/watchHelpers.ts';

/** Every file under a folder (relative path -> bytes), shard notes left out. */
function filesUnder(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const absolute = path.join(dir, name);
    if (statSync(absolute).isFile() && name !== 'shard.json') found.set(name.split(path.sep).join('/'), readFileSync(absolute));
  }
  return found;
}

const cacheEntries = (root: string) =>
  readdirSync(path.join(defaultCacheDir(root), 'objects'), { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(defaultCacheDir(root), 'objects', name))
    .filter((file) => statSync(file).isFile());

describe('the build core', () => {
  let root: string;
  const out = () => path.join(root, 'output');
  const build = () => buildProject({ root, outDir: out(), editions: ['a5', 'booklet'], strict: false, jobs: 1 });

  beforeAll(async () => {
    root = copyOfProject(['support'], 'leaflets-core-');
    const first = await build();
    expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
    expect(first.rendered).toBe(4);
  }, 300_000);
  afterAll(() => removeProject(root));

  it('renders and writes nothing when nothing changed, and reports the same warnings', async () => {
    const before = filesUnder(out());
    const mtimes = [...before.keys()].map((file) => statSync(path.join(out(), file)).mtimeMs);
    const first = await build();
    const again = await build();
    expect(again.rendered).toBe(0);
    expect(again.outputs.every((o) => o.status === 'unchanged' && o.via === 'kept')).toBe(true);
    expect([...before.keys()].map((file) => statSync(path.join(out(), file)).mtimeMs)).toEqual(mtimes);
    expect(again.diagnostics).toEqual(first.diagnostics);
  });

  it('keeps each language its own PDF: English and Welsh read each other (for "Also available in") but never share a cache entry', async () => {
    const coverOf = async (locale: string) => (await pageText(await openPdf(path.join(out(), locale, 'support.pdf')), 1)).text;
    expect(await coverOf('en-GB')).toContain('Information and support for people with alopecia');
    expect(await coverOf('cy')).toContain('Gwybodaeth a chymorth i bobl ag alopecia');
  });

  it('restores a deleted PDF from the cache, byte for byte, without rendering', async () => {
    const file = path.join(out(), 'cy', 'support.pdf');
    const bytes = readFileSync(file);
    writeFileSync(file, 'damaged');
    const report = await build();
    expect(report.rendered).toBe(0);
    expect(report.outputs.find((o) => o.file.endsWith('cy/support.pdf'))?.via).toBe('cache');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('ignores a corrupt cache entry: the output is rendered again, identical', async () => {
    const file = path.join(out(), 'en-GB', 'support.pdf');
    const bytes = readFileSync(file);
    for (const entry of cacheEntries(root)) {
      const data = readFileSync(entry);
      data[data.length - 10] = data[data.length - 10]! ^ 0xff;
      writeFileSync(entry, data);
    }
    writeFileSync(file, '');
    const report = await build();
    expect(report.outputs.find((o) => o.file.endsWith('en-GB/support.pdf'))?.via).toBe('render');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('removes temporary files its own writes left behind, and nothing else', async () => {
    mkdirSync(path.join(out(), 'cy'), { recursive: true });
    writeFileSync(path.join(out(), 'cy', '.support.pdf.0123456789ab.tmp'), '');
    writeFileSync(path.join(out(), 'notes.tmp'), 'kept');
    await build();
    expect(existsSync(path.join(out(), 'cy', '.support.pdf.0123456789ab.tmp'))).toBe(false);
    expect(existsSync(path.join(out(), 'notes.tmp'))).toBe(true);
  });
});

describe('the output cache', () => {
  it('drops the least recently used entries past its size bound', async () => {
    const root = tempProject({});
    try {
      const cache = new OutputCache(path.join(root, 'cache'), 3000);
      const entry = (n: number) => ({ bytes: Buffer.alloc(900, n), pages: 1, diagnostics: [], meta: { n } });
      for (const key of ['a1', 'b2', 'c3']) {
        await cache.put(key.repeat(32), entry(key.charCodeAt(0)));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await cache.get('a1'.repeat(32))).toBeDefined(); // a1 is now the most recently used
      await new Promise((resolve) => setTimeout(resolve, 20));
      await cache.put('d4'.repeat(32), entry(4));
      await cache.prune();
      expect(await cache.get('b2'.repeat(32))).toBeUndefined();
      expect((await cache.get('a1'.repeat(32)))?.meta).toEqual({ n: 'a'.charCodeAt(0) });
      expect(await cache.get('d4'.repeat(32))).toBeDefined();
    } finally {
      removeProject(root);
    }
  });
});

describe('the command line', () => {
  let root: string;
  beforeAll(() => {
    root = copyOfProject(['support'], 'leaflets-cli-');
  });
  afterAll(() => removeProject(root));

  it('refuses an unknown leaflet or locale, listing what exists (exit 2)', async () => {
    const leaflet = await runCli(['--root', root, 'build', '--leaflet', 'nope']);
    expect(leaflet.code).toBe(2);
    expect(leaflet.stderr).toMatch(/unknown --leaflet "nope"\. Leaflets: support/);
    const locale = await runCli(['--root', root, 'build', '--locale', 'xx-YY']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toMatch(/unknown --locale "xx-YY"\. Locales: cy, en-GB, en-XA/);
    const path = await runCli(['--root', root, 'build', '--locale', '../../tmp/x']);
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/not a BCP 47 language tag/);
    expect(existsSync(`${root}/output`)).toBe(false);
  });

  it('turns an exception in one leaflet into an internal-error diagnostic naming it; the others still build (exit 1)', { timeout: 300_000 }, async () => {
    const deep = copyOfProject(['support'], 'leaflets-guard-');
    try {
      // Valid front matter; a body nested deeper than the Markdown tooling's recursion can go,
      // past a nesting limit raised that far in the brand file (the limit would refuse it first).
      const brandFile = path.join(deep, 'templates/brand.yaml');
      const brandText = readFileSync(brandFile, 'utf8');
      expect(brandText).toMatch(/^ {2}markdownDepth: \d+/m);
      writeFileSync(brandFile, brandText.replace(/^ {2}markdownDepth: \d+/m, '  markdownDepth: 100000'));
      const support = readFileSync(path.join(deep, 'content/en-GB/support.md'), 'utf8');
      const frontMatter = support.slice(0, support.indexOf('\n---', 3) + 4).replace(/^id: support$/m, 'id: deep');
      writeFileSync(path.join(deep, 'content/en-GB/deep.md'), `${frontMatter}\n${'> '.repeat(20_000)}x\n`);
      const run = await runCli(['--root', deep, 'build', '--edition', 'a5', '--locale', 'en-GB', '--jobs', '1']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/content\/en-GB\/deep\.md(:\d+)?  error  Internal error while [^\n]+internal-error/);
      expect(run.stdout).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(deep, 'output/en-GB/support.pdf'))).toBe(true);
      const verbose = await runCli(['--root', deep, '--verbose', 'build', '--edition', 'a5', '--locale', 'en-GB', '--jobs', '1']);
      expect(verbose.stdout).toMatch(/^\s+at /m);
    } finally {
      removeProject(deep);
    }
  });

  it('builds shards that merge into exactly what one build writes', async () => {
    const one = await runCli(['--root', root, 'build', '--edition', 'a5', 'booklet', '--out', 'one', '--no-cache', '--jobs', '1']);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    // A full build records each leaflet's cost; the shards all plan from that same table. It
    // renders on two threads (this one and a worker), and writes the same bytes as one thread.
    expect((await runCli(['--root', root, 'build', '--edition', 'a5', 'booklet', '--out', 'warm', '--jobs', '2'])).code).toBe(0);
    for (const shard of ['1/2', '2/2']) {
      const run = await runCli(['--root', root, 'build', '--edition', 'a5', 'booklet', '--shard', shard, '--out', `shard-${shard[0]}`]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    }
    const shardFiles = [filesUnder(path.join(root, 'shard-1')), filesUnder(path.join(root, 'shard-2'))];
    // Each shard built a disjoint part, and no website.
    expect(shardFiles.every((files) => files.size > 0 && ![...files.keys()].includes('manifest.json'))).toBe(true);
    const incomplete = await runCli(['--root', root, 'merge', 'shard-1', '--out', 'merged']);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(/missing: 2/);
    const merge = await runCli(['--root', root, 'merge', 'shard-1', 'shard-2', '--out', 'merged']);
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    const expected = filesUnder(path.join(root, 'one'));
    const twoThreads = filesUnder(path.join(root, 'warm'));
    expect([...twoThreads.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(twoThreads.get(file)!.equals(bytes), `${file} on two threads`).toBe(true);
    const merged = filesUnder(path.join(root, 'merged'));
    expect([...merged.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(merged.get(file)!.equals(bytes), file).toBe(true);
  }, 300_000);
});
