import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import { parseLeafletSource, type LeafletSource } from '../load/content.ts';
import type { TranslationInfo } from '../load/frontMatterSchema.ts';
import { normaliseBody, bodyHash } from './sourceHash.ts';

const run = promisify(execFile);

/** How far back in a file's history to look for the text a translation was made from. */
const MAX_COMMITS = 500;

export interface SourceDiff {
  /** Unified diff of the source body, from the text translated to the text now; absent when not found. */
  diff?: string;
  /** Commit holding the text the translation was made from. */
  commit?: string;
  /** Why there is no diff (no git, no matching version in the history...). */
  unavailable?: string;
}

/** File line of the body's first line as normaliseBody keeps it (leading blank lines dropped). */
const firstBodyLine = (leaflet: LeafletSource): number =>
  leaflet.bodyStartLine + (/^(?:\uFEFF)?(?:[ \t]*\r?\n)*/.exec(leaflet.body)![0].match(/\n/g)?.length ?? 0);

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/**
 * Does this past version of the source match what the translation records? The hash when
 * recorded (exact), otherwise the version number.
 */
function matches(past: LeafletSource, translation: TranslationInfo): boolean {
  if (translation.sourceHash !== undefined) {
    const hash = bodyHash(past.body);
    return hash.startsWith(translation.sourceHash) || translation.sourceHash.startsWith(hash);
  }
  return past.frontMatter?.version === translation.sourceVersion;
}

/**
 * Finds, in git history, the source text a translation was made from (the newest commit of
 * the source file whose body hash matches `translation.sourceHash`) and diffs it against the
 * source now. Git is the store: nothing extra to commit. Without git, or when the text is not
 * in the history (never committed), it says so instead.
 */
export async function sourceDiffSince(root: string, source: LeafletSource, translation: TranslationInfo): Promise<SourceDiff> {
  let commits: string[];
  try {
    commits = (await git(root, ['log', `--max-count=${MAX_COMMITS}`, '--format=%H', '--', source.file])).split('\n').filter(Boolean);
  } catch {
    return { unavailable: 'git history is not available here, so the old English text cannot be shown' };
  }
  for (const commit of commits) {
    let raw: string;
    try {
      raw = await git(root, ['show', `${commit}:${source.file}`]);
    } catch {
      continue;
    }
    const past = parseLeafletSource(raw, { id: source.id, locale: source.locale, file: source.file, absPath: source.absPath }).source;
    if (!matches(past, translation)) continue;
    const label = translation.sourceHash ?? `version ${translation.sourceVersion}`;
    const patch = structuredPatch(
      `${source.file} (translated from, ${label})`,
      `${source.file} (now, ${bodyHash(source.body)})`,
      `${normaliseBody(past.body)}\n`,
      `${normaliseBody(source.body)}\n`,
      `commit ${commit.slice(0, 12)}`,
      'working copy',
      { context: 2 },
    );
    // Hunks count lines of the body; a translator looks for them in the file.
    const [oldShift, newShift] = [firstBodyLine(past) - 1, firstBodyLine(source) - 1];
    patch.hunks = patch.hunks.map((hunk) => ({ ...hunk, oldStart: hunk.oldStart + oldShift, newStart: hunk.newStart + newShift }));
    return { diff: formatPatch(patch, FILE_HEADERS_ONLY), commit };
  }
  return {
    unavailable: `the English text the translation was made from (${translation.sourceHash ?? `version ${translation.sourceVersion}`}) is not in the git history of ${source.file}`,
  };
}
