import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadBrand, type LoadedBrand } from '../load/brand.ts';
import { loadLeafletSources, type LeafletSource } from '../load/content.ts';
import { loadLocales, SOURCE_LOCALE, type I18n } from '../load/locales.ts';

/** Everything read from disk for one build: brand, strings and leaflet sources. */
export interface ProjectSnapshot {
  root: string;
  brand?: LoadedBrand;
  i18n: I18n;
  locales: string[];
  sources: LeafletSource[];
  /** Problems found while loading (brand, locales, front matter). */
  diagnostics: Diagnostic[];
}

export async function loadProject(root: string): Promise<ProjectSnapshot> {
  const [brand, locales, content] = await Promise.all([loadBrand(root), loadLocales(root), loadLeafletSources(root)]);
  return {
    root,
    brand: brand.brand,
    i18n: locales.i18n,
    locales: locales.locales,
    sources: content.sources,
    diagnostics: [...brand.diagnostics, ...locales.diagnostics, ...content.diagnostics],
  };
}

/** The en-GB source a translation was made from. */
export const sourceOf = (project: ProjectSnapshot, leafletId: string): LeafletSource | undefined =>
  project.sources.find((source) => source.id === leafletId && source.locale === SOURCE_LOCALE);
