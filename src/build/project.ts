import { loadTemplates, PARTIALS_DIR, type TemplateSet } from '../compile/templates.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../diagnostics/guard.ts';
import { BRAND_FILE, loadBrand, type LoadedBrand } from '../load/brand.ts';
import { guardedRead, listLeafletFiles, type LeafletSource } from '../load/content.ts';
import { projectLimits } from '../load/limits.ts';
import { loadLocales, SOURCE_LOCALE, type I18n } from '../load/locales.ts';
import type { ProjectFiles } from '../load/projectFiles.ts';
import { ProjectStore } from './store/projectStore.ts';
import { changedReads, type ReadLog } from './store/readLog.ts';

/** Everything read for one build: brand, strings and leaflet sources, with what each part was read from. */
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
  /** The store every read went through (stages read images and locale text through it too). */
  files: ProjectFiles;
  /** What each loaded part was read from: the brand (file, logo, fonts), all strings, the partials. */
  reads: { brand: ReadLog; locales: ReadLog; templates: ReadLog };
}

interface Part<T> {
  value: T;
  reads: ReadLog;
}

/**
 * Loads the project through a store and remembers each part with what it read: a reload
 * after changes re-reads only the parts whose inputs changed (one leaflet file is parsed on
 * its own; strings, partials and the brand each as a whole, since their checks compare files).
 */
export class ProjectLoader {
  private brand?: Part<Awaited<ReturnType<typeof loadBrand>>>;
  private locales?: Part<Awaited<ReturnType<typeof loadLocales>>>;
  private templates?: Part<TemplateSet>;
  private readonly parsed = new Map<string, { digest: string; result: ReturnType<typeof guardedRead> }>();

  constructor(readonly store: ProjectStore) {}

  async load(): Promise<ProjectSnapshot> {
    const { store } = this;
    const root = store.root;
    const fresh = <T>(part: Part<T> | undefined): part is Part<T> => part !== undefined && changedReads(part.reads, (key) => store.digestOf(key)).length === 0;
    if (!fresh(this.brand)) {
      this.brand = await store.trackAsync(async () => {
        const loaded: Awaited<ReturnType<typeof loadBrand>> = await loadBrand(root, store).catch((error: unknown) => ({
          diagnostics: [internalErrorDiagnostic(error, { file: BRAND_FILE }, 'reading the brand file', 'load')],
        }));
        // The logo and fonts are read by the renderer; their digests are part of the brand.
        for (const file of brandAssetFiles(loaded.brand)) store.noteRead(store.keyOf(file));
        return loaded;
      });
    }
    if (!fresh(this.locales)) this.locales = await store.trackAsync(() => loadLocales(root, store));
    if (!fresh(this.templates)) {
      this.templates = store.track(() => {
        try {
          return loadTemplates(root, store);
        } catch (error) {
          return { partials: new Map(), diagnostics: [internalErrorDiagnostic(error, { file: PARTIALS_DIR }, 'reading the partials', 'load')] };
        }
      });
    }

    const listed = await listLeafletFiles(root, store);
    const limits = projectLimits(root, store);
    const sources: LeafletSource[] = [];
    const sourceDiagnostics: Diagnostic[] = [];
    for (const place of listed.places) {
      // The brand file holds the limits a leaflet is read and checked against.
      const digest = `${store.digestOf(place.file)} ${store.digestOf(BRAND_FILE)}`;
      let memo = this.parsed.get(place.file);
      if (memo?.digest !== digest) {
        memo = { digest, result: guardedRead(root, place, store, limits) };
        this.parsed.set(place.file, memo);
      }
      sources.push(memo.result.source);
      sourceDiagnostics.push(...memo.result.diagnostics);
    }
    const listedFiles = new Set(listed.places.map((place) => place.file));
    for (const file of this.parsed.keys()) if (!listedFiles.has(file)) this.parsed.delete(file);

    const brand = this.brand.value;
    const locales = this.locales.value;
    const templates = this.templates.value;
    return {
      root,
      ...(brand.brand ? { brand: brand.brand } : {}),
      i18n: locales.i18n,
      locales: locales.locales,
      sources,
      templates,
      diagnostics: [...brand.diagnostics, ...locales.diagnostics, ...listed.diagnostics, ...sourceDiagnostics, ...templates.diagnostics],
      files: store,
      reads: { brand: this.brand.reads, locales: this.locales.reads, templates: this.templates.reads },
    };
  }
}

/** Files outside the brand file that still feed every output: the logo and the fonts. */
export function brandAssetFiles(brand: LoadedBrand | undefined): string[] {
  if (!brand) return [];
  const { body, fallbacks } = brand.resolved.fonts;
  const faces = [body, ...fallbacks.map((fallback) => fallback.face)];
  const fonts = faces.flatMap((face) => [face.regular, face.bold, face.italic, face.boldItalic]).filter((file): file is string => file !== undefined);
  return [...new Set([brand.resolved.logo, ...fonts])];
}

export async function loadProject(root: string, store = new ProjectStore(root)): Promise<ProjectSnapshot> {
  return new ProjectLoader(store).load();
}

/** The en-GB source a translation was made from. */
export const sourceOf = (project: Pick<ProjectSnapshot, 'sources'>, leafletId: string): LeafletSource | undefined =>
  project.sources.find((source) => source.id === leafletId && source.locale === SOURCE_LOCALE);
