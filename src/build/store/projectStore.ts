import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isListedAs, type ProjectFiles } from '../../load/projectFiles.ts';
import { ABSENT, listingKey, type ReadLog } from './readLog.ts';

interface FileEntry {
  bytes?: Buffer;
  digest: string;
}

interface Listing {
  names: string[];
  digest: string;
}

/** Editors' backup, swap and temporary files, and our own atomic-write temporaries: never project inputs. */
export const isScratchName = (name: string): boolean =>
  name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/.test(name) || /^#.*#$/.test(name);

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The one place the build reads the project from. Each file is read once and kept, with its
 * content digest, until `invalidate` says it changed (watch mode), so every stage of a build
 * or rebuild sees one consistent snapshot. Reads made inside `track` are recorded in that
 * stage's read log (nested stages record into their parents too): the dependency graph is
 * what the stages really read, not a hand-written list.
 */
export class ProjectStore implements ProjectFiles {
  private readonly files = new Map<string, FileEntry>();
  private readonly listings = new Map<string, Listing>();
  private readonly logs = new AsyncLocalStorage<ReadLog[]>();

  constructor(readonly root: string) {}

  /** Project-relative key of an absolute path (forward slashes; `../` for files outside the root). */
  keyOf(absPath: string): string {
    return path.relative(this.root, absPath).split(path.sep).join('/');
  }

  absolute(key: string): string {
    return path.resolve(this.root, key);
  }

  /** Runs `work` with a fresh read log; returns its result and every read it made. */
  track<T>(work: () => T): { value: T; reads: ReadLog } {
    const reads: ReadLog = new Map();
    const value = this.logs.run([...(this.logs.getStore() ?? []), reads], work);
    return { value, reads };
  }

  /** Like track, for async work: reads are recorded until the promise settles. */
  async trackAsync<T>(work: () => Promise<T>): Promise<{ value: T; reads: ReadLog }> {
    const reads: ReadLog = new Map();
    const value = await this.logs.run([...(this.logs.getStore() ?? []), reads], work);
    return { value, reads };
  }

  /** Records reads that a stage makes through data already loaded (strings, partials, fonts it uses). */
  noteRead(key: string): void {
    this.record(key, this.digestOf(key));
  }

  /** Adds another log's reads to the current stage's (a stage reusing a loaded part). */
  noteReads(log: Iterable<[string, string]>): void {
    for (const [key, digest] of log) this.record(key, digest);
  }

  /** Digest of a file (or of a listing key) as the store sees it now; ABSENT when it does not exist. */
  digestOf(key: string): string {
    const star = key.lastIndexOf('/*');
    if (star !== -1 && (key.endsWith('/*dir') || key.endsWith('/*file'))) {
      return this.listing(this.absolute(key.slice(0, star)), key.endsWith('dir') ? 'dir' : 'file').digest;
    }
    return this.entry(this.absolute(key)).digest;
  }

  /** Bytes of a file, read once until invalidated; undefined when missing. */
  readBytes(absPath: string): Buffer | undefined {
    const entry = this.entry(absPath);
    this.record(this.keyOf(absPath), entry.digest);
    return entry.bytes;
  }

  readTextSync(absPath: string): string {
    const bytes = this.readBytes(absPath);
    if (bytes === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${absPath}'`), { code: 'ENOENT' });
    return bytes.toString('utf8');
  }

  async readText(absPath: string): Promise<string> {
    return this.readTextSync(absPath);
  }

  isFile(absPath: string): boolean {
    const entry = this.entry(absPath);
    this.record(this.keyOf(absPath), entry.digest);
    return entry.bytes !== undefined;
  }

  listSync(absDir: string, kind: 'dir' | 'file'): string[] {
    const listing = this.listing(absDir, kind);
    this.record(listingKey(this.keyOf(absDir), kind), listing.digest);
    return listing.names;
  }

  async list(absDir: string, kind: 'dir' | 'file'): Promise<string[]> {
    return this.listSync(absDir, kind);
  }

  /**
   * Forgets what the store knows of these project-relative paths (a trailing `/` means a
   * folder and everything under it), and the listings of their folders, so the next read
   * sees the disk.
   */
  invalidate(keys: Iterable<string>): void {
    for (const key of keys) {
      const folder = key.endsWith('/') ? key.slice(0, -1) : undefined;
      for (const known of [...this.files.keys()]) {
        const knownKey = this.keyOf(known);
        if (knownKey === key || (folder !== undefined && knownKey.startsWith(`${folder}/`))) this.files.delete(known);
      }
      // Any listing on the way to the file may have gained or lost a name.
      let parent = folder ?? key;
      for (;;) {
        parent = path.posix.dirname(parent);
        for (const kind of ['dir', 'file'] as const) this.listings.delete(`${this.absolute(parent)}\0${kind}`);
        if (parent === '.' || parent === '/' || parent === '..') break;
      }
      if (folder !== undefined) {
        for (const known of [...this.listings.keys()]) if (this.keyOf(known.split('\0')[0]!).startsWith(folder)) this.listings.delete(known);
      }
    }
  }

  private record(key: string, digest: string): void {
    for (const log of this.logs.getStore() ?? []) log.set(key, digest);
  }

  private entry(absPath: string): FileEntry {
    let entry = this.files.get(absPath);
    if (!entry) {
      let bytes: Buffer | undefined;
      try {
        bytes = statSync(absPath).isFile() ? readFileSync(absPath) : undefined;
      } catch {
        bytes = undefined;
      }
      entry = bytes === undefined ? { digest: ABSENT } : { bytes, digest: sha256(bytes) };
      this.files.set(absPath, entry);
    }
    return entry;
  }

  private listing(absDir: string, kind: 'dir' | 'file'): Listing {
    const id = `${absDir}\0${kind}`;
    let listing = this.listings.get(id);
    if (!listing) {
      let names: string[] = [];
      try {
        names = readdirSync(absDir, { withFileTypes: true })
          .filter((entry) => isListedAs(entry, kind) && !isScratchName(entry.name))
          .map((entry) => entry.name)
          .sort();
      } catch {
        names = [];
      }
      listing = { names, digest: sha256(names.join('\n')) };
      this.listings.set(id, listing);
    }
    return listing;
  }
}
