import type { BuildReport, OutputResult } from '../build/buildProject.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';

/** What one burst of changes led to, once every output it affected is rebuilt. */
export interface RebuildSummary {
  /** 1, 2, 3… in the order bursts arrived; 0 is the first full build. */
  id: number;
  changedFiles: string[];
  outputs: OutputResult[];
  /** Project-relative paths of PDFs removed because their leaflet was deleted. */
  removed: string[];
  diagnostics: Diagnostic[];
  /** From the burst being picked up to its last output. */
  durationMs: number;
  /** From the burst being picked up to its first PDF in place. */
  firstOutputMs?: number;
  ok: boolean;
}

interface OpenRebuild {
  id: number;
  generation: number;
  changedFiles: string[];
  started: number;
  remaining: Set<string>;
  /** Diagnostics worth showing: about these files, or errors that block outputs (all when undefined). */
  relevantFiles?: ReadonlySet<string>;
  outputs: OutputResult[];
  removed: string[];
  diagnostics: Map<string, Diagnostic>;
  firstOutputMs?: number;
}

/**
 * Attributes finished outputs to the bursts that asked for them. A render that read the
 * project at generation g satisfies every open rebuild of generation <= g that wants its
 * output, so coalesced bursts complete together and none waits for a stale render.
 */
export class RebuildTracker {
  private readonly open: OpenRebuild[] = [];
  private nextId: number;

  /** `firstId`: 1 when the first full build is reported on its own. */
  constructor(
    private readonly completed: (summary: RebuildSummary) => void,
    firstId = 0,
  ) {
    this.nextId = firstId;
  }

  begin(
    generation: number,
    changedFiles: string[],
    outputKeys: Iterable<string>,
    options: { started?: number; relevantFiles?: ReadonlySet<string> } = {},
  ): void {
    const rebuild: OpenRebuild = {
      id: this.nextId++,
      generation,
      changedFiles,
      started: options.started ?? performance.now(),
      remaining: new Set(outputKeys),
      ...(options.relevantFiles ? { relevantFiles: options.relevantFiles } : {}),
      outputs: [],
      removed: [],
      diagnostics: new Map(),
    };
    this.open.push(rebuild);
    this.closeFinished();
  }

  /** One output finished (written, unchanged, failed or removed) from inputs of `generation`. */
  settle(key: string, generation: number, done: { report?: Pick<BuildReport, 'outputs' | 'diagnostics'>; removed?: string[] }): void {
    for (const rebuild of this.open) {
      if (rebuild.generation > generation || !rebuild.remaining.delete(key)) continue;
      if (rebuild.firstOutputMs === undefined) rebuild.firstOutputMs = performance.now() - rebuild.started;
      rebuild.removed.push(...(done.removed ?? []));
      // A re-fit after a fast render reports the same file again: the later result stands.
      for (const output of done.report?.outputs ?? []) {
        const earlier = rebuild.outputs.findIndex((known) => known.file === output.file);
        if (earlier === -1) rebuild.outputs.push(output);
        // ...but a file the fast render wrote and the re-fit left as it was still counts as written.
        else rebuild.outputs[earlier] = rebuild.outputs[earlier]!.status === 'written' && output.status === 'unchanged' ? { ...output, status: 'written' } : output;
      }
      for (const d of done.report?.diagnostics ?? []) {
        if (isRelevant(d, rebuild.relevantFiles)) rebuild.diagnostics.set(formatDiagnostic(d), d);
      }
    }
    this.closeFinished();
  }

  private closeFinished(): void {
    for (let index = 0; index < this.open.length; ) {
      const rebuild = this.open[index]!;
      if (rebuild.remaining.size > 0) {
        index += 1;
        continue;
      }
      this.open.splice(index, 1);
      const diagnostics = [...rebuild.diagnostics.values()];
      this.completed({
        id: rebuild.id,
        changedFiles: rebuild.changedFiles,
        outputs: rebuild.outputs.sort((a, b) => a.file.localeCompare(b.file)),
        removed: rebuild.removed.sort(),
        diagnostics,
        durationMs: performance.now() - rebuild.started,
        ...(rebuild.firstOutputMs === undefined ? {} : { firstOutputMs: rebuild.firstOutputMs }),
        ok: !diagnostics.some((d) => d.severity === 'error') && rebuild.outputs.every((o) => o.status !== 'failed'),
      });
    }
  }
}

/** A rebuild shows problems in what it touched, and errors anywhere outside content/ (they block outputs). */
function isRelevant(d: Diagnostic, relevantFiles: ReadonlySet<string> | undefined): boolean {
  if (!relevantFiles || relevantFiles.has(d.file)) return true;
  return d.severity === 'error' && !d.file.startsWith('content/');
}
