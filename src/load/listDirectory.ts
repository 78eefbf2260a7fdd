import { readdir } from 'node:fs/promises';

/** Names of the sub-folders or files of a folder, sorted; none when the folder is missing. */
export async function listDirectory(dir: string, kind: 'dir' | 'file'): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => (kind === 'dir' ? entry.isDirectory() : entry.isFile()))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
