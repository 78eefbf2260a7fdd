import { loadTemplates, type TemplateSet } from '../compile/templates.ts';
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
  /** Handlebars partials from templates/partials, compiled once per build. */
  templates: TemplateSet;
  /** Problems found while loading (brand, locales, front matter). */
  diagnostics: Diagnostic[];
}

export async function loadProject(root: string): Promise<ProjectSnapshot> {
  const [brand, locales, content] = await Promise.all([loadBrand(root), loadLocales(root), loadLeafletSources(root)]);
  const templates = loadTemplates(root);
  return {
    root,
    brand: brand.brand,
    i18n: locales.i18n,
    locales: locales.locales,
    sources: content.sources,
    templates,
    diagnostics: [...brand.diagnostics, ...locales.diagnostics, ...content.diagnostics, ...templates.diagnostics],
  };
}

/** The en-GB source a translation was made from. */
export const sourceOf = (project: ProjectSnapshot, leafletId: string): LeafletSource | undefined =>
  project.sources.find((source) => source.id === leafletId && source.locale === SOURCE_LOCALE);
