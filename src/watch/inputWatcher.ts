import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** Folders a user edits; the brand file and its assets live under templates/. */
export const WATCHED_FOLDERS = ['content', 'locales', 'templates'];

/** Editors' backup, swap and temporary files, and our own atomic-write temporaries. */
const isScratchFile = (file: string): boolean => {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/.test(name) || /^#.*#$/.test(name);
};

export interface InputWatcherOptions {
  root: string;
  /** Quiet time that ends a burst of events (atomic saves, a git checkout). */
  debounceMs: number;
  /** Called with the project-relative paths (forward slashes) changed in one burst. */
  onBurst: (files: string[]) => void;
  onError?: (error: unknown) => void;
}

/**
 * chokidar on the project's input folders plus any extra files (the brand's fonts), with a
 * short debounce instead of awaitWriteFinish: a burst arrives as one set of paths, and a
 * single save reaches the build within a few tens of milliseconds.
 */
export class InputWatcher {
  private readonly watcher: FSWatcher;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  readonly ready: Promise<void>;

  constructor(private readonly options: InputWatcherOptions) {
    const { root } = options;
    this.watcher = watch(
      WATCHED_FOLDERS.map((folder) => path.join(root, folder)),
      { ignoreInitial: true, ignored: isScratchFile },
    );
    // A new folder's files arrive as their own `add` events; a removed folder is noted as
    // `folder/` because its files are not always reported one by one.
    for (const event of ['add', 'change', 'unlink'] as const) this.watcher.on(event, (file: string) => this.note(file));
    this.watcher.on('unlinkDir', (dir: string) => this.note(dir, '/'));
    this.watcher.on('error', (error) => options.onError?.(error));
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  /** Watches files outside the input folders too (fonts from npm packages). */
  addFiles(files: string[]): void {
    if (files.length > 0) this.watcher.add(files);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher.close();
  }

  private note(file: string, suffix = ''): void {
    this.pending.add(path.relative(this.options.root, file).split(path.sep).join('/') + suffix);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs);
  }

  private flush(): void {
    const files = [...this.pending].sort();
    this.pending = new Set();
    if (files.length > 0) this.options.onBurst(files);
  }
}
