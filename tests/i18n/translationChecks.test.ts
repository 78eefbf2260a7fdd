import { describe, expect, it } from 'vitest';
import { i18nCheck } from '../../src/i18n/check.ts';
import { parseTemplate } from '../../src/compile/templates.ts';
import { parseLeafletSource } from '../../src/load/content.ts';
import { editFile, lineOf, projectCopy } from './projectCopy.ts';

const errorsOf = (report: Awaited<ReturnType<typeof i18nCheck>>) => report.diagnostics.filter((d) => d.severity === 'error');

describe('translation checks a translator understands', () => {
  it('names a string with a brace missing, once, by file, line and key', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/cy/common.json', '"language": "Iaith: {{language}}"', '"language": "Iaith: {{language}"');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(errorsOf(report)).toEqual([
      expect.objectContaining({
        file: 'locales/cy/common.json',
        line: 7,
        rule: 'broken-placeholder',
        message: '"common:cover.language": Unclosed {{ … }}: "{{language}" has no closing }} — copy everything in {{ }} exactly as it is in the English',
      }),
    ]);
  });

  it('reports a translated key name as a key the English lacks, suggesting the English key', async () => {
    const root = await projectCopy();
    editFile(root, 'locales/cy/common.json', '"language": "Iaith', '"iaith": "Iaith');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        file: 'locales/cy/common.json',
        line: 7,
        severity: 'warning',
        rule: 'extra-key',
        message: '"common:cover.iaith" is not a key in the English (locales/en-GB/common.json), so nothing prints it',
        note: 'Key names are never translated: did you mean "cover.language", which this file lacks?',
      }),
    ]);
  });

  it('rewrites a Handlebars parse error in a translated leaflet as an unclosed {{ … }} at its line and column', async () => {
    const root = await projectCopy();
    editFile(root, 'content/cy/support.md', 'Mae {{brand.charityName}} yn cynnig:', 'Mae {{brand.charityName} yn cynnig:');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(errorsOf(report)).toEqual([
      expect.objectContaining({
        file: 'content/cy/support.md',
        line: lineOf(root, 'content/cy/support.md', 'yn cynnig:'),
        column: 5,
        rule: 'template-syntax',
        message: 'Unclosed {{ … }}: "{{brand.charityName}" has no closing }} — copy everything in {{ }} exactly as it is in the English',
      }),
    ]);
  });

  it('names unclosed quotes and blocks, and curly quotes inside {{ }}', async () => {
    const root = await projectCopy();
    editFile(root, 'content/cy/support.md', 'Mae {{brand.charityName}} yn cynnig:', 'Mae {{t “blocks:support.faceToFace”}} yn cynnig:');
    const report = await i18nCheck(root, { locales: ['cy'] });
    expect(errorsOf(report).find((d) => d.rule === 'template-quotes')).toMatchObject({
      file: 'content/cy/support.md',
      line: lineOf(root, 'content/cy/support.md', 'yn cynnig:'),
      column: 5,
      message: 'Curly quotes in "{{t “blocks:support.faceToFace”}}" — copy everything in {{ }} exactly as it is in the English',
    });
    expect(parseTemplate('a\n{{t "blocks:x}} b', { file: 'content/cy/x.md', firstLine: 10 }).diagnostics[0]).toMatchObject({ line: 11, column: 1, message: expect.stringMatching(/^Unclosed quote in "\{\{t "blocks:x\}\}"/) });
    expect(parseTemplate('{{#if leaflet.title}}\nx', { file: 'content/cy/x.md', firstLine: 1 }).diagnostics[0]!.message).toMatch(/^"\{\{#if …\}\}" is never closed with \{\{\/if\}\}/);
  });
});

describe('front-matter errors with a hint', () => {
  const place = { id: 'support', locale: 'cy', file: 'content/cy/support.md', absPath: '/support.md' };
  const base = '---\nid: support\ntitle: Cymorth\nsummary: Crynodeb.\nversion: "1.0"\npublished: 2026-11-26\nreviewDue: 2027-11-26\naudience: Pawb.\nsources:\n  - title: A\n    url: https://www.alopecia.org.uk\n---\n\n## Pennawd\n\nTestun.\n';

  it('an unquoted colon', () => {
    const { diagnostics } = parseLeafletSource(base.replace('title: Cymorth', 'title: Atalyddion JAK: beth ydyn nhw'), place);
    expect(diagnostics[0]).toMatchObject({ line: 3, rule: 'yaml-syntax', note: expect.stringContaining('needs quotes') });
  });

  it('a tab used to indent', () => {
    const { diagnostics } = parseLeafletSource(base.replace('  - title: A', '\t- title: A'), place);
    expect(diagnostics[0]).toMatchObject({ line: 10, rule: 'yaml-syntax', note: expect.stringContaining('not tabs') });
  });

  it('a missing closing ---, when the body has a --- rule further down', () => {
    const { diagnostics } = parseLeafletSource(`${base.replace('---\n\n## Pennawd', '\n## Pennawd')}\n---\n\nMwy.\n`, place);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.note).toContain('Is the closing --- missing? Line 13 looks like Markdown');
  });
});
