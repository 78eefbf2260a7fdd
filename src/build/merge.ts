import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { removeStaleTemporaries, writeFileAtomic } from '../emit/atomicWrite.ts';
import { EDITION_IDS, type EditionId } from '../render/editions.ts';
import { BuildRecord } from './cache/buildRecord.ts';
import { environmentFingerprint } from './cache/fingerprint.ts';
import { defaultCacheDir } from './buildProject.ts';
import { ProjectLoader } from './project.ts';
import { overviewOf } from './projectOverview.ts';
import { OUTPUT_HANDLERS, pdfTargets } from './stages/outputs.ts';
import { OutputFolder, SHARD_FILE, updateWebsite } from './stages/siteStage.ts';
import { ProjectStore } from './store/projectStore.ts';

interface ShardNote {
  shard: number;
  of: number;
  plan: string;
  units: string[];
  editions: EditionId[];
}

export interface MergeReport {
  files: number;
  diagnostics: Diagnostic[];
  /** Why the folders cannot be merged (not a complete, matching set of shards). */
  problem?: string;
  ok: boolean;
}

async function readShardNote(dir: string): Promise<ShardNote | string> {
  try {
    const note = JSON.parse(await readFile(path.join(dir, SHARD_FILE), 'utf8')) as ShardNote;
    if (!Number.isInteger(note.shard) || !Number.isInteger(note.of) || !Array.isArray(note.units)) return `${dir}: ${SHARD_FILE} is not a shard note`;
    if (!note.editions.every((edition) => (EDITION_IDS as readonly string[]).includes(edition))) return `${dir}: unknown edition in ${SHARD_FILE}`;
    return note;
  } catch {
    return `${dir} has no ${SHARD_FILE}: build it with \`leaflets build --shard i/n --out ${dir}\``;
  }
}

/**
 * Combines the output folders of `leaflets build --shard i/n` (every i of one n) into one
 * output folder, then writes one manifest and website from what is there: the result is byte
 * for byte what one `leaflets build` on one machine writes. The shards must come from the same
 * plan (same units, editions and costs), so each output is taken from exactly one shard.
 */
export async function mergeShards(options: { root: string; outDir: string; shardDirs: string[] }): Promise<MergeReport> {
  const notes: ShardNote[] = [];
  const fail = (problem: string): MergeReport => ({ files: 0, diagnostics: [], problem, ok: false });
  for (const dir of options.shardDirs) {
    const note = await readShardNote(dir);
    if (typeof note === 'string') return fail(note);
    notes.push(note);
  }
  const first = notes[0];
  if (!first) return fail('no shard folders given');
  if (notes.some((note) => note.of !== first.of || note.plan !== first.plan || note.editions.join() !== first.editions.join())) {
    return fail('the folders come from different shard plans (another n, editions or cost table): rebuild every shard from the same commit and cache');
  }
  const seen = new Set(notes.map((note) => note.shard));
  const missing = Array.from({ length: first.of }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0 || seen.size !== notes.length) {
    return fail(`need each shard 1..${first.of} exactly once; missing: ${missing.join(', ') || 'none'}, given: ${notes.map((note) => note.shard).join(', ')}`);
  }

  await removeStaleTemporaries(options.outDir);
  let files = 0;
  const targets = pdfTargets(first.editions);
  for (const [index, note] of notes.entries()) {
    const shardDir = options.shardDirs[index]!;
    for (const key of note.units) {
      const [locale, leafletId] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
      for (const target of targets) {
        const handler = OUTPUT_HANDLERS[target.kind];
        const bytes = await readFile(handler.path(shardDir, { locale, leafletId }, target.variant)).catch(() => undefined);
        if (!bytes) continue;
        await writeFileAtomic(handler.path(options.outDir, { locale, leafletId }, target.variant), bytes);
        files += 1;
      }
    }
  }
  const store = new ProjectStore(options.root);
  const project = await new ProjectLoader(store).load();
  const record = await BuildRecord.open(defaultCacheDir(options.root), options.outDir, environmentFingerprint());
  const { diagnostics } = await updateWebsite({ overview: overviewOf(project), project: async () => project, store, folder: new OutputFolder(options.outDir), record });
  await record.save().catch(() => undefined);
  return { files, diagnostics, ok: !diagnostics.some((d) => d.severity === 'error') };
}
