import { describe, expect, it } from 'vitest';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { clearMarkdownMemo, parseMarkdown } from '../../src/compile/markdown.ts';
import { loadTemplates } from '../../src/compile/templates.ts';
import { loadBrand } from '../../src/load/brand.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { loadLocales } from '../../src/load/locales.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/** Compiled leaflets as data (their two locale-bound functions left out). */
const asData = (result: ReturnType<typeof compileLeaflet>) => ({
  body: result.leaflet?.body,
  diagnostics: result.diagnostics,
  state: result.leaflet?.translationState,
});

describe('compile caching', () => {
  it('gives the same leaflets with one set of templates shared by every compile as with a fresh set each time, in any order of languages', async () => {
    const [{ brand }, { sources }, { i18n }] = await Promise.all([loadBrand(PROJECT_ROOT), loadLeafletSources(PROJECT_ROOT), loadLocales(PROJECT_ROOT)]);
    const shared = loadTemplates(PROJECT_ROOT);
    const base = { root: PROJECT_ROOT, brand: brand!, i18n };
    // English and Welsh interleaved, twice: helpers must use each leaflet's own locale every time.
    const order = [...sources, ...[...sources].reverse()];
    for (const source of order) {
      clearMarkdownMemo();
      const fresh = compileLeaflet({ ...base, source, templates: loadTemplates(PROJECT_ROOT) });
      const cached = compileLeaflet({ ...base, source, templates: shared });
      expect(asData(cached)).toEqual(asData(fresh));
      expect(cached.leaflet).toBeDefined();
    }
  });

  it('parses the same Markdown once, and text that differs by one character again', () => {
    clearMarkdownMemo();
    const first = parseMarkdown('## Heading\n\nSome text.\n');
    expect(parseMarkdown('## Heading\n\nSome text.\n')).toBe(first);
    const edited = parseMarkdown('## Heading\n\nSome text!\n');
    expect(edited).not.toBe(first);
    expect(edited).toMatchObject({ children: [{ type: 'heading' }, { type: 'paragraph', children: [{ value: 'Some text!' }] }] });
  });

  it('reports a template error on every compile of the same body, not just the first', async () => {
    const [{ brand }, { sources }, { i18n }] = await Promise.all([loadBrand(PROJECT_ROOT), loadLeafletSources(PROJECT_ROOT), loadLocales(PROJECT_ROOT)]);
    const templates = loadTemplates(PROJECT_ROOT);
    const source = { ...sources[0]!, body: `${sources[0]!.body}\n\n{{t "no.such.key"}}\n` };
    for (let round = 0; round < 2; round += 1) {
      const { leaflet, diagnostics } = compileLeaflet({ root: PROJECT_ROOT, source, brand: brand!, i18n, templates });
      expect(leaflet).toBeUndefined();
      expect(diagnostics.map((d) => d.rule)).toContain('unknown-key');
    }
  });
});
