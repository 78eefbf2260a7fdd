import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export type WriteOutcome = 'written' | 'unchanged';

const TEMPORARY_ID_BYTES = 6;
/** The names writeFileAtomic gives its temporary files: `.<name>.<12 hex digits>.tmp`. */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes temporary files that writeFileAtomic left behind in a folder (a build killed between
 * writing and renaming), so they are never uploaded with the output. Only our own naming
 * pattern is touched. Returns the paths removed, relative to the folder.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const stale = names.filter((name) => TEMPORARY_NAME.test(path.basename(name)));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
  return stale.map((name) => name.split(path.sep).join('/'));
}

/**
 * Writes a file so no reader ever sees it half-written: the bytes go to a temporary file in
 * the same folder (same file system, so rename is atomic), are flushed to disk, then renamed
 * over the target. Identical bytes are not rewritten, so file watchers and web caches see no
 * change when nothing changed.
 *
 * `flushToDisk: false` skips the flush (several ms a file): the rename is still atomic for
 * every reader, and only a power cut could leave a file stale. Watch mode uses it, because
 * its first build on the next start compares and rewrites every output.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, { flushToDisk = true } = {}): Promise<WriteOutcome> {
  const existing = await readFile(target).catch(() => undefined);
  if (existing && Buffer.compare(existing, bytes) === 0) return 'unchanged';
  return writeOver(target, bytes, flushToDisk);
}

/**
 * As writeFileAtomic, but only over one version of the file (`replacing`, its SHA-256 in hex):
 * when the file on disk is another by now, it is left alone (`superseded`). Watch mode's
 * background re-fit of a save uses it, so it never covers the PDF of a later save.
 */
export async function replaceFileAtomic(
  target: string,
  bytes: Uint8Array,
  { replacing, flushToDisk = true }: { replacing: string; flushToDisk?: boolean },
): Promise<WriteOutcome | 'superseded'> {
  const existing = await readFile(target).catch(() => undefined);
  if (existing && Buffer.compare(existing, bytes) === 0) return 'unchanged';
  if (!existing || createHash('sha256').update(existing).digest('hex') !== replacing) return 'superseded';
  return writeOver(target, bytes, flushToDisk);
}

async function writeOver(target: string, bytes: Uint8Array, flushToDisk: boolean): Promise<WriteOutcome> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(TEMPORARY_ID_BYTES).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      if (flushToDisk) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return 'written';
}
