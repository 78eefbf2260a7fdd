import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLocale } from '../../src/i18n/addLocale.ts';
import { exemplarLetters, unicodeSetCharacters } from '../../src/i18n/exemplarLetters.ts';
import { i18nStatus } from '../../src/i18n/status.ts';
import { parseLeafletSource } from '../../src/load/content.ts';
import { runCli } from '../support/projectCopy.ts';
import { projectCopy } from './projectCopy.ts';

describe('i18n add', () => {
  it('copies the English strings and leaflets as pl drafts that record their source, and status says 0% translated', async () => {
    const root = await projectCopy();
    const result = await addLocale(root, 'pl');
    // Every English strings file and every English leaflet, copied.
    const englishStrings = readdirSync(join(root, 'locales/en-GB')).filter((name) => name.endsWith('.json')).sort();
    expect(result.created).toEqual([
      ...englishStrings.map((name) => `locales/pl/${name}`),
      'content/pl/choosing-not-to-treat.md',
      'content/pl/jak-inhibitors.md',
      'content/pl/risks-and-side-effects.md',
      'content/pl/support.md',
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(join(root, 'locales/pl/common.json'), 'utf8')).toBe(readFileSync(join(root, 'locales/en-GB/common.json'), 'utf8'));
    const raw = readFileSync(join(root, 'content/pl/support.md'), 'utf8');
    const parsed = parseLeafletSource(raw, { id: 'support', locale: 'pl', file: 'content/pl/support.md', absPath: join(root, 'content/pl/support.md') });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.source.frontMatter?.translation).toMatchObject({ sourceLocale: 'en-GB', sourceVersion: /^version: "(.+)"$/m.exec(readFileSync(join(root, 'content/en-GB/support.md'), 'utf8'))![1], status: 'draft', sourceHash: expect.stringMatching(/^[0-9a-f]{12}$/) });

    const polish = (await i18nStatus(root, { locales: ['pl'], diff: false })).locales[0]!;
    expect(polish.strings.percent).toBe(0);
    expect(polish.leaflets.translated).toBe(0);

    // Again: nothing is overwritten.
    const again = await addLocale(root, 'pl');
    expect(again.created).toEqual([]);
    expect(again.kept).toEqual(result.created);
  });

  it('names the letters no brand font has (Arabic), and refuses a name that is not a language tag', async () => {
    const root = await projectCopy();
    const arabic = await runCli(['--root', root, 'i18n', 'add', 'ar']);
    expect(arabic.code).toBe(1);
    expect(arabic.stdout).toMatch(/templates\/brand\.yaml {2}error {2}No font has \d+ letters of العربية: U\+064B/);
    expect(existsSync(join(root, 'content/ar/support.md'))).toBe(true);

    const bad = await runCli(['--root', root, 'i18n', 'add', '../../escape']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"../../escape" is not a language tag');
    expect(existsSync(join(root, '../escape'))).toBe(false);
  }, 60_000);
});

describe('CLDR exemplar letters', () => {
  it('parses UnicodeSets with ranges, strings and escapes', () => {
    expect(unicodeSetCharacters('[a-c {ch} \\- \\u00E9]')).toEqual(['a', 'b', 'c', 'h', '-', 'é']);
  });

  it('gives Polish its letters in both cases, and a region falls back to its language', async () => {
    const polish = await exemplarLetters('pl');
    expect(polish?.letters).toEqual(expect.arrayContaining(['ł', 'Ł', 'ż', 'Ż', 'ą']));
    expect((await exemplarLetters('pt-BR'))?.source).toBe('pt');
    expect((await exemplarLetters('cy'))?.letters).toContain('ŵ');
  });
});
