import type { BuildReport } from '../build/buildProject.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { OutputScheduler, type JobPhase, type KeyedJob } from './outputScheduler.ts';
import type { PlannedJob, RebuildPlan } from './rebuildPlanner.ts';
import { RebuildTracker, type RebuildSummary } from './rebuildTracker.ts';
import type { WatchEvent } from './watchEvents.ts';

export interface SiteJob extends KeyedJob {
  action: 'site';
}
export type LoopJob = PlannedJob | SiteJob;

export interface JobResult {
  /** The project generation the job read. */
  generation: number;
  report?: Pick<BuildReport, 'outputs' | 'diagnostics'>;
  removed?: string[];
  /** Site jobs: what updating the website reported. */
  siteDiagnostics?: Diagnostic[];
  /** For the event log: digests of the unit's own source as the job read it. */
  read?: Record<string, string>;
  /** For the event log: outputs left alone because a newer version was on disk by then. */
  superseded?: string[];
}

export interface RebuildLoopOptions {
  /** Background threads; 0 runs every job in the main lane. */
  workers: number;
  /** Does one job (renders, removes or updates the website); may reject (a crashed worker). */
  run: (job: LoopJob) => Promise<JobResult>;
  /** The generation of the project now (a crashed job is settled at it). */
  generation: () => number;
  onRebuild: (summary: RebuildSummary) => void;
  onSiteUpdated?: (diagnostics: Diagnostic[]) => void;
  onError?: (error: unknown) => void;
  /** After a main-lane job (watch mode collects garbage once the main thread has been idle a while). */
  onMainJobDone?: () => void;
  /** Each job's request, start and finish, and each finished rebuild (the event log). */
  onEvent?: (event: WatchEvent) => void;
}

/**
 * The watch loop without I/O: plans go in, jobs are run through the scheduler (one build per
 * output at a time, bursts coalesced, background lanes waiting for urgent work), finished
 * outputs are attributed to the bursts that asked for them, and the website is brought up to
 * date once per rebuild. Jobs, timing and files are the caller's.
 */
export class RebuildLoop {
  private readonly scheduler: OutputScheduler<LoopJob, JobResult>;
  private readonly tracker: RebuildTracker;

  constructor(private readonly options: RebuildLoopOptions) {
    this.tracker = new RebuildTracker((summary) => {
      options.onEvent?.({
        type: 'rebuild',
        id: summary.id,
        changedFiles: summary.changedFiles,
        written: summary.outputs.filter((o) => o.status === 'written').length,
        unchanged: summary.outputs.filter((o) => o.status === 'unchanged').length,
        failed: summary.outputs.filter((o) => o.status === 'failed').length,
        durationMs: summary.durationMs,
      });
      options.onRebuild(summary);
      // The website is made from more than the PDFs (front matter, strings only its pages print,
      // the brand): after any save it is brought up to date; it skips the work when none of that changed.
      if (summary.removed.length > 0 || summary.outputs.some((o) => o.status === 'written') || summary.changedFiles.length > 0) {
        this.scheduler.request([{ key: 'site', lane: 'site', priority: Number.MAX_SAFE_INTEGER, action: 'site' }]);
      }
    }, 1);
    this.scheduler = new OutputScheduler<LoopJob, JobResult>(
      { main: 1, workers: options.workers, site: 1 },
      (job) => options.run(job),
      (job, result, error) => this.settled(job, result, error),
      // Two threads rendering at once slow each other down on a small machine, so background
      // work waits while the PDF someone is waiting for renders.
      { workers: 'main', site: 'main' },
      (phase: JobPhase, job) => options.onEvent?.({ type: 'job', phase, key: job.key, lane: job.lane }),
    );
  }

  /** Starts one rebuild: its outputs are reported together once each is settled. */
  begin(generation: number, changedFiles: string[], plan: RebuildPlan, started = performance.now()): void {
    this.tracker.begin(generation, changedFiles, plan.jobs.map((job) => job.key), { started, relevantFiles: plan.relevantFiles });
    this.scheduler.request(plan.jobs);
  }

  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  isIdle(): boolean {
    return this.scheduler.isIdle();
  }

  isMainIdle(): boolean {
    return this.scheduler.isLaneIdle('main');
  }

  /** Forgets jobs not started yet (shutting down); running ones finish. */
  dropPending(): void {
    this.scheduler.dropPending();
  }

  private settled(job: LoopJob, result: JobResult | undefined, error: unknown): void {
    this.options.onEvent?.({
      type: 'job',
      phase: result ? 'done' : 'failed',
      key: job.key,
      lane: job.lane,
      ...(result ? { generation: result.generation } : {}),
      ...(result?.report ? { outputs: result.report.outputs.map((o) => ({ file: o.file, status: result.superseded?.includes(o.file) ? 'superseded' : o.status })) } : {}),
      ...(result?.removed ? { outputs: result.removed.map((file) => ({ file, status: 'removed' })) } : {}),
      ...(result?.read ? { read: result.read } : {}),
      ...(result ? {} : { error: String((error as Error | undefined)?.message ?? error).split('\n')[0] }),
    });
    if (job.lane === 'main') this.options.onMainJobDone?.();
    if (job.action === 'site') {
      if (result) this.options.onSiteUpdated?.(result.siteDiagnostics ?? []);
      else this.options.onError?.(error);
      return;
    }
    if (result) {
      this.tracker.settle(job.key, result.generation, {
        ...(result.report ? { report: result.report } : {}),
        ...(result.removed ? { removed: result.removed } : {}),
      });
      return;
    }
    // Only a crashed job gets here (a render error is a diagnostic in its report): the output
    // fails with an internal error and the last good file stays; the next edit tries again.
    const failure = error instanceof Error ? error : new Error(String(error));
    const diagnostic: Diagnostic = {
      file: job.unit.sourceFile,
      severity: 'error',
      rule: 'internal-error',
      source: 'render',
      message: `Internal error: could not build the ${job.edition} edition: ${failure.message.split('\n')[0]}`,
      note: 'This is a fault in leaflets or a library it uses; watching carries on. Run with --verbose for the stack trace.',
      ...(failure.stack ? { stack: failure.stack } : {}),
    };
    this.tracker.settle(job.key, this.options.generation(), { report: { outputs: [], diagnostics: [diagnostic] } });
  }
}
