import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Names of the sub-folders or files of a folder, sorted; none when the folder is missing.
 * Symbolic links are listed by what they point to, and anything that is not a folder (a broken
 * link, a pipe) counts as a file, so the reader checks and reports it rather than skip it silently.
 */
export async function listDirectory(dir: string, kind: 'dir' | 'file'): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const entry of entries) {
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) isDirectory = (await stat(join(dir, entry.name)).catch(() => undefined))?.isDirectory() ?? false;
    if (isDirectory === (kind === 'dir')) names.push(entry.name);
  }
  return names.sort();
}
