import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ProjectOverview } from '../projectOverview.ts';

/** One output of a leaflet in one locale (an edition's PDF), as the last build left it. */
export interface OutputRecord {
  /** Digest of everything the output depends on: its cache key. */
  key: string;
  /** Digest of the file written, or undefined when the output failed (nothing written). */
  fileDigest?: string;
  pages?: number;
  bytes?: number;
  diagnostics: Diagnostic[];
  meta: Record<string, unknown>;
}

/** A leaflet in one locale: what its compile read and reported, and each edition's output. */
export interface UnitRecord {
  strict: boolean;
  /** Sorted [input key, digest] pairs the compile stage read. */
  reads: Array<[string, string]>;
  diagnostics: Diagnostic[];
  /** Whether compile errors stop every edition. */
  compiled: boolean;
  readingEase?: { fleschReadingEase: number; words: number };
  /** The leaflet's review date: a build with nothing to do still lists it in its summary. */
  reviewDue?: string;
  outputs: Record<string, OutputRecord>;
}

/** A project-wide stage (brand lint, a locale's checks), remembered with what it read. */
export interface StageRecord {
  reads: Array<[string, string]>;
  diagnostics: Diagnostic[];
}

interface RecordData {
  version: 1;
  fingerprint: string;
  units: Record<string, UnitRecord>;
  stages: Record<string, StageRecord>;
  /** The project as last loaded: every file and listing the load read, and what it found. */
  project?: { reads: Array<[string, string]>; overview: ProjectOverview };
  /** The website files as last written, and the digest of what they were made from. */
  site?: { key: string; files: Record<string, string> };
}

/**
 * What the last build into one output folder read and wrote, kept in the cache folder. A
 * build validates each entry against the store (same digests for everything it read) and
 * then skips the work; nothing here is trusted without that check, and a record written by
 * other code (another fingerprint) is dropped whole.
 */
export class BuildRecord {
  private constructor(
    private readonly file: string,
    private data: RecordData,
  ) {}

  static async open(cacheDir: string, outDir: string, fingerprint: string): Promise<BuildRecord> {
    const id = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
    const file = path.join(cacheDir, 'records', `${id}.json`);
    const empty: RecordData = { version: 1, fingerprint, units: {}, stages: {} };
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as RecordData;
      return new BuildRecord(file, data.version === 1 && data.fingerprint === fingerprint ? data : empty);
    } catch {
      return new BuildRecord(file, empty);
    }
  }

  /** No unit was recorded (a first build, or one after the code or cache changed). */
  isEmpty(): boolean {
    return Object.keys(this.data.units).length === 0;
  }

  unit(key: string): UnitRecord | undefined {
    return this.data.units[key];
  }

  setUnit(key: string, unit: UnitRecord): void {
    this.data.units[key] = unit;
  }

  stage(name: string): StageRecord | undefined {
    return this.data.stages[name];
  }

  setStage(name: string, stage: StageRecord): void {
    this.data.stages[name] = stage;
  }

  get project(): RecordData['project'] {
    return this.data.project;
  }

  setProject(project: NonNullable<RecordData['project']>): void {
    this.data.project = project;
  }

  get site(): RecordData['site'] {
    return this.data.site;
  }

  set site(site: RecordData['site']) {
    this.data.site = site;
  }

  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.data));
    await rename(temporary, this.file);
  }
}

/** Last known render time per leaflet x locale, shared by every output folder (shards balance by it). */
export async function readCosts(cacheDir: string): Promise<Record<string, number>> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir, 'costs.json'), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export async function writeCosts(cacheDir: string, costs: Record<string, number>): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, 'costs.json');
  const temporary = `${file}.${process.pid}.tmp`;
  const sorted = Object.fromEntries(Object.entries(costs).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(temporary, `${JSON.stringify(sorted, null, 1)}\n`);
  await rename(temporary, file);
}
