import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nStatus, statusHasGaps } from '../../src/i18n/status.ts';
import { runCli } from '../support/projectCopy.ts';
import { editFile, projectCopy } from './projectCopy.ts';

describe('i18n status tells the truth', () => {
  let root: string;
  beforeAll(async () => {
    root = await projectCopy();
  });

  it('a fresh copy of the English into pl is 0% translated, strings and leaflets', async () => {
    const copy = await projectCopy();
    cpSync(join(copy, 'locales/en-GB'), join(copy, 'locales/pl'), { recursive: true });
    cpSync(join(copy, 'content/en-GB'), join(copy, 'content/pl'), { recursive: true });
    for (const id of ['choosing-not-to-treat', 'jak-inhibitors', 'risks-and-side-effects', 'support']) {
      editFile(copy, `content/pl/${id}.md`, '\n---\n', '\ntranslation:\n  sourceLocale: en-GB\n  sourceVersion: "1.0"\n  status: draft\n---\n');
    }
    const polish = (await i18nStatus(copy, { locales: ['pl'], diff: false })).locales[0]!;
    expect(polish.strings.translated).toBe(0);
    expect(polish.strings.percent).toBe(0);
    expect(polish.strings.sameAsEnglish.length).toBeGreaterThan(50);
    expect(polish.leaflets.translated).toBe(0);
    expect(polish.leaflets.counts.untranslated).toBe(4);

    const cli = await runCli(['--root', copy, 'i18n', 'status', '--locale', 'pl', '--no-diff']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/pl\s+Polski\s+0\/\d+ \(0%\)\s+\d+\s+0\s+0\/4\s+0\s+0\s+0\s+4/);
    expect(cli.stdout).toContain('Strings still in English:');
  });

  it('counts a Welsh string equal to the English as untranslated unless same-as-english.txt lists it', async () => {
    const copy = await projectCopy();
    editFile(copy, 'locales/cy/common.json', '"sourcesHeading": "Ffynonellau"', '"sourcesHeading": "Sources"');
    let welsh = (await i18nStatus(copy, { locales: ['cy'], diff: false })).locales[0]!;
    expect(welsh.strings.sameAsEnglish).toEqual(['common:back.sourcesHeading']);
    expect(welsh.strings.translated).toBe(welsh.strings.total - 1);
    expect(statusHasGaps({ sourceLocale: 'en-GB', locales: [welsh], diagnostics: [] })).toBe(true);

    writeFileSync(join(copy, 'locales/cy/same-as-english.txt'), `${readFileSync(join(copy, 'locales/cy/same-as-english.txt'), 'utf8')}common:back.sourcesHeading\n`);
    welsh = (await i18nStatus(copy, { locales: ['cy'], diff: false })).locales[0]!;
    expect(welsh.strings.sameAsEnglish).toEqual([]);
    expect(welsh.strings.percent).toBe(100);
  });

  it('the real Welsh strings are all translated or listed as the same on purpose', async () => {
    const welsh = (await i18nStatus(root, { locales: ['cy'], diff: false })).locales[0]!;
    expect(welsh.strings.sameAsEnglish).toEqual([]);
    expect(welsh.strings.percent).toBe(100);
  });

  it('counts a leaflet whose body is still the English as untranslated', async () => {
    const copy = await projectCopy();
    const english = readFileSync(join(copy, 'content/en-GB/support.md'), 'utf8');
    const welsh = readFileSync(join(copy, 'content/cy/support.md'), 'utf8');
    const welshFrontMatter = welsh.slice(0, welsh.indexOf('\n---\n') + 5);
    writeFileSync(join(copy, 'content/cy/support.md'), welshFrontMatter + english.slice(english.indexOf('\n---\n') + 5));
    const status = (await i18nStatus(copy, { locales: ['cy'], diff: false })).locales[0]!;
    expect(status.leaflets.items.find((i) => i.id === 'support')!.state).toBe('untranslated');
    expect(status.leaflets.translated).toBe(3);
  });

  it('numbers the stale diff by the lines of the English file', async () => {
    const copy = await projectCopy();
    editFile(copy, 'content/en-GB/support.md', '## Ways to get support', '## Ways to find support');
    const support = (await i18nStatus(copy, { locales: ['cy'] })).locales[0]!.leaflets.items.find((i) => i.id === 'support')!;
    const file = readFileSync(join(copy, 'content/en-GB/support.md'), 'utf8').split('\n');
    const hunk = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/m.exec(support.diff!)!;
    const changed = file.indexOf('## Ways to find support') + 1;
    // A file line, past the front matter (a body line would be far smaller).
    expect(changed).toBeGreaterThan(file.indexOf('---', 1) + 1);
    // Two lines of context before the change, so the hunk starts two lines above it.
    expect(Number(hunk[1])).toBe(changed - 2);
    expect(Number(hunk[3])).toBe(changed - 2);
    expect(file[Number(hunk[3]) - 1 + 2]).toBe('## Ways to find support');
    rmSync(copy, { recursive: true, force: true });
  });
});
