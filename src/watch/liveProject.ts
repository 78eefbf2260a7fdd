import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { brandInputFiles, classifyInput } from '../build/dependencyGraph.ts';
import type { ProjectSnapshot } from '../build/project.ts';
import { resetFontStores } from '../build/renderSession.ts';
import { loadTemplates, type TemplateSet } from '../compile/templates.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadBrand, type LoadedBrand } from '../load/brand.ts';
import { loadLeafletSources, readLeafletSource, type LeafletSource } from '../load/content.ts';
import { checkLocaleFolders } from '../load/localeNames.ts';
import { loadLocales, type I18n } from '../load/locales.ts';

interface SourceEntry {
  source: LeafletSource;
  diagnostics: Diagnostic[];
}

/**
 * A project kept in memory between rebuilds. A change reloads only the part it touches:
 * one leaflet file is re-read and re-parsed on its own; strings, partials and the brand are
 * each reloaded as a whole (a few small files, and their checks compare files with each other).
 * Every `apply` produces a new immutable snapshot, so a render in progress keeps a consistent one.
 */
export class LiveProject {
  private brand: { brand?: LoadedBrand; diagnostics: Diagnostic[] } = { diagnostics: [] };
  private locales: { i18n?: I18n; locales: string[]; diagnostics: Diagnostic[] } = { locales: [], diagnostics: [] };
  private templates: TemplateSet = { partials: new Map(), diagnostics: [] };
  private sources = new Map<string, SourceEntry>();
  /** Diagnostics of content/ that belong to no single leaflet (bad locale folder names). */
  private contentDiagnostics: Diagnostic[] = [];
  private current!: ProjectSnapshot;
  /** Bumped by every applied change; a render records the generation it read. */
  generation = 0;
  /** Project-relative paths of the brand's logo and fonts (fonts may sit outside the project). */
  brandFiles: ReadonlySet<string> = new Set();

  private constructor(readonly root: string) {}

  static async load(root: string): Promise<LiveProject> {
    const live = new LiveProject(root);
    await live.reloadAll();
    return live;
  }

  get snapshot(): ProjectSnapshot {
    return this.current;
  }

  /** Re-reads what the changed files feed, then publishes a new snapshot. */
  async apply(changedFiles: Iterable<string>): Promise<ProjectSnapshot> {
    const kinds = new Set<string>();
    const leafletFiles: string[] = [];
    for (const file of changedFiles) {
      const input = classifyInput(file, this.brandFiles);
      if (input.kind === 'leaflet') leafletFiles.push(file);
      else if (input.kind !== 'removed-folder') kinds.add(input.kind);
      else if (input.prefix.startsWith('content/')) leafletFiles.push(...[...this.sources.keys()].filter((f) => f.startsWith(input.prefix)));
      else if (input.prefix.startsWith('locales/')) kinds.add('locale-strings');
      else ['brand', 'partial'].forEach((kind) => kinds.add(kind));
    }
    if (kinds.has('brand')) {
      this.brand = await loadBrand(this.root);
      resetFontStores();
    }
    if (kinds.has('locale-strings')) this.locales = await loadLocales(this.root);
    if (kinds.has('partial') || kinds.has('brand')) this.templates = loadTemplates(this.root);
    for (const file of leafletFiles) await this.reloadLeaflet(file);
    this.generation += 1;
    this.publish();
    return this.current;
  }

  private async reloadAll(): Promise<void> {
    const [brand, locales, content] = await Promise.all([loadBrand(this.root), loadLocales(this.root), loadLeafletSources(this.root)]);
    this.brand = brand;
    this.locales = locales;
    this.templates = loadTemplates(this.root);
    const perFile = new Map<string, Diagnostic[]>();
    for (const d of content.diagnostics) perFile.set(d.file, [...(perFile.get(d.file) ?? []), d]);
    this.sources = new Map(content.sources.map((source) => [source.file, { source, diagnostics: perFile.get(source.file) ?? [] }]));
    this.contentDiagnostics = content.diagnostics.filter((d) => !this.sources.has(d.file));
    this.publish();
  }

  private async reloadLeaflet(file: string): Promise<void> {
    const input = classifyInput(file);
    if (input.kind !== 'leaflet') return;
    const absPath = path.join(this.root, file);
    if ((await lstat(absPath).catch(() => undefined)) === undefined) {
      this.sources.delete(file);
      return;
    }
    const folder = checkLocaleFolders('content', [input.locale]);
    if (folder.diagnostics.length > 0) {
      this.contentDiagnostics = this.contentDiagnostics.filter((d) => d.file !== `content/${input.locale}`);
      this.contentDiagnostics.push(...folder.diagnostics);
      return;
    }
    const parsed = readLeafletSource(this.root, { id: input.leafletId, locale: input.locale, file, absPath });
    this.sources.set(file, { source: parsed.source, diagnostics: parsed.diagnostics });
  }

  private publish(): void {
    const entries = [...this.sources.values()].sort(
      (a, b) => a.source.locale.localeCompare(b.source.locale) || a.source.id.localeCompare(b.source.id),
    );
    const i18n = this.locales.i18n;
    if (!i18n) throw new Error('Locales were not loaded');
    const next: ProjectSnapshot = {
      root: this.root,
      ...(this.brand.brand ? { brand: this.brand.brand } : {}),
      i18n,
      locales: this.locales.locales,
      sources: entries.map((entry) => entry.source),
      templates: this.templates,
      diagnostics: [
        ...this.brand.diagnostics,
        ...this.locales.diagnostics,
        ...this.contentDiagnostics,
        ...entries.flatMap((entry) => entry.diagnostics),
        ...this.templates.diagnostics,
      ],
    };
    this.current = next;
    this.brandFiles = new Set(brandInputFiles(next).map((file) => path.relative(this.root, file).split(path.sep).join('/')));
  }
}
