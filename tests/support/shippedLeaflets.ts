import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import { loadTemplates } from '../../src/compile/templates.ts';
import { loadBrand, type LoadedBrand } from '../../src/load/brand.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { loadLocales, SOURCE_LOCALE } from '../../src/load/locales.ts';
import { PROJECT_ROOT } from './sampleLeaflet.ts';

/** Every leaflet the project ships, in every language, compiled from the real content folder. */
export async function shippedLeaflets(): Promise<{ brand: LoadedBrand; leaflets: CompiledLeaflet[] }> {
  const [{ brand }, { sources }, { i18n }] = await Promise.all([loadBrand(PROJECT_ROOT), loadLeafletSources(PROJECT_ROOT), loadLocales(PROJECT_ROOT)]);
  if (!brand) throw new Error('the project brand did not load');
  const templates = loadTemplates(PROJECT_ROOT);
  const leaflets = sources.map((source) => {
    const sourceLeaflet = sources.find((s) => s.id === source.id && s.locale === SOURCE_LOCALE);
    const { leaflet, diagnostics } = compileLeaflet({ root: PROJECT_ROOT, source, brand, i18n, templates, ...(sourceLeaflet ? { sourceLeaflet } : {}) });
    if (!leaflet) throw new Error(`${source.file} did not compile: ${JSON.stringify(diagnostics)}`);
    return leaflet;
  });
  return { brand, leaflets };
}
