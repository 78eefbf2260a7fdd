import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/**
 * How the pipeline reads the project. The build passes its project store (which remembers
 * each file's content digest and which stage read it); code run on its own reads the disk.
 * Paths are absolute; listings are sorted names, none when the folder is missing.
 */
export interface ProjectFiles {
  readText(absPath: string): Promise<string>;
  readTextSync(absPath: string): string;
  /** A regular file exists at this path. */
  isFile(absPath: string): boolean;
  list(absDir: string, kind: 'dir' | 'file'): Promise<string[]>;
  listSync(absDir: string, kind: 'dir' | 'file'): string[];
}

function listNames(absDir: string, kind: 'dir' | 'file'): string[] {
  try {
    return readdirSync(absDir, { withFileTypes: true })
      .filter((entry) => (kind === 'dir' ? entry.isDirectory() : entry.isFile()))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export const diskFiles: ProjectFiles = {
  readText: (absPath) => readFile(absPath, 'utf8'),
  readTextSync: (absPath) => readFileSync(absPath, 'utf8'),
  isFile: (absPath) => existsSync(absPath) && statSync(absPath).isFile(),
  list: async (absDir, kind) => {
    try {
      const entries = await readdir(absDir, { withFileTypes: true });
      return entries.filter((entry) => (kind === 'dir' ? entry.isDirectory() : entry.isFile())).map((entry) => entry.name).sort();
    } catch {
      return [];
    }
  },
  listSync: listNames,
};
