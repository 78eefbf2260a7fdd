/** A unit of work on one output file; `key` names the file. */
export interface KeyedJob {
  key: string;
  /** Which lane runs it (e.g. in-process or a worker pool). */
  lane: string;
  /** Lower runs first within a lane (the edition a reader waits for comes first). */
  priority: number;
  /** Someone is waiting for this output now: lanes that yield to this one start nothing meanwhile. */
  urgent?: boolean;
}

/** A step in a job's life, for the watch event log. */
export type JobPhase = 'queued' | 'merged' | 'rerun' | 'start' | 'dropped';

interface LaneState<J extends KeyedJob> {
  capacity: number;
  running: number;
  pending: Map<string, J>;
  /** Another lane this one waits for: it starts nothing while that lane has urgent work. */
  yieldsTo?: string;
}

/**
 * Runs jobs so the same output is never built twice at once, and a burst of requests for
 * one output collapses into one build: a request for a pending output is merged into it;
 * a request for a running output runs once more after the current run, with fresh inputs.
 */
export class OutputScheduler<J extends KeyedJob, R> {
  private readonly lanes = new Map<string, LaneState<J>>();
  private readonly running = new Map<string, J>();
  private readonly rerun = new Map<string, J>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    capacities: Record<string, number>,
    private readonly run: (job: J) => Promise<R>,
    private readonly settled: (job: J, result: R | undefined, error?: unknown) => void,
    /** e.g. `{ workers: 'main' }`: background work waits while an urgent output (one someone is waiting for) renders. */
    yieldsTo: Record<string, string> = {},
    /** Told each request, start and drop (settling is the caller's `settled`). */
    private readonly observe: (phase: JobPhase, job: J) => void = () => undefined,
  ) {
    for (const [lane, capacity] of Object.entries(capacities)) {
      this.lanes.set(lane, { capacity: Math.max(1, capacity), running: 0, pending: new Map(), yieldsTo: yieldsTo[lane] });
    }
  }

  request(jobs: Iterable<J>): void {
    for (const job of jobs) {
      if (this.running.has(job.key)) {
        this.rerun.set(job.key, job);
        this.observe('rerun', job);
        continue;
      }
      // The latest request decides the lane; an output is pending in one lane only.
      let merged = false;
      for (const lane of this.lanes.values()) merged = lane.pending.delete(job.key) || merged;
      this.laneOf(job).pending.set(job.key, job);
      this.observe(merged ? 'merged' : 'queued', job);
    }
    for (const lane of this.lanes.values()) this.pump(lane);
  }

  /** Forgets every job not yet started (shutting down); running ones still finish. */
  dropPending(): void {
    for (const job of this.rerun.values()) this.observe('dropped', job);
    this.rerun.clear();
    for (const lane of this.lanes.values()) {
      for (const job of lane.pending.values()) this.observe('dropped', job);
      lane.pending.clear();
    }
  }

  /** Resolves when nothing is pending or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Nothing pending or running in one lane. */
  isLaneIdle(name: string): boolean {
    const lane = this.lanes.get(name);
    return !lane || (lane.running === 0 && lane.pending.size === 0);
  }

  isIdle(): boolean {
    return this.running.size === 0 && [...this.lanes.values()].every((lane) => lane.pending.size === 0);
  }

  private laneOf(job: J): LaneState<J> {
    const lane = this.lanes.get(job.lane);
    if (!lane) throw new Error(`Unknown lane ${job.lane}`);
    return lane;
  }

  private hasUrgentWork(name: string): boolean {
    const lane = this.lanes.get(name);
    if (!lane) return false;
    return [...lane.pending.values(), ...this.running.values()].some((job) => job.urgent && job.lane === name);
  }

  private pump(lane: LaneState<J>): void {
    if (lane.yieldsTo !== undefined && this.hasUrgentWork(lane.yieldsTo)) return;
    while (lane.running < lane.capacity && lane.pending.size > 0) {
      let next: J | undefined;
      for (const job of lane.pending.values()) if (next === undefined || job.priority < next.priority) next = job;
      if (next === undefined) return;
      lane.pending.delete(next.key);
      this.start(lane, next);
    }
  }

  private start(lane: LaneState<J>, job: J): void {
    lane.running += 1;
    this.running.set(job.key, job);
    this.observe('start', job);
    const finish = (result: R | undefined, error?: unknown) => {
      lane.running -= 1;
      this.running.delete(job.key);
      try {
        this.settled(job, result, error);
      } finally {
        const again = this.rerun.get(job.key);
        if (again) {
          this.rerun.delete(job.key);
          this.laneOf(again).pending.set(again.key, again);
        }
        for (const each of this.lanes.values()) this.pump(each);
        if (this.isIdle()) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          waiters.forEach((resolve) => resolve());
        }
      }
    };
    this.run(job).then(
      (result) => finish(result),
      (error: unknown) => finish(undefined, error),
    );
  }
}
