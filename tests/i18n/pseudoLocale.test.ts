import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { loadProject } from '../../src/build/project.ts';
import { PSEUDO_LOCALE, pseudoLocalize, pseudoLocalizeMarkdown, withPseudoLocale } from '../../src/i18n/pseudoLocale.ts';
import { makeTranslate } from '../../src/load/locales.ts';
import { basicProject } from '../fixtures/tempProject.ts';
import { openPdf, pageText } from '../support/readPdf.ts';
import { projectCopy } from './projectCopy.ts';

describe('pseudo-locale en-XA', () => {
  it('accents every letter, keeps placeholders and nesting, and grows text by about 35%', () => {
    const source = 'Being in touch with others who have been through the same thing can help. {{charity}} offers $t(strapline):';
    const pseudo = pseudoLocalize(source);
    expect(pseudo).toContain('{{charity}}');
    expect(pseudo).toContain('$t(strapline)');
    const words = (text: string) => text.replace('{{charity}}', '').replace('$t(strapline)', '');
    expect(words(pseudo)).not.toMatch(/[a-zA-Z]/);
    // Placeholders are not translated, so only the words count towards the growth.
    const growth = [...words(pseudo)].length / words(source).length;
    expect(growth).toBeGreaterThanOrEqual(1.35);
    expect(growth).toBeLessThan(1.6);
  });

  it('changes only the words of Markdown: syntax, links, code, Handlebars and line count stay', () => {
    const markdown = [
      '## Ways to get support',
      '',
      '- Visit the [charity website]({{brand.website}}) or <https://example.org>.',
      '- Call `0800 000` today, **please**.',
      '',
      '{{> support}}',
      '',
      '| Name | Value |',
      '| --- | --- |',
      '| Dose | Once a day |',
      '',
    ].join('\n');
    const pseudo = pseudoLocalizeMarkdown(markdown);
    const lines = pseudo.split('\n');
    expect(lines).toHaveLength(markdown.split('\n').length);
    expect(lines[0]).toMatch(/^## Ẇȧȧẏş ŧǿǿ ɠḗḗŧ şŭŭƥƥǿǿřŧ/);
    expect(lines[2]).toMatch(/^- Ṽīşīŧ ŧħḗḗ [^[]*\[ƈħȧȧřīŧẏ ẇḗḗƀşīŧḗḗ[^\]]*\]\(\{\{brand\.website\}\}\) ǿǿř[^<]*<https:\/\/example\.org>\./);
    expect(lines[3]).toContain('`0800 000`');
    expect(lines[3]).toMatch(/\*\*ƥŀḗḗȧȧşḗḗ[^*]*\*\*/);
    expect(lines[5]).toBe('{{> support}}');
    expect(lines[8]).toBe('| --- | --- |');
  });

  it('exists only when a build names it, with every en-GB leaflet and string', async () => {
    const project = await loadProject(basicProject);
    expect(withPseudoLocale(project, undefined)).toBe(project);
    expect(withPseudoLocale(project, ['cy'])).toBe(project);
    const pseudo = withPseudoLocale(project, ['en-GB', PSEUDO_LOCALE]);
    expect(pseudo.locales).toContain(PSEUDO_LOCALE);
    const leaflet = pseudo.sources.find((s) => s.locale === PSEUDO_LOCALE)!;
    expect(leaflet).toMatchObject({ id: 'example', file: 'content/en-XA/example.md' });
    expect(leaflet.frontMatter!.title).toMatch(/^ȦȦƞ ḗḗẋȧȧḿƥŀḗḗ ŀḗḗȧȧƒŀḗḗŧ/);
    expect(leaflet.frontMatter!.translation).toMatchObject({ sourceLocale: 'en-GB', sourceVersion: '1.2', status: 'draft' });
    expect(leaflet.bodyStartLine).toBe(project.sources.find((s) => s.locale === 'en-GB')!.bodyStartLine);
    const t = makeTranslate(pseudo.i18n, PSEUDO_LOCALE);
    expect(t('intro', { charity: 'Example Charity' })).toMatch(/^Ŧħīş ŀḗḗȧȧƒŀḗḗŧ ƈǿǿḿḗḗş ƒřǿǿḿ Example Charity\./);
    expect(t('pages', { count: 2 })).toMatch(/^2 ƥȧȧɠḗḗş/);
  });

  it('builds like any locale when named (fallback font for accents the body font lacks), into the preview folder, never into output/', async () => {
    const root = await projectCopy();
    const outDir = path.join(root, 'output');
    const report = await buildProject({ root, outDir, strict: false, editions: ['a5'], locales: [PSEUDO_LOCALE, 'en-GB'], leaflets: ['support'] });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.outputs).toEqual([
      expect.objectContaining({ locale: PSEUDO_LOCALE, status: 'written', file: 'preview/en-XA/support.pdf' }),
      expect.objectContaining({ locale: 'en-GB', status: 'written', file: 'output/en-GB/support.pdf' }),
    ]);
    const cover = (await pageText(await openPdf(path.join(root, 'preview/en-XA/support.pdf')), 1)).text;
    expect(cover).toMatch(/Ş ?ŭŭ ?ƥ ?ƥ ?ǿǿ ?ř ?ŧ/);
    expect(existsSync(path.join(outDir, 'en-XA'))).toBe(false);
    const manifest = readFileSync(path.join(outDir, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain(PSEUDO_LOCALE);
    // A preview folder inside the output folder would be uploaded with it: refused.
    const inside = await buildProject({ root, outDir, previewDir: path.join(outDir, 'preview'), strict: false, editions: ['a5'], locales: [PSEUDO_LOCALE], leaflets: ['support'] });
    expect(inside.ok).toBe(false);
    expect(inside.diagnostics.map((d) => d.rule)).toEqual(['preview-folder']);

    const everything = await buildProject({ root, outDir: path.join(root, 'all'), strict: false, editions: ['a5'], leaflets: ['support'] });
    expect(everything.outputs.map((o) => o.locale).sort()).toEqual(['cy', 'en-GB']);
    expect(existsSync(path.join(root, 'all/en-XA'))).toBe(false);
  }, 120_000);
});
