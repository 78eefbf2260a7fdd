import { existsSync, readdirSync, readFileSync, statSync, realpathSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatBytes, raiseLimitNote, type LimitName } from './limits.ts';
import { decodeUtf8, placeOfByte } from './utf8.ts';

/**
 * How the pipeline reads the project. The build passes its project store (which remembers
 * each file's content digest and which stage read it); code run on its own reads the disk.
 * Paths are absolute; listings are sorted names, none when the folder is missing.
 */
export interface ProjectFiles {
  /** Bytes of a file; undefined when there is none. */
  readBytes(absPath: string): Buffer | undefined;
  readText(absPath: string): Promise<string>;
  readTextSync(absPath: string): string;
  /** A regular file exists at this path. */
  isFile(absPath: string): boolean;
  list(absDir: string, kind: 'dir' | 'file'): Promise<string[]>;
  listSync(absDir: string, kind: 'dir' | 'file'): string[];
}

/**
 * Folders are folders; everything else (symbolic links, sockets...) is listed as a file, so the
 * reader's checks refuse it with a message instead of the build skipping it in silence.
 */
export const isListedAs = (entry: Dirent, kind: 'dir' | 'file'): boolean => (kind === 'dir' ? entry.isDirectory() : !entry.isDirectory());

function listNames(absDir: string, kind: 'dir' | 'file'): string[] {
  try {
    return readdirSync(absDir, { withFileTypes: true })
      .filter((entry) => isListedAs(entry, kind))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

export const diskFiles: ProjectFiles = {
  readBytes: (absPath) => {
    try {
      return readFileSync(absPath);
    } catch {
      return undefined;
    }
  },
  readText: (absPath) => readFile(absPath, 'utf8'),
  readTextSync: (absPath) => readFileSync(absPath, 'utf8'),
  isFile: (absPath) => existsSync(absPath) && statSync(absPath).isFile(),
  list: async (absDir, kind) => {
    try {
      const entries = await readdir(absDir, { withFileTypes: true });
      return entries.filter((entry) => isListedAs(entry, kind)).map((entry) => entry.name).sort();
    } catch {
      return [];
    }
  },
  listSync: listNames,
};

/**
 * Reading the project's own files safely. Every file the build reads is resolved with symlinks
 * followed and must lie inside the project folder (npm fonts: inside its node_modules), must be
 * a regular file, must not exceed its size limit (checked before reading), and text must be
 * UTF-8. Whoever can add a file to the repository must not be able to make the build print
 * another file on the build machine, or stall it.
 */
/** Project-relative path with forward slashes (how diagnostics name files). */
export const projectRelative = (root: string, absolute: string): string => relative(root, absolute).split(sep).join('/');

const isWithin = (folder: string, path: string): boolean => {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
};

const realFolder = (folder: string): string => {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
};

export type BoundaryCheck =
  | { ok: true; realPath: string; bytes: number }
  | { ok: false; rule: 'outside-project' | 'missing-file' | 'not-a-file'; message: string; note?: string };

/**
 * Where a path really leads (symlinks followed), and whether that is a regular file inside one
 * of the allowed folders (the project root by default). The message never quotes the target.
 */
export function checkProjectPath(root: string, absolute: string, options: { within?: string[]; name?: string } = {}): BoundaryCheck {
  const name = options.name ?? projectRelative(root, absolute);
  let realPath: string;
  try {
    realPath = realpathSync(absolute);
  } catch {
    return { ok: false, rule: 'missing-file', message: `${name} does not exist (or is a link to nothing)` };
  }
  const allowed = (options.within ?? [root]).map(realFolder);
  if (!allowed.some((folder) => isWithin(folder, realPath))) {
    return {
      ok: false,
      rule: 'outside-project',
      message: `${name} leads outside the project (through a symbolic link or an absolute path)`,
      note: 'The build reads only files inside the project folder: copy the file into the project.',
    };
  }
  const info = statSync(realPath, { throwIfNoEntry: false });
  if (!info?.isFile()) return { ok: false, rule: 'not-a-file', message: `${name} is not a regular file` };
  return { ok: true, realPath, bytes: info.size };
}

export interface ProjectRead {
  root: string;
  /** Absolute path as the project names it (before following links). */
  absolute: string;
  /** Largest size accepted, and the limit's name for the message (none for fixed limits). */
  maxBytes: number;
  limit?: LimitName;
  /** What the file is, for messages: "Markdown file", "locale file", "image". */
  what: string;
  source: string;
  /** Where the bytes come from once the checks pass: the build's store (which records the read) or the disk. */
  files?: Pick<ProjectFiles, 'readBytes'>;
}

export type ProjectBytes = { bytes: Buffer; realPath: string; diagnostics: [] } | { bytes?: undefined; diagnostics: Diagnostic[] };
export type ProjectText = { text: string; realPath: string; diagnostics: [] } | { text?: undefined; diagnostics: Diagnostic[] };

/** A project file's bytes, after the boundary and size checks. */
export function readProjectBytes(read: ProjectRead): ProjectBytes {
  const file = projectRelative(read.root, read.absolute);
  const fail = (rule: string, message: string, note?: string): ProjectBytes => ({
    diagnostics: [diagnostic({ file, rule, source: read.source, message, ...(note === undefined ? {} : { note }) })],
  });
  const place = checkProjectPath(read.root, read.absolute, { name: file });
  if (!place.ok) return fail(place.rule, place.message, place.note);
  if (place.bytes > read.maxBytes) {
    return fail(
      'file-too-large',
      `${file} is ${formatBytes(place.bytes)}, over the ${formatBytes(read.maxBytes)} limit for a ${read.what}`,
      read.limit === undefined ? 'Make it smaller.' : `Make it smaller or split it. ${raiseLimitNote(read.limit)}`,
    );
  }
  const bytes = (read.files ?? diskFiles).readBytes(read.absolute);
  if (bytes === undefined) return fail('unreadable', `Could not read ${file}`);
  return { bytes, realPath: place.realPath, diagnostics: [] };
}

/** A project text file (Markdown, JSON, YAML, Handlebars): bytes as above, then strict UTF-8. */
export function readProjectText(read: ProjectRead): ProjectText {
  const loaded = readProjectBytes(read);
  if (loaded.bytes === undefined) return loaded;
  const decoded = decodeUtf8(loaded.bytes);
  if ('text' in decoded) return { text: decoded.text, realPath: loaded.realPath, diagnostics: [] };
  const file = projectRelative(read.root, read.absolute);
  const byte = loaded.bytes[decoded.invalidAt]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    diagnostics: [
      diagnostic({
        file,
        ...placeOfByte(loaded.bytes, decoded.invalidAt),
        rule: 'invalid-utf8',
        source: read.source,
        message: `${file} is not valid UTF-8 text (byte 0x${byte} here)`,
        note: 'Save the file with UTF-8 encoding in your editor; the build does not guess other encodings.',
      }),
    ],
  };
}
