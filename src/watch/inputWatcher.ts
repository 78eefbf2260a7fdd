import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { WatchEvent } from './watchEvents.ts';

/** Folders of the project that never hold inputs (tools, caches, outputs, version control). */
export const NOT_INPUT_FOLDERS = ['node_modules', '.git', '.cache', 'dist', 'output'];

/** Past chokidar's windows for dropping repeat events on a path (50 ms for changes, 100 ms for removals). */
const RECHECK_AFTER_MS = 120;

/** Editors' backup, swap and temporary files, and our own atomic-write temporaries. */
const isScratchFile = (file: string): boolean => {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/.test(name) || /^#.*#$/.test(name);
};

export interface InputWatcherOptions {
  root: string;
  /** More folders or files to leave alone (absolute): the output folder, wherever it is, and the event log. */
  ignoredFolders?: string[];
  /** Quiet time that ends a burst of events (atomic saves, a git checkout). */
  debounceMs: number;
  /** Called with the project-relative paths (forward slashes) changed in one burst. */
  onBurst: (files: string[]) => void;
  onError?: (error: unknown) => void;
  /** Every event chokidar reports (raw ones too), each recheck and each closed burst: the event log. */
  onEvent?: (event: WatchEvent) => void;
}

/** A file's path from the project root, with forward slashes (as the dependency graph names inputs). */
const projectPath = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** Content hash of one file, or undefined when it is gone (or not a regular file). */
async function hashOf(absolute: string): Promise<string | undefined> {
  const bytes = await readFile(absolute).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex');
}

/** Content hash of every file of the project outside the ignored folders, by project-relative path. */
async function indexInputs(root: string, ignored: (absolute: string) => boolean): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const absolute = path.join(dir, entry.name);
      if (ignored(absolute)) continue;
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile()) {
        const hash = await hashOf(absolute);
        if (hash) index.set(projectPath(root, absolute), hash);
      }
    }
  };
  await walk(root);
  return index;
}

/**
 * chokidar on the whole project (images may live anywhere in it) minus tool, cache and output
 * folders, plus any extra files outside it (the brand's fonts from npm), with a
 * short debounce instead of awaitWriteFinish: a burst arrives as one set of paths, and a
 * single save reaches the build within a few milliseconds.
 *
 * File events only say *that* something happened. What changed is decided by content hashes:
 * every input file is hashed once at start, and after each burst the paths it reported are
 * hashed again; only files whose bytes differ are passed on. An editor's atomic save (events
 * on a temporary file, then the real file) yields the real file; a save that changes nothing
 * rebuilds nothing. Only the reported files are read, so a save costs one small read, not a
 * walk of the project.
 *
 * chokidar drops repeat events for a path inside short windows (a change within 50 ms of the
 * last one, a removal within 100 ms): a second save that quick would be lost, leaving a PDF
 * built from the first. So every reported file is hashed once more after those windows.
 */
export class InputWatcher {
  private readonly watcher: FSWatcher;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** When each reported file is due to be hashed again (see the class comment). */
  private recheckDue = new Map<string, number>();
  private recheckTimer: NodeJS.Timeout | undefined;
  private index = new Map<string, string>();
  private flushing = Promise.resolve();
  readonly ready: Promise<void>;

  /** Files outside the watched tree (or under an ignored folder) watched on request, with their folders. */
  private readonly extra = new Set<string>();

  constructor(private readonly options: InputWatcherOptions) {
    const { root } = options;
    const skipped = [...NOT_INPUT_FOLDERS.map((folder) => path.join(root, folder)), ...(options.ignoredFolders ?? [])];
    const underSkipped = (file: string) => skipped.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`));
    const ignored = (file: string) => {
      if (file === root) return false;
      if (this.extra.has(file) || [...this.extra].some((extra) => extra.startsWith(`${file}${path.sep}`))) return false;
      return isScratchFile(file) || underSkipped(file);
    };
    this.watcher = watch(root, { ignoreInitial: true, ignored });
    // A new folder's files arrive as their own `add` events; a removed folder is noted as
    // `folder/` because its files are not always reported one by one.
    const log = options.onEvent;
    for (const event of ['add', 'change', 'unlink'] as const) {
      this.watcher.on(event, (file: string) => {
        log?.({ type: 'file', event, file: projectPath(root, file) });
        this.note(file);
      });
    }
    this.watcher.on('unlinkDir', (dir: string) => {
      log?.({ type: 'file', event: 'unlinkDir', file: projectPath(root, dir) });
      this.note(dir, '/');
    });
    // What the operating system reported, before chokidar's filters (only when someone listens: it is many events).
    if (log) {
      this.watcher.on('raw', (event: string, name: string | null, opts: unknown) => {
        // A folder's watcher names the entry in it; a file's own watcher names the file.
        const watched = (opts as { watchedPath?: string } | undefined)?.watchedPath;
        const file = watched === undefined ? path.resolve(root, String(name)) : name && path.basename(watched) !== name ? path.join(watched, name) : watched;
        if (!ignored(file)) log({ type: 'file', event: 'raw', file: projectPath(root, file) || '.', detail: event });
      });
    }
    this.watcher.on('error', (error) => options.onError?.(error));
    const watching = new Promise<void>((resolve) => this.watcher.once('ready', () => resolve()));
    // Merged, not assigned: hashes of files added meanwhile (addFiles) stay.
    const indexed = indexInputs(root, ignored).then((index) => index.forEach((hash, file) => this.index.set(file, hash)));
    this.ready = Promise.all([watching, indexed]).then(() => undefined);
  }

  /** Watches files outside the input folders too (fonts from npm packages). */
  addFiles(files: string[]): void {
    const fresh = files.filter((file) => !this.extra.has(file));
    if (fresh.length === 0) return;
    for (const file of fresh) this.extra.add(file);
    this.watcher.add(fresh);
    this.flushing = this.flushing.then(async () => {
      for (const file of fresh) {
        const hash = await hashOf(file);
        if (hash) this.index.set(projectPath(this.options.root, file), hash);
      }
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    clearTimeout(this.recheckTimer);
    await this.watcher.close();
  }

  private note(file: string, suffix = ''): void {
    const reported = projectPath(this.options.root, file) + suffix;
    this.pending.add(reported);
    if (!suffix) {
      this.recheckDue.set(reported, performance.now() + RECHECK_AFTER_MS);
      this.armRecheck();
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs);
  }

  private armRecheck(): void {
    if (this.recheckTimer || this.recheckDue.size === 0) return;
    const next = Math.min(...this.recheckDue.values());
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      const now = performance.now();
      const due = [...this.recheckDue].filter(([, at]) => at <= now).map(([file]) => file);
      for (const file of due) this.recheckDue.delete(file);
      if (due.length > 0) {
        this.options.onEvent?.({ type: 'recheck', files: due });
        due.forEach((file) => this.pending.add(file));
        this.flush();
      }
      this.armRecheck();
    }, Math.max(0, next - performance.now()));
  }

  private flush(): void {
    const reported = [...this.pending];
    this.pending = new Set();
    this.flushing = this.flushing.then(async () => {
      const files = await this.changedSince(reported);
      this.options.onEvent?.({ type: 'burst', reported, changed: files });
      if (files.length > 0) this.options.onBurst(files);
    });
  }

  /** Reported files whose content differs from the index. */
  private async changedSince(reported: string[]): Promise<string[]> {
    const { root } = this.options;
    const changed = new Set<string>();
    for (const file of reported) {
      if (file.endsWith('/')) {
        // A removed folder: every file indexed under it is gone (its own unlink events may not come).
        for (const indexed of [...this.index.keys()].filter((each) => each.startsWith(file))) {
          this.index.delete(indexed);
          changed.add(indexed);
        }
        continue;
      }
      const hash = await hashOf(path.resolve(root, file));
      if (hash === this.index.get(file)) continue;
      if (hash === undefined) this.index.delete(file);
      else this.index.set(file, hash);
      changed.add(file);
    }
    // The folder itself is passed on too when something under it went (its files' unlink events may come first).
    for (const folder of reported) if (folder.endsWith('/') && [...changed].some((file) => file.startsWith(folder))) changed.add(folder);
    return [...changed].sort();
  }
}
