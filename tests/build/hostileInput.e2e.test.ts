import { readdirSync, readFileSync, writeFileSync, cpSync, mkdirSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copiesOfOneBuild, copyOfProject, runCli } from '../support/projectCopy.ts';
import { leafletCases, STACK_TRACE, writeCase, type HostileCase } from '../support/hostileInput.ts';

/** `file:line:column  severity  message  rule` lines of the normal (text) output. */
function diagnosticLines(stdout: string): Array<{ file: string; line?: number; rule: string; text: string }> {
  return stdout.split('\n').flatMap((text) => {
    const match = /^(\S+?)(?::(\d+))?(?::\d+)?  (?:error|warning)  .*  ([a-z0-9-]+)$/.exec(text);
    return match ? [{ file: match[1]!, ...(match[2] ? { line: Number(match[2]) } : {}), rule: match[3]!, text }] : [];
  });
}

/** Every PDF under the output folder, by path, as bytes. */
function pdfsIn(out: string): Map<string, Buffer> {
  const files = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }) : [];
  return new Map(files.filter((file) => file.endsWith('.pdf')).map((file) => [file, readFileSync(path.join(out, file))]));
}

const EDITIONS = ['--edition', 'a5', 'print-shop'];

/** The project with the support leaflet only, built once for this file (the last good PDFs); each describe breaks a copy. */
const copyOfBuiltSupport = copiesOfOneBuild(EDITIONS, ['support']);

function expectReported(run: { stdout: string }, hostile: Pick<HostileCase, 'name' | 'file' | 'rule' | 'line'>): void {
  const found = diagnosticLines(run.stdout).filter((d) => d.file === hostile.file && d.rule === hostile.rule);
  expect(found, `${hostile.name}: no ${hostile.rule} diagnostic naming ${hostile.file}`).not.toEqual([]);
  if (hostile.line !== undefined) expect(found.map((d) => d.line), hostile.name).toContain(hostile.line);
}

describe('hostile leaflets: each fails alone, with its own diagnostic', () => {
  const cases = leafletCases();
  let root: string;
  let before: Map<string, Buffer>;
  let run: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    root = await copyOfBuiltSupport();
    before = pdfsIn(path.join(root, 'output'));
    for (const hostile of cases) writeCase(root, hostile.files);
    run = await runCli(['--root', root, 'build', ...EDITIONS]);
  }, 600_000);

  it('exits 1 without a stack trace', () => {
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).toBe('');
  });

  it.each(cases.map((hostile) => [hostile.name, hostile] as const))('%s: a diagnostic names the file, line and rule', (_name, hostile) => {
    expectReported(run, hostile);
  });

  it('writes no PDF for a hostile leaflet, and leaves every other PDF byte-identical', () => {
    const after = pdfsIn(path.join(root, 'output'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  });

  it('never prints a file from outside the project', () => {
    expect(run.stdout).not.toMatch(/root:x:0:0/);
  });
});

describe('hostile locales and locale folders: each stops only its own locale', () => {
  let root: string;
  let before: Map<string, Buffer>;
  let run: { code: number; stdout: string; stderr: string };
  const locale = (name: string, common: string | Buffer) => {
    cpSync(path.join(root, 'content/cy'), path.join(root, 'content', name), { recursive: true });
    cpSync(path.join(root, 'locales/cy'), path.join(root, 'locales', name), { recursive: true });
    writeFileSync(path.join(root, 'locales', name, 'common.json'), common);
  };
  beforeAll(async () => {
    root = await copyOfBuiltSupport();
    before = pdfsIn(path.join(root, 'output'));
    const welsh = readFileSync(path.join(root, 'locales/cy/common.json'), 'utf8');
    locale('pl', welsh.replace(/"strapline": "[^"]*"/, '"strapline": 42'));
    locale('de', `{"deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    locale('fr', Buffer.concat([Buffer.from('{"strapline": "Caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    locale('es', welsh.replace(/"strapline": "[^"]*"/, '"strapline": {"a": "b"}'));
    cpSync(path.join(root, 'content/cy'), path.join(root, 'content/CY'), { recursive: true });
    mkdirSync(path.join(root, 'content/xx_YY'));
    writeFileSync(path.join(root, 'content/xx_YY/support.md'), readFileSync(path.join(root, 'content/cy/support.md')));
    run = await runCli(['--root', root, 'build', ...EDITIONS]);
  }, 600_000);

  it('exits 1 without a stack trace', () => {
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['a number as a string value', 'locales/pl/common.json', 'locale-value'],
    ['JSON nested 10,000 deep', 'locales/de/common.json', 'nesting-limit'],
    ['invalid UTF-8 in strings', 'locales/fr/common.json', 'invalid-utf8'],
    ['a group where English has one string', 'locales/es/common.json', 'locale-value'],
    ['folders that differ only in case', 'content/CY', 'locale-case'],
    ['a folder that is not a language tag', 'content/xx_YY', 'bad-locale'],
  ])('%s: a diagnostic names %s', (name, file, rule) => {
    expectReported(run, { name, file, rule });
  });

  it('builds nothing for the broken locales, and leaves en-GB and cy byte-identical', () => {
    const after = pdfsIn(path.join(root, 'output'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  });
});

describe('a hostile brand file stops the build and names templates/brand.yaml', () => {
  it('logo: /etc/passwd and a font that is not a font: exit 1, both named at their lines, every PDF unchanged', async () => {
    const root = await copyOfBuiltSupport();
    const before = pdfsIn(path.join(root, 'output'));
    const brandFile = path.join(root, 'templates/brand.yaml');
    writeFileSync(path.join(root, 'templates/assets/not-a-font.ttf'), 'This is not a font.\n');
    const brand = readFileSync(brandFile, 'utf8')
      .replace('path: assets/logo.png', 'path: /etc/passwd')
      .replace(/bold: npm:@expo-google-fonts\/atkinson-hyperlegible-next\/700Bold\/AtkinsonHyperlegibleNext_700Bold.ttf/, 'bold: assets/not-a-font.ttf');
    writeFileSync(brandFile, brand);
    const run = await runCli(['--root', root, 'build', '--edition', 'a5', '--locale', 'en-GB']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).not.toMatch(/root:x:0:0/);
    const lines = diagnosticLines(run.stdout).filter((d) => d.file === 'templates/brand.yaml');
    const line = (needle: string) => brand.split('\n').findIndex((text) => text.includes(needle)) + 1;
    expect(lines.find((d) => d.line === line('path: /etc/passwd'))?.rule).toBe('outside-project');
    expect(lines.find((d) => d.line === line('bold: assets/not-a-font.ttf'))?.rule).toBe('bad-font');
    const after = pdfsIn(path.join(root, 'output'));
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  }, 300_000);
});

describe('i18n commands never leave the project and never crash on bad names', () => {
  it('mark-translated refuses a locale that is a path, and writes nothing outside', async () => {
    const root = copyOfProject(['support']);
    const outside = mkdtempSync(path.join(tmpdir(), 'leaflets-outside-'));
    mkdirSync(path.join(outside, 'loc'));
    const victim = path.join(outside, 'loc/support.md');
    const text = readFileSync(path.join(root, 'content/cy/support.md'), 'utf8');
    writeFileSync(victim, text);
    const relativeLocale = path.relative(path.join(root, 'content'), path.join(outside, 'loc'));
    const run = await runCli(['--root', root, 'i18n', 'mark-translated', relativeLocale, 'support']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).toMatch(/bad-locale/);
    expect(readFileSync(victim, 'utf8')).toBe(text);
  });

  it('mark-translated refuses a translation that is a symlink out of the project', async () => {
    const root = copyOfProject(['support']);
    const outside = mkdtempSync(path.join(tmpdir(), 'leaflets-outside-'));
    const victim = path.join(outside, 'support.md');
    const text = readFileSync(path.join(root, 'content/cy/support.md'), 'utf8');
    writeFileSync(victim, text);
    writeCase(root, { 'content/pl/support.md': { symlink: victim } });
    const run = await runCli(['--root', root, 'i18n', 'mark-translated', 'pl', 'support']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/content\/pl\/support\.md.*outside-project/);
    expect(readFileSync(victim, 'utf8')).toBe(text);
  });

  it.each([['status'], ['check']])('i18n %s reports an invalid locale folder and --locale ../x, exit 1, no stack trace', async (command) => {
    const root = copyOfProject(['support']);
    mkdirSync(path.join(root, 'locales/xx_YY'));
    writeFileSync(path.join(root, 'locales/xx_YY/common.json'), '{}');
    const run = await runCli(['--root', root, 'i18n', command!, '--locale', '../x', 'cy']);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/locales\/xx_YY .*bad-locale/);
    expect(run.stdout).toMatch(/"\.\.\/x" is not a locale/);
  });
});
