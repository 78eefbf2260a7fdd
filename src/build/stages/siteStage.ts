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

/**
 * Brings the website files (manifest, cover thumbnails, downloads page) up to date with the
 * PDFs on disk. Skipped when nothing they are made from changed (the PDFs, the leaflets'
 * front matter, strings, brand, the site code) and the files are as last written.
 */
export async function updateWebsite(input: {
  overview: ProjectOverview;
  project: () => Promise<ProjectSnapshot>;
  store: ProjectStore;
  folder: OutputFolder;
  record?: BuildRecord;
  knownPages?: ReadonlyMap<string, number>;
}): Promise<Diagnostic[]> {
  const { overview, store, folder, record } = input;
  const state: Array<[string, string | undefined]> = [];
  for (const source of overview.sources) {
    state.push([source.file, store.digestOf(source.file)]);
    for (const edition of EDITION_IDS) {
      const file = outputPath(folder.dir, source.locale, source.id, edition);
      state.push([file, await folder.digestOf(file)]);
    }
  }
  const key = sha256(
    JSON.stringify([codeDigest(['site', 'emit']), state, overview.reads.brand, overview.reads.locales]),
  );
  if (record?.site?.key === key && sameFiles(record.site.files, await folder.websiteFiles())) return [];
  try {
    const project = await input.project();
    const { writeDownloadsSite } = await import('../../site/writeSite.ts');
    const site = await writeDownloadsSite({
      outDir: folder.dir,
      sources: project.sources,
      ...(project.brand ? { brand: project.brand } : {}),
      i18n: project.i18n,
      ...(input.knownPages ? { knownPages: input.knownPages } : {}),
    });
    if (record) record.site = site.diagnostics.length === 0 ? { key, files: await folder.websiteFiles() } : undefined;
    return site.diagnostics;
  } catch (error) {
    return [internalErrorDiagnostic(error, { file: path.basename(folder.dir) }, 'writing the website files', 'emit')];
  }
}
