import { describe, expect, it } from 'vitest';
import { languageName, loadLocales, makeTranslate } from '../../src/load/locales.ts';
import { pluralCategoriesOf } from '../../src/load/localeCoverage.ts';
import { basicProject, tempProject } from '../fixtures/tempProject.ts';

describe('loadLocales', () => {
  it('loads all locales into one i18next instance with namespaces and en-GB fallback', async () => {
    const { i18n, locales } = await loadLocales(basicProject);
    expect(locales).toEqual(['cy', 'en-GB']);
    const cy = makeTranslate(i18n, 'cy');
    expect(cy('intro', { charity: 'Example & Co' })).toBe("Daw'r daflen hon gan Example & Co.");
    expect(cy('blocks:support.heading')).toBe('Cael cymorth');
    expect(cy('cover.reviewDue')).toBe('Review due');
    expect(makeTranslate(i18n, 'en-GB')('pages', { count: 2 })).toBe('2 pages');
  });

  it('warns about a key present in en-GB but missing in cy, at the en-GB line', async () => {
    const { diagnostics } = await loadLocales(basicProject);
    const missing = diagnostics.find((d) => d.message.includes('"common:cover.reviewDue"'));
    expect(missing).toMatchObject({ file: 'locales/en-GB/common.json', line: 6, severity: 'warning', rule: 'missing-key' });
    expect(missing?.note).toContain('locales/cy/common.json');
  });

  it('asks Welsh for all six plural categories (from Intl.PluralRules)', async () => {
    expect(new Set(pluralCategoriesOf('cy'))).toEqual(new Set(['zero', 'one', 'two', 'few', 'many', 'other']));
    const { diagnostics } = await loadLocales(basicProject);
    const plural = diagnostics.find((d) => d.message.includes('"common:pages"'));
    expect(plural).toMatchObject({ line: 3, rule: 'missing-key' });
    expect(plural?.message).toContain('pages_zero, pages_two, pages_few, pages_many');
    expect(plural?.message).not.toContain('pages_one');
  });

  it('accepts Welsh once every plural form is there', async () => {
    const root = tempProject({
      'locales/cy/common.json': JSON.stringify({
        intro: 'x',
        cover: { reviewDue: 'Adolygu' },
        pages_zero: '0', pages_one: '1', pages_two: '2', pages_few: '3', pages_many: '6', pages_other: 'n',
      }),
    });
    const { i18n, diagnostics } = await loadLocales(root);
    expect(diagnostics).toEqual([]);
    expect(makeTranslate(i18n, 'cy')('pages', { count: 3 })).toBe('3');
    expect(makeTranslate(i18n, 'cy')('pages', { count: 6 })).toBe('6');
  });

  it('reports invalid JSON with line and column', async () => {
    const root = tempProject({ 'locales/cy/blocks.json': '{\n  "support": {\n    "heading": "Cael cymorth",\n  }\n}\n' });
    const { diagnostics } = await loadLocales(root);
    const broken = diagnostics.find((d) => d.file === 'locales/cy/blocks.json');
    expect(broken).toMatchObject({ rule: 'json-syntax', severity: 'error', line: 4, column: 3 });
  });
});

describe('languageName', () => {
  it('names each language in that language', () => {
    expect(languageName('cy')).toBe('Cymraeg');
    expect(languageName('en-GB')).toBe('British English');
  });
});
