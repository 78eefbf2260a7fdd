import { describe, expect, it } from 'vitest';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { loadBrand } from '../../src/load/brand.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { loadLocales } from '../../src/load/locales.ts';
import { basicProject, tempProject } from '../fixtures/tempProject.ts';

async function loadProject(root: string) {
  const [{ brand }, { sources }, { i18n }] = await Promise.all([loadBrand(root), loadLeafletSources(root), loadLocales(root)]);
  const find = (locale: string) => sources.find((s) => s.locale === locale)!;
  return { root, brand: brand!, i18n, en: find('en-GB'), cy: find('cy') };
}

describe('compileLeaflet', () => {
  it('compiles the source leaflet with locale-bound helpers', async () => {
    const { root, brand, i18n, en } = await loadProject(basicProject);
    const { leaflet, diagnostics } = compileLeaflet({ root, source: en, brand, i18n });
    expect(diagnostics).toEqual([]);
    expect(leaflet).toMatchObject({ id: 'example', locale: 'en-GB', sourceFile: 'content/en-GB/example.md', translationState: 'source', languageName: 'British English' });
    expect(leaflet!.t('pages', { count: 1 })).toBe('1 page');
    expect(leaflet!.formatDate('2026-11-26')).toBe('26 November 2026');
    expect(leaflet!.body.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'heading', 'list', 'list', 'callout', 'table', 'image', 'paragraph']);
  });

  it('marks a translation made from an older source version as stale, and formats dates in Welsh', async () => {
    const { root, brand, i18n, en, cy } = await loadProject(basicProject);
    const { leaflet, diagnostics } = compileLeaflet({ root, source: cy, brand, i18n, sourceLeaflet: en });
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'stale-translation', severity: 'warning', file: 'content/cy/example.md', line: 12 })]);
    expect(leaflet!.translationState).toBe('stale');
    expect(leaflet!.languageName).toBe('Cymraeg');
    expect(leaflet!.formatDate('2026-11-26')).toBe('26 Tachwedd 2026');
    expect(leaflet!.body.blocks[1]).toMatchObject({ children: [{ type: 'text', value: "Daw'r daflen hon gan Example Charity." }] });
  });

  it('takes reviewed or draft from the front matter when the versions agree', async () => {
    const { root, brand, i18n, en, cy } = await loadProject(basicProject);
    const current = { ...cy, frontMatter: { ...cy.frontMatter!, translation: { ...cy.frontMatter!.translation!, sourceVersion: '1.2' } } };
    expect(compileLeaflet({ root, source: current, brand, i18n, sourceLeaflet: en }).leaflet!.translationState).toBe('reviewed');
    const draft = { ...current, frontMatter: { ...current.frontMatter, translation: { ...current.frontMatter.translation, status: 'draft' as const } } };
    expect(compileLeaflet({ root, source: draft, brand, i18n, sourceLeaflet: en }).leaflet!.translationState).toBe('draft');
  });

  it('returns no leaflet (and no new diagnostics) for a source whose front matter failed to load', async () => {
    const root = tempProject({ 'content/cy/example.md': '---\nid: wrong\n---\nText\n' });
    const { brand, i18n, cy } = await loadProject(root);
    expect(cy.frontMatter).toBeUndefined();
    expect(compileLeaflet({ root, source: cy, brand, i18n })).toEqual({ diagnostics: [] });
  });
});
