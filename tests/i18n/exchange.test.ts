import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTranslations, importTranslations } from '../../src/i18n/exchange/exchange.ts';
import { readXliff } from '../../src/i18n/exchange/xliffFormat.ts';
import { runCli } from '../support/projectCopy.ts';
import { editFile, lineOf, projectCopy } from './projectCopy.ts';

const welshFiles = (root: string): Map<string, string> => {
  const files = new Map<string, string>();
  for (const folder of ['content/cy', 'locales/cy']) {
    for (const name of readdirSync(join(root, folder))) files.set(`${folder}/${name}`, createHash('sha256').update(readFileSync(join(root, folder, name))).digest('hex'));
  }
  return files;
};

const lineDiff = (before: string, after: string): Array<[string, string]> => {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
};

describe('XLIFF 2.0 and PO round trips', () => {
  it.each(['xliff', 'po'] as const)('export then import of every Welsh leaflet and string file changes no byte (%s, through the CLI)', async (format) => {
    const root = await projectCopy();
    const before = welshFiles(root);
    const exported = await runCli(['--root', root, 'i18n', 'export', 'cy', '--format', format, '--out', join(root, 'exchange')]);
    expect(exported.code).toBe(0);
    const files = readdirSync(join(root, 'exchange')).sort();
    const ext = format === 'xliff' ? 'xlf' : 'po';
    expect(files).toEqual(['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'strings', 'support'].map((n) => `${n}.${ext}`));
    const imported = await runCli(['--root', root, 'i18n', 'import', ...files.map((f) => join(root, 'exchange', f))]);
    expect(imported.code).toBe(0);
    expect(imported.stdout.match(/^unchanged /gm)).toHaveLength(6);
    expect(welshFiles(root)).toEqual(before);
  }, 60_000);

  it('writes segments with protected codes and notes carrying key, file and line', async () => {
    const root = await projectCopy();
    const { files } = await exportTranslations(root, 'cy', { format: 'xliff', outDir: join(root, 'x') });
    const xml = readFileSync(files.find((f) => f.endsWith('support.xlf'))!, 'utf8');
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-GB" trgLang="cy">');
    expect(xml).toContain('<ph id="c1" disp="{{brand.charityName}}" equiv="{{brand.charityName}}"/> offers:');
    const support = readXliff(xml).files[0]!;
    const heading = support.units.find((u) => u.source === 'Ways to get support')!;
    expect(heading.target).toBe('Ffyrdd o gael cymorth');
    expect(heading.notes).toEqual([
      `key: support ${heading.id} (heading 2)`,
      `file: content/cy/support.md:${lineOf(root, 'content/cy/support.md', '## Ffyrdd o gael cymorth')}`,
      `English: content/en-GB/support.md:${lineOf(root, 'content/en-GB/support.md', '## Ways to get support')}`,
    ]);
    const strings = readXliff(readFileSync(files.find((f) => f.endsWith('strings.xlf'))!, 'utf8'));
    const language = strings.files.find((f) => f.name === 'common')!.units.find((u) => u.id === 'cover.language')!;
    expect(language).toEqual({ id: 'cover.language', source: 'Language: {{language}}', target: 'Iaith: {{language}}', notes: ['key: common:cover.language', 'file: locales/cy/common.json:7', 'English: locales/en-GB/common.json:7'] });
  });

  it('an XLIFF file with one edited segment changes exactly that paragraph', async () => {
    const root = await projectCopy();
    const { files } = await exportTranslations(root, 'cy', { format: 'xliff', outDir: join(root, 'x') });
    const file = files.find((f) => f.endsWith('support.xlf'))!;
    const before = readFileSync(join(root, 'content/cy/support.md'), 'utf8');
    const xml = readFileSync(file, 'utf8');
    const old = 'sydd wedi bod drwy\'r un peth. Mae <ph id="c1" disp="{{brand.charityName}}" equiv="{{brand.charityName}}"/> yn cynnig';
    expect(xml).toContain(old);
    writeFileSync(file, xml.replace(old, 'sydd wedi profi\'r un peth. Mae <ph id="c1" disp="{{brand.charityName}}" equiv="{{brand.charityName}}"/> yn cynnig'));
    const { results } = await importTranslations(root, file);
    expect(results).toEqual([expect.objectContaining({ file: 'content/cy/support.md', status: 'written', changedUnits: 1 })]);
    const changed = lineDiff(before, readFileSync(join(root, 'content/cy/support.md'), 'utf8'));
    expect(changed).toHaveLength(1);
    expect(changed[0]![0]).toMatch(/^> \*\*Dydych chi ddim.*drwy'r un peth\. Mae \{\{brand\.charityName\}\} yn cynnig/);
    expect(changed[0]![1]).toBe(changed[0]![0].replace("sydd wedi bod drwy'r un peth", "sydd wedi profi'r un peth"));
  });

  it('refuses, writing nothing, a segment whose placeholders or Markdown structure changed, or a file that moved on since export', async () => {
    const root = await projectCopy();
    const { files } = await exportTranslations(root, 'cy', { format: 'po', outDir: join(root, 'x') });
    const file = files.find((f) => f.endsWith('support.po'))!;
    const po = readFileSync(file, 'utf8');
    const before = readFileSync(join(root, 'content/cy/support.md'), 'utf8');

    writeFileSync(file, po.replace('msgstr "Mae {{brand.charityName}} yn cynnig:', 'msgstr "Mae Alopecia UK yn cynnig:'));
    let result = await importTranslations(root, file);
    expect(result.results[0]).toMatchObject({ status: 'failed' });
    expect(result.diagnostics[0]!.message).toMatch(/^body\.\d+: the placeholders differ from the English \(\{\{brand\.charityName\}\}; the translation has none\)/);
    expect(result.diagnostics[0]).toMatchObject({ file: 'content/cy/support.md', line: lineOf(root, 'content/cy/support.md', 'Mae {{brand.charityName}} yn cynnig:') });

    writeFileSync(file, po.replace('msgstr "Ffyrdd o gael cymorth"', 'msgstr "Ffyrdd o gael cymorth\\n\\nParagraff newydd"'));
    result = await importTranslations(root, file);
    expect(result.diagnostics[0]!.message).toMatch(/would change the Markdown structure/);
    expect(readFileSync(join(root, 'content/cy/support.md'), 'utf8')).toBe(before);

    writeFileSync(file, po.replace('msgstr "Ffyrdd o gael cymorth"', 'msgstr "Ffyrdd o gael help"'));
    editFile(root, 'content/cy/support.md', '## Y prif bwyntiau\n', '## Y prif bwyntiau\n\nParagraff a ychwanegwyd ar ôl yr allforio.\n');
    result = await importTranslations(root, file);
    expect(result.results[0]).toMatchObject({ status: 'failed' });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/^body\.\d+: the file has changed since it was exported \(this piece was on line \d+, now \d+\)/);
  });

  it('imports a string the locale lacks, and refuses a file naming an unsafe locale', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/cy/common.json', '    "sourcesHeading": "Ffynonellau",\n', '');
    const { files } = await exportTranslations(root, 'cy', { format: 'xliff', outDir: join(root, 'x') });
    const file = files.find((f) => f.endsWith('strings.xlf'))!;
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<source>Sources</source>\n      </segment>');
    writeFileSync(file, xml.replace('<source>Sources</source>\n', '<source>Sources</source><target>Ffynonellau</target>\n'));
    const { results } = await importTranslations(root, file);
    expect(results.find((r) => r.file === 'locales/cy/common.json')).toMatchObject({ status: 'written', changedUnits: 1 });
    expect(JSON.parse(readFileSync(join(root, 'locales/cy/common.json'), 'utf8')).back.sourcesHeading).toBe('Ffynonellau');

    writeFileSync(file, xml.replace('trgLang="cy"', 'trgLang="../../tmp"'));
    const cli = await runCli(['--root', root, 'i18n', 'import', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('"../../tmp" is not a language tag');
  });
});
