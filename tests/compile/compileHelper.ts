import { loadBrand } from '../../src/load/brand.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { loadLocales } from '../../src/load/locales.ts';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { tempProject } from '../fixtures/tempProject.ts';

/** Front matter of the fixture's en-GB leaflet: 12 lines, so the body starts on line 13. */
export const FRONT_MATTER = `---
id: example
title: An example leaflet
summary: A small leaflet used by the tests.
version: '1.2'
published: 2026-01-15
reviewDue: 2027-01-15
audience: People reading the tests
sources:
  - title: Example source
    url: https://example.org/source
---
`;
export const BODY_START = 13;

/**
 * Writes `body` as content/en-GB/example.md of a copy of the basic fixture (plus any other
 * files), loads the project for real and compiles that leaflet.
 */
export async function compileBody(body: string, files: Record<string, string> = {}, locale = 'en-GB', frontMatter = FRONT_MATTER) {
  const root = tempProject({ [`content/${locale}/example.md`]: frontMatter + body, ...files });
  const [{ brand }, { sources, diagnostics: loadProblems }, { i18n }] = await Promise.all([loadBrand(root), loadLeafletSources(root), loadLocales(root)]);
  if (!brand || loadProblems.length > 0) throw new Error(`fixture did not load: ${JSON.stringify(loadProblems)}`);
  const source = sources.find((s) => s.locale === locale && s.id === 'example')!;
  const sourceLeaflet = sources.find((s) => s.locale === 'en-GB' && s.id === 'example');
  return { root, ...compileLeaflet({ root, source, brand, i18n, ...(sourceLeaflet ? { sourceLeaflet } : {}) }) };
}
