import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocaleJson } from '../../src/load/localeJson.ts';
import { checkProjectPath, readProjectText } from '../../src/load/projectFiles.ts';
import { limitsSchema, projectLimits } from '../../src/load/limits.ts';
import { listDirectory } from '../../src/load/listDirectory.ts';
import { loadLeafletSources, parseLeafletSource } from '../../src/load/content.ts';
import { firstInvalidByte } from '../../src/load/utf8.ts';
import { tempProject } from '../fixtures/tempProject.ts';

const read = (root: string, file: string, maxBytes = 1024 * 1024) =>
  readProjectText({ root, absolute: join(root, file), maxBytes, limit: 'markdownFileSize', what: 'Markdown file', source: 'load' });

describe('the project boundary', () => {
  it('follows symlinks: one inside the project is read, one leading out is refused without reading it', () => {
    const root = tempProject({ 'content/en-GB/real.md': 'inside' });
    symlinkSync(join(root, 'content/en-GB/real.md'), join(root, 'content/en-GB/alias.md'));
    symlinkSync('/etc/passwd', join(root, 'content/en-GB/passwd.md'));
    expect(read(root, 'content/en-GB/alias.md').text).toBe('inside');
    const refused = read(root, 'content/en-GB/passwd.md');
    expect(refused.text).toBeUndefined();
    expect(refused.diagnostics).toEqual([expect.objectContaining({ file: 'content/en-GB/passwd.md', rule: 'outside-project' })]);
    expect(JSON.stringify(refused.diagnostics)).not.toMatch(/root:|\/etc\/passwd/);
  });

  it('refuses a folder linked out of the project, a broken link and a pipe-like non-file', () => {
    const root = tempProject({});
    symlinkSync('/etc', join(root, 'content/linked'));
    symlinkSync(join(root, 'nowhere'), join(root, 'content/en-GB/broken.md'));
    expect(checkProjectPath(root, join(root, 'content/linked/passwd'))).toMatchObject({ ok: false, rule: 'outside-project' });
    expect(checkProjectPath(root, join(root, 'content/en-GB/broken.md'))).toMatchObject({ ok: false, rule: 'missing-file' });
    expect(checkProjectPath(root, join(root, 'content/en-GB'))).toMatchObject({ ok: false, rule: 'not-a-file' });
  });

  it('lists symlinked files so they are checked, not skipped', async () => {
    const root = tempProject({});
    symlinkSync('/etc/passwd', join(root, 'content/en-GB/passwd.md'));
    expect(await listDirectory(join(root, 'content/en-GB'), 'file')).toContain('passwd.md');
    const { diagnostics } = await loadLeafletSources(root);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'content/en-GB/passwd.md', rule: 'outside-project' })]);
  });
});

describe('size limits and text encoding', () => {
  it('refuses a file over its limit before reading it, naming the file and the limit', () => {
    const root = tempProject({ 'content/en-GB/big.md': 'x'.repeat(3000) });
    const { diagnostics } = read(root, 'content/en-GB/big.md', 2048);
    expect(diagnostics[0]).toMatchObject({ file: 'content/en-GB/big.md', rule: 'file-too-large' });
    expect(diagnostics[0]?.message).toContain('over the 2 KB limit');
    expect(diagnostics[0]?.note).toContain('limits.markdownFileSize');
  });

  it('reports the line and column of the first byte that is not UTF-8', () => {
    const root = tempProject({});
    writeFileSync(join(root, 'content/en-GB/latin1.md'), Buffer.concat([Buffer.from('line one\nCaf'), Buffer.from([0xe9]), Buffer.from('!\n')]));
    expect(read(root, 'content/en-GB/latin1.md').diagnostics[0]).toMatchObject({ line: 2, column: 4, rule: 'invalid-utf8' });
    expect(firstInvalidByte(Buffer.from([0x61, 0xc3, 0xa9, 0xed, 0xa0, 0x80]))).toBe(3);
    expect(firstInvalidByte(Buffer.from('ŵ ŷ €', 'utf8'))).toBe(-1);
  });

  it('takes limits from templates/brand.yaml, with sizes written as KB or MB', () => {
    expect(limitsSchema.parse({ markdownFileSize: '2 MB', imageFileSize: '500 KB' })).toMatchObject({ markdownFileSize: 2 * 1024 * 1024, imageFileSize: 500 * 1024, pages: 64 });
    const root = tempProject({});
    writeFileSync(join(root, 'templates/brand.yaml'), `${'x: 1\n'}limits:\n  pages: 12\n  markdownFileSize: 4 KB\n`);
    expect(projectLimits(root)).toMatchObject({ pages: 12, markdownFileSize: 4096, tableColumns: 6 });
  });
});

describe('YAML and JSON that would exhaust a parser', () => {
  const place = { id: 'x', locale: 'en-GB', file: 'content/en-GB/x.md', absPath: '/x/x.md' };
  it('refuses an alias bomb in front matter with a named diagnostic, not an exception', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const { diagnostics } = parseLeafletSource(`---\n${bomb}\n---\nText\n`, place);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'content/en-GB/x.md', rule: 'yaml-aliases' })]);
  });

  it('refuses YAML and JSON nested 10,000 deep before parsing', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(parseLeafletSource(`---\nid: x\nlist: ${deep}\n---\n`, place).diagnostics[0]).toMatchObject({ line: 3, rule: 'nesting-limit' });
    expect(parseLocaleJson(`{\n"a": ${deep}}`, 'locales/pl/common.json').diagnostics[0]).toMatchObject({ file: 'locales/pl/common.json', line: 2, rule: 'nesting-limit' });
  });

  it('does not count brackets inside strings or comments', () => {
    const quoted = `{"a": "${'['.repeat(100)}"}`;
    expect(parseLocaleJson(quoted, 'f.json').diagnostics).toEqual([]);
    expect(parseLeafletSource(`---\nid: x\ntitle: "${'['.repeat(50)}" # ${'{'.repeat(50)}\n---\n`, place).diagnostics.map((d) => d.rule)).not.toContain('nesting-limit');
  });
});

describe('locale values', () => {
  it('reports a value that is not a string at its key, and a key line in a 500 KB one-line file', () => {
    const { diagnostics } = parseLocaleJson('{\n  "a": "text",\n  "count": 3,\n  "list": ["x"]\n}', 'locales/pl/common.json');
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([[3, 'locale-value'], [4, 'locale-value']]);
    expect(diagnostics[0]?.message).toContain('"count" is a number');
    const wide = `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}": {"v": "value ${i}"}`).join(', ')}}`;
    const parsed = parseLocaleJson(wide, 'w.json');
    expect(parsed.namespace?.keyLines.size).toBe(20_000);
    expect(parsed.namespace?.keyLines.get('k19999.v')).toBe(1);
  });
});

describe('the brand limits reach the loaders', () => {
  it('a leaflet over limits.markdownFileSize is refused', async () => {
    const root = tempProject({});
    const brand = join(root, 'templates/brand.yaml');
    writeFileSync(brand, `${readFileSync(brand, 'utf8')}limits:\n  markdownFileSize: 100\n`);
    mkdirSync(join(root, 'content/en-GB'), { recursive: true });
    const { diagnostics } = await loadLeafletSources(root);
    expect(diagnostics.map((d) => d.rule)).toContain('file-too-large');
  });
});
