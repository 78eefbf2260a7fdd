import type { EditionId } from '../render/editions.ts';
import type { KeyedJob } from './outputScheduler.ts';

/** A leaflet in one locale, as watch mode plans it. */
export interface WatchUnit {
  key: string;
  leafletId: string;
  locale: string;
  /** Project-relative Markdown file. */
  sourceFile: string;
}

export interface PlanInput {
  /** Project-relative files whose content changed in this burst (a trailing `/` is a removed folder). */
  changedFiles: readonly string[];
  /** The project's units before and after the burst was read. */
  before: readonly WatchUnit[];
  after: readonly WatchUnit[];
  /** Units whose recorded reads no longer match (from the dependency graph). */
  stale: ReadonlySet<string>;
  /** Units the graph knows nothing of yet (never compiled, e.g. broken until now). */
  unknown: ReadonlySet<string>;
  editions: readonly EditionId[];
  /** Background render threads; 0 renders everything in the main thread. */
  workers: number;
  /** Urgent renders reuse the last copy-fit, and a background job re-fits each (see PlannedJob.fit). */
  refitInBackground?: boolean;
}

export interface PlannedJob extends KeyedJob {
  unit: WatchUnit;
  edition: EditionId;
  /** Render the output, or remove it (its leaflet was deleted). */
  action: 'render' | 'remove';
  /**
   * `reuse`: lay out with the copy-fit of the last render (fast; never cached or remembered),
   * then a `search` job for the same output chooses the fit afresh in the background, so the
   * file settles to what a full build writes.
   */
  fit: 'reuse' | 'search';
}

export interface RebuildPlan {
  jobs: PlannedJob[];
  /** Files whose diagnostics this rebuild shows (what changed and the leaflets it rebuilt). */
  relevantFiles: Set<string>;
}

export const jobKey = (unit: WatchUnit, edition: EditionId): string => `${unit.key}/${edition}`;
/** The background job that re-fits an output after its fast render (see PlannedJob.fit). */
export const refitKey = (unit: WatchUnit, edition: EditionId): string => `${jobKey(unit, edition)}#refit`;

/**
 * Decides what one burst of changes rebuilds and in what order. Pure: same input, same plan.
 * - Rebuilt: units whose recorded inputs changed, new units, and units never compiled whose
 *   file changed; removed: units that are gone.
 * - The first edition of each leaflet whose own file was edited is urgent and renders in the
 *   main thread (someone is looking at it); when only shared inputs changed (strings, a
 *   partial, the brand) the first edition of every affected leaflet is. Everything else goes
 *   to the background threads, which start nothing while urgent work is pending.
 * - Priority: first edition before the others, edited leaflets before the rest.
 * - With `refitInBackground`, an urgent render reuses the output's last copy-fit and a
 *   background job re-fits it.
 */
export function planRebuild(input: PlanInput): RebuildPlan {
  const changed = new Set(input.changedFiles);
  const beforeKeys = new Set(input.before.map((unit) => unit.key));
  const afterKeys = new Set(input.after.map((unit) => unit.key));
  const affected = input.after.filter(
    (unit) => input.stale.has(unit.key) || !beforeKeys.has(unit.key) || (input.unknown.has(unit.key) && changed.has(unit.sourceFile)),
  );
  const removed = input.before.filter((unit) => !afterKeys.has(unit.key));
  const direct = (unit: WatchUnit) => changed.has(unit.sourceFile);
  const anyDirect = affected.some(direct);
  const jobs: PlannedJob[] = [];
  input.editions.forEach((edition, index) => {
    for (const unit of affected) {
      const urgent = index === 0 && (direct(unit) || !anyDirect);
      const background = input.workers === 0 ? 'main' : 'workers';
      const priority = index * 2 + (direct(unit) ? 0 : 1);
      const reuse = urgent && input.refitInBackground === true;
      jobs.push({ key: jobKey(unit, edition), lane: urgent ? 'main' : background, urgent, priority, unit, edition, action: 'render', fit: reuse ? 'reuse' : 'search' });
      if (reuse) jobs.push({ key: refitKey(unit, edition), lane: background, urgent: false, priority, unit, edition, action: 'render', fit: 'search' });
    }
    for (const unit of removed) {
      jobs.push({ key: jobKey(unit, edition), lane: 'main', urgent: false, priority: index * 2, unit, edition, action: 'remove', fit: 'search' });
    }
  });
  const relevantFiles = new Set([...input.changedFiles, ...affected.map((unit) => unit.sourceFile), ...removed.map((unit) => unit.sourceFile)]);
  return { jobs, relevantFiles };
}
