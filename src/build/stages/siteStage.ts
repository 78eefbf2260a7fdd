import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { internalErrorDiagnostic } from '../../diagnostics/guard.ts';
import { outputPath } from '../../emit/outputPaths.ts';
import { EDITION_IDS } from '../../render/editions.ts';
import type { BuildRecord } from '../cache/buildRecord.ts';
import { codeDigest } from '../cache/fingerprint.ts';
import type { ProjectSnapshot } from '../project.ts';
import type { ProjectOverview } from '../projectOverview.ts';
import type { ProjectStore } from '../store/projectStore.ts';
import { unitKey } from './unit.ts';

export const SHARD_FILE = 'shard.json';
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Digests of files in an output folder, each read at most once per build. */
export class OutputFolder {
  private readonly digests = new Map<string, string | undefined>();
  constructor(readonly dir: string) {}

  async digestOf(absolute: string): Promise<string | undefined> {
    if (!this.digests.has(absolute)) {
      const bytes = await readFile(absolute).catch(() => undefined);
      this.digests.set(absolute, bytes && bytes.length > 0 ? sha256(bytes) : undefined);
    }
    return this.digests.get(absolute);
  }

  /** The file now holds these bytes (this build wrote them). */
  wrote(absolute: string, digest: string): void {
    this.digests.set(absolute, digest);
  }

  /** Every website file (everything but the PDFs, temporaries and shard notes), by relative path. */
  async websiteFiles(): Promise<Record<string, string>> {
    const names = (await readdir(this.dir, { recursive: true }).catch(() => [] as string[])).map((name) => name.split(path.sep).join('/')).sort();
    const files: Record<string, string> = {};
    for (const name of names) {
      if (name.endsWith('.pdf') || name.endsWith('.tmp') || name === SHARD_FILE) continue;
      const bytes = await readFile(path.join(this.dir, name)).catch(() => undefined);
      if (bytes) files[name] = sha256(bytes);
    }
    return files;
  }
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

/** What the site stage did: its problems, and the files it removed (relative to the output folder). */
export interface SiteOutcome {
  diagnostics: Diagnostic[];
  removed: string[];
}

/**
 * Brings the website up to date with the PDFs on disk: cover thumbnails, each leaflet's HTML
 * page (from the compiled model the PDFs came from: a unit compiled in this thread is not
 * compiled again), the home, downloads and root pages, sitemap and manifest; then removes
 * whatever nothing publishes any more. Skipped when nothing it is made from changed (each
 * unit's recorded reads, the PDFs, the brand, the strings, the site code) and the files are as
 * last written.
 */
export async function updateWebsite(input: {
  overview: ProjectOverview;
  project: () => Promise<ProjectSnapshot>;
  store: ProjectStore;
  folder: OutputFolder;
  /** As the build's: the pages show the leaflets the PDFs were built from. */
  strict?: boolean;
  record?: BuildRecord;
  knownPages?: ReadonlyMap<string, number>;
  /** The build's date (review-date checks): a model compiled for the PDFs on this thread is reused. */
  today?: string;
  /** Watch mode: remove only what the last manifest listed (see SiteInput.removeOnlyListed). */
  removeOnlyListed?: boolean;
}): Promise<SiteOutcome> {
  const { overview, store, folder, record } = input;
  const strict = input.strict === true;
  const state: unknown[] = [];
  for (const source of overview.sources) {
    const reads = record?.unit(unitKey({ leafletId: source.id, locale: source.locale }))?.reads;
    state.push([source.file, source.withdrawn ?? null, reads ?? store.digestOf(source.file)]);
    for (const edition of EDITION_IDS) {
      const file = outputPath(folder.dir, source.locale, source.id, edition);
      state.push([file, await folder.digestOf(file)]);
    }
  }
  const key = sha256(
    JSON.stringify([codeDigest(['site', 'html', 'emit', 'compile']), strict, state, overview.reads.brand, overview.reads.locales]),
  );
  if (record?.site?.key === key && sameFiles(record.site.files, await folder.websiteFiles())) return { diagnostics: [], removed: [] };
  try {
    const project = await input.project();
    const [{ writeDownloadsSite }, { compileUnitOnce }, { buildDate }] = await Promise.all([
      import('../../site/writeSite.ts'),
      import('./compileUnit.ts'),
      import('../../lint/reviewDates.ts'),
    ]);
    const today = input.today ?? buildDate();
    const site = await writeDownloadsSite({
      outDir: folder.dir,
      sources: project.sources,
      ...(project.brand ? { brand: project.brand } : {}),
      i18n: project.i18n,
      leafletModel: (source) => compileUnitOnce(project, store, source, strict, today).leaflet,
      ...(input.knownPages ? { knownPages: input.knownPages } : {}),
      ...(input.removeOnlyListed ? { removeOnlyListed: true } : {}),
    });
    if (record) record.site = site.diagnostics.length === 0 ? { key, files: await folder.websiteFiles() } : undefined;
    return { diagnostics: site.diagnostics, removed: site.removed };
  } catch (error) {
    return { diagnostics: [internalErrorDiagnostic(error, { file: path.basename(folder.dir) }, 'writing the website files', 'emit')], removed: [] };
  }
}
