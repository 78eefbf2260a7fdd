/**
 * What watch mode saw and did, one record per step, for `leaflets watch --verbose` and
 * `--event-log`: the file events chokidar reported, each burst the watcher closed (and which of
 * its files really changed), each plan, and each job from request to finish. Plain data: the
 * printer below and a JSON Lines log read the same objects.
 */
export type WatchEvent =
  /** An event chokidar reported (`raw` is the operating system's, before chokidar filters it). */
  | { type: 'file'; event: 'add' | 'change' | 'unlink' | 'unlinkDir' | 'raw'; file: string; detail?: string }
  /** Reported files hashed again after chokidar's repeat-event windows. */
  | { type: 'recheck'; files: string[] }
  /** A burst closed: the files reported in it, and those whose bytes differ from the last known. */
  | { type: 'burst'; reported: string[]; changed: string[] }
  /** What one burst rebuilds: `digests` are the changed files' content digests as this rebuild reads them. */
  | {
      type: 'plan';
      generation: number;
      changedFiles: string[];
      digests: Record<string, string>;
      stale: string[];
      jobs: Array<{ key: string; lane: string; urgent: boolean; priority: number; action: string; fit?: string }>;
    }
  /**
   * One job's life: `queued`, `merged` (replaced a queued request for the same output),
   * `rerun` (waits behind a running build of the same output), `start`, `done`, `failed`,
   * `dropped` (shutting down). `read` is the edited file's digest as the job read it.
   */
  | {
      type: 'job';
      phase: 'queued' | 'merged' | 'rerun' | 'start' | 'done' | 'failed' | 'dropped';
      key: string;
      lane: string;
      generation?: number;
      outputs?: Array<{ file: string; status: string }>;
      read?: Record<string, string>;
      error?: string;
    }
  /**
   * A job's reads offered to the dependency graph (`read`: its own source's digest). `recorded`
   * is false when a newer generation's were kept; `unseen` are inputs it read in a state this
   * thread has not processed yet (recorded so that the unit stays stale).
   */
  | { type: 'graph'; unit: string; generation: number; read: Record<string, string>; recorded: boolean; unseen: string[] }
  /** A rebuild's outputs are all settled (the summary printed for it). */
  | { type: 'rebuild'; id: number; changedFiles: string[]; written: number; unchanged: number; failed: number; durationMs: number };

/** A record with the time since the watcher started, as written to the log. */
export type TimedWatchEvent = WatchEvent & { ms: number };

/** Short content digests keep log lines readable; 12 hex digits tell saves apart. */
export const shortDigest = (digest: string | undefined): string => (digest === undefined ? 'none' : digest.replace(/^[a-z0-9]+:/, '').slice(0, 12));

const list = (items: readonly string[]) => (items.length === 0 ? '-' : items.join(','));
const digests = (read: Record<string, string> | undefined) =>
  read === undefined ? '' : ` ${Object.entries(read).map(([file, digest]) => `${file}@${digest}`).join(' ')}`;

/** One line per event, e.g. `   812.4 ms  job start    en-GB/support/a5 lane=main gen=3`. */
export function formatWatchEvent(event: TimedWatchEvent): string {
  const head = `${event.ms.toFixed(1).padStart(10)} ms  ${event.type.padEnd(7)}`;
  switch (event.type) {
    case 'file':
      return `${head} ${event.event.padEnd(9)} ${event.file}${event.detail ? ` (${event.detail})` : ''}`;
    case 'recheck':
      return `${head} ${list(event.files)}`;
    case 'burst':
      return `${head} reported=${list(event.reported)} changed=${list(event.changed)}`;
    case 'plan':
      return (
        `${head} gen=${event.generation} changed=${list(event.changedFiles.map((file) => (event.digests[file] ? `${file}@${event.digests[file]}` : file)))} stale=${list(event.stale)} ` +
        `jobs=${event.jobs.length === 0 ? 'none' : event.jobs.map((job) => `${job.key}[${job.lane}${job.urgent ? ',urgent' : ''}${job.fit ? `,${job.fit}` : ''}${job.action === 'render' ? '' : `,${job.action}`}]`).join(' ')}`
      );
    case 'job':
      return (
        `${head} ${event.phase.padEnd(8)} ${event.key} lane=${event.lane}${event.generation === undefined ? '' : ` gen=${event.generation}`}` +
        `${event.outputs ? ` ${event.outputs.map((o) => `${o.file}:${o.status}`).join(' ')}` : ''}${digests(event.read)}${event.error ? ` error=${event.error}` : ''}`
      );
    case 'graph':
      return `${head} ${event.unit} gen=${event.generation}${digests(event.read)}${event.recorded ? '' : ' kept-newer'}${event.unseen.length > 0 ? ` unseen=${list(event.unseen)}` : ''}`;
    case 'rebuild':
      return `${head} #${event.id} changed=${list(event.changedFiles)} written=${event.written} unchanged=${event.unchanged} failed=${event.failed} in ${Math.round(event.durationMs)} ms`;
  }
}

/** Stamps each event with the milliseconds since this call (the watcher's start) before passing it on. */
export function stampEvents(write: (event: TimedWatchEvent) => void, start = performance.now()): (event: WatchEvent) => void {
  return (event) => write({ ms: Math.round((performance.now() - start) * 10) / 10, ...event });
}
