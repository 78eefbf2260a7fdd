import type { DependencyGraph } from '../build/graph.ts';

/** Stands for a digest this thread has not seen yet: it equals no digest, so the unit stays stale. */
const unseen = (digest: string) => `unseen:${digest}`;

export interface RecordedReads {
  /** False when a newer generation's reads were already recorded for the unit. */
  recorded: boolean;
  /** Inputs the job read in a state this thread has not processed (recorded as unseen). */
  unseen: string[];
}

/**
 * Keeps the watch's dependency graph to what this thread has seen. A finished job's reads say
 * what its output was built from, and the next burst's plan rebuilds a unit only when an input
 * it read has changed since. Two guards keep that true:
 * - A background thread reads a file from disk when it first needs it, so a job can read a save
 *   whose burst this thread has not processed yet. Recorded as it is, that save would make the
 *   unit look up to date when its burst arrives, and its other editions (the A5 someone waits
 *   for among them) would never be rebuilt from it. Such reads are recorded as unseen: the burst
 *   finds the unit stale.
 * - A job of an older generation never replaces what a newer one recorded.
 */
export class JobReads {
  private readonly generationOf = new Map<string, number>();

  /** `digestNow`: an input's digest in this thread's project store (the state the last burst loaded). */
  constructor(
    private readonly graph: DependencyGraph,
    private readonly digestNow: (key: string) => string,
  ) {}

  record(unit: string, generation: number, reads: ReadonlyArray<[string, string]>): RecordedReads {
    if ((this.generationOf.get(unit) ?? -1) > generation) return { recorded: false, unseen: [] };
    const unseenKeys: string[] = [];
    const seen = reads.map(([key, digest]): [string, string] => {
      if (this.digestNow(key) === digest) return [key, digest];
      unseenKeys.push(key);
      return [key, unseen(digest)];
    });
    this.graph.set(unit, seen);
    this.generationOf.set(unit, generation);
    return { recorded: true, unseen: unseenKeys };
  }
}
