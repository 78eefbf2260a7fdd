import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BuildRecord } from './cache/buildRecord.ts';
import { withdrawnDate } from '../load/withdrawn.ts';
import type { ProjectSnapshot } from './project.ts';
import type { ProjectStore } from './store/projectStore.ts';
import { changedReads, logEntries } from './store/readLog.ts';

/** What the build needs to know of a project before any leaflet is compiled. */
export interface ProjectOverview {
  /** `withdrawn`: the date a leaflet was withdrawn (`status: withdrawn`); it is not built. */
  sources: Array<{ id: string; locale: string; file: string; bytes: number; withdrawn?: string }>;
  /** Problems found while loading (brand, strings, front matter, partials). */
  diagnostics: Diagnostic[];
  hasBrand: boolean;
  reads: { brand: Array<[string, string]>; locales: Array<[string, string]> };
}

export function overviewOf(project: ProjectSnapshot): ProjectOverview {
  return {
    sources: project.sources.map((source) => {
      const withdrawn = withdrawnDate(source, project.sources);
      return { id: source.id, locale: source.locale, file: source.file, bytes: source.raw.length, ...(withdrawn ? { withdrawn } : {}) };
    }),
    diagnostics: project.diagnostics,
    hasBrand: project.brand !== undefined,
    reads: { brand: logEntries(project.reads.brand), locales: logEntries(project.reads.locales) },
  };
}

/**
 * The project's overview without loading it when the record says nothing the last load read
 * has changed (so a build with nothing to do parses no YAML, JSON or Markdown); otherwise the
 * project is loaded, and the overview and every file the load read are remembered.
 */
export async function projectOverview(
  store: ProjectStore,
  record: BuildRecord | undefined,
  load: () => Promise<ProjectSnapshot>,
): Promise<{ overview: ProjectOverview; project?: ProjectSnapshot }> {
  const remembered = record?.project;
  if (remembered && changedReads(remembered.reads, (key) => store.digestOf(key)).length === 0) return { overview: remembered.overview };
  const { value: project, reads } = await store.trackAsync(load);
  const overview = overviewOf(project);
  record?.setProject({ reads: logEntries(reads), overview });
  return { overview, project };
}
