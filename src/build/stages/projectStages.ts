import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../../diagnostics/guard.ts';
import type { Edition } from '../../render/editions.ts';
import type { BuildRecord } from '../cache/buildRecord.ts';
import type { ProjectSnapshot } from '../project.ts';
import type { ProjectStore } from '../store/projectStore.ts';
import { changedReads, logEntries } from '../store/readLog.ts';
import { noteStringReads } from './stringReads.ts';

/**
 * Checks that apply to one locale as a whole (its strings, the brand text printed in it, its
 * translations against the English). An error in a locale's files stops that locale's outputs;
 * one in a leaflet file stops that leaflet's. Each check is remembered on its own reads.
 */
export type LocaleCheck = (project: ProjectSnapshot, locale: string) => Diagnostic[] | Promise<Diagnostic[]>;

export const LOCALE_CHECKS: ReadonlyArray<{ name: string; run: LocaleCheck }> = [
  {
    name: 'glyphs',
    run: async (project, locale) => (await import('../../lint/glyphCoverage.ts')).projectGlyphDiagnostics(project, [locale]),
  },
  {
    // Placeholders, plurals, $t() nesting, broken braces and extra keys in the strings; Handlebars in translated leaflets.
    name: 'translations',
    run: async (project, locale) => (await import('../../i18n/translationStage.ts')).translationChecks(project, locale),
  },
];

/**
 * Runs a project-wide stage through the store, or takes its diagnostics from the record when
 * nothing it read has changed. An exception becomes an internal-error diagnostic on `file`.
 */
export async function rememberedStage(
  name: string,
  file: string,
  store: ProjectStore,
  record: BuildRecord | undefined,
  run: () => Diagnostic[] | Promise<Diagnostic[]>,
): Promise<Diagnostic[]> {
  const remembered = record?.stage(name);
  if (remembered && changedReads(remembered.reads, (key) => store.digestOf(key)).length === 0) return remembered.diagnostics;
  try {
    const { value, reads } = await store.trackAsync(async () => run());
    record?.setStage(name, { reads: logEntries(reads), diagnostics: value });
    return value;
  } catch (error) {
    return [internalErrorDiagnostic(error, { file }, `running the ${name} check`, 'lint')];
  }
}

/** The parts of the project a project-wide stage needs: what the load read, and the project itself, loaded on demand. */
export interface StageContext {
  store: ProjectStore;
  record: BuildRecord | undefined;
  reads: { brand: Array<[string, string]>; locales: Array<[string, string]> };
  project: () => Promise<ProjectSnapshot>;
}

export async function localeChecks({ store, record, reads, project: load }: StageContext, locale: string): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const check of LOCALE_CHECKS) {
    const stage = rememberedStage(`locale:${locale}:${check.name}`, `locales/${locale}`, store, record, async () => {
      const project = await load();
      store.noteReads(reads.brand);
      noteStringReads(store, new Map(reads.locales), locale);
      return check.run(project, locale);
    });
    found.push(...(await stage));
  }
  return found;
}

export function brandChecks({ store, record, reads, project: load }: StageContext, editions: Edition[]): Promise<Diagnostic[]> {
  return rememberedStage(`brand:${editions.map((edition) => edition.id).join(',')}`, 'templates/brand.yaml', store, record, async () => {
    store.noteReads(reads.brand);
    const project = await load();
    if (!project.brand) return [];
    const { lintBrandAndStyles } = await import('../../lint/brandLint.ts');
    return lintBrandAndStyles(project.root, project.brand, editions);
  });
}
