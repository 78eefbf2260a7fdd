import { describe, expect, it } from 'vitest';
import { i18nCheck } from '../../src/i18n/check.ts';
import { editFile, projectCopy } from './projectCopy.ts';

const errorsOf = (report: Awaited<ReturnType<typeof i18nCheck>>) => report.diagnostics.filter((d) => d.severity === 'error');

describe('i18n check', () => {
  it('passes the real en-GB and cy files', async () => {
    const report = await i18nCheck(await projectCopy());
    expect(report.locales).toEqual(['cy', 'en-GB']);
    expect(errorsOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('fails on a placeholder missing from a Welsh string, naming the file, line and key', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/cy/blocks.json', '"websiteLinkText": "wefan {{charity}}"', '"websiteLinkText": "gwefan yr elusen"');
    editFile(root, 'locales/cy/common.json', '"language": "Iaith: {{language}}"', '"language": "Iaith: {{iaith}}"');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(report.ok).toBe(false);
    const [blocks, ...common] = errorsOf(report).filter((d) => d.rule === 'placeholder-mismatch').sort((a, b) => a.file.localeCompare(b.file));
    expect(blocks).toMatchObject({ file: 'locales/cy/blocks.json', line: 11, message: '"blocks:support.websiteLinkText" lacks the placeholder {{charity}} that the English has' });
    expect(common.map((d) => d.message)).toEqual([
      '"common:cover.language" lacks the placeholder {{language}} that the English has',
      '"common:cover.language" has a placeholder {{iaith}} that the English does not (it would print nothing)',
    ]);
    expect(common[0]).toMatchObject({ file: 'locales/cy/common.json', line: 7 });
  });

  it('fails on a missing Welsh plural form (six CLDR categories) and warns about one Welsh never uses', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/cy/common.json', '"pages_two": "{{count}} dudalen",\n', '');
    editFile(root, 'locales/en-GB/common.json', '"pages_one": "{{count}} page",', '"pages_one": "{{count}} page",\n    "pages_few": "{{count}} pages",');
    const report = await i18nCheck(root);
    const plural = report.diagnostics.filter((d) => d.rule === 'plural-forms');
    expect(plural).toEqual([
      expect.objectContaining({ file: 'locales/cy/common.json', severity: 'error', message: '"common:downloads.pages" lacks plural form downloads.pages_two (cy needs zero, one, two, few, many, other)' }),
      expect.objectContaining({ file: 'locales/en-GB/common.json', severity: 'warning', message: '"common:downloads.pages" has plural form downloads.pages_few that en-GB never uses' }),
    ]);
    expect(plural[0]!.line).toBeGreaterThan(1);
    expect(report.ok).toBe(false);
  });

  it('reports broken JSON with file, line and column', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/cy/common.json', '"strapline": "Gwybodaeth', '"strapline" "Gwybodaeth');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(errorsOf(report)).toEqual([expect.objectContaining({ file: 'locales/cy/common.json', line: 2, column: 15, rule: 'json-syntax' })]);
  });

  it('checks $t() nesting against the English', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/en-GB/common.json', '"disclaimer": "', '"disclaimer": "$t(strapline). ');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(errorsOf(report)).toEqual([expect.objectContaining({ file: 'locales/cy/common.json', rule: 'nesting-mismatch', message: '"common:back.disclaimer" lacks the nested $t(strapline) that the English has' })]);
  });

  it('checks Handlebars expressions in translated Markdown against the English', async () => {
    const root = await projectCopy();
    editFile(root, 'content/cy/support.md', '{{brand.charityName}}', '{{brand.enwElusen}}');
    const report = await i18nCheck(root, { locales: ['cy'] });
    const problems = errorsOf(report).filter((d) => d.rule === 'template-mismatch');
    expect(problems.map((d) => d.message)).toEqual([
      'The translation lacks {{brand.charityName}}, which the English has',
      '{{brand.enwElusen}} is not in the English source',
    ]);
    expect(problems[1]).toMatchObject({ file: 'content/cy/support.md' });
    expect(problems[1]!.line).toBeGreaterThan(30);
    expect(problems[1]!.column).toBeGreaterThan(0);
  });
});
