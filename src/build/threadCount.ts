import { availableParallelism } from 'node:os';

/**
 * Render threads when a build names none: `LEAFLETS_JOBS` (a whole number from 1) if set, so a
 * CI machine or a test run can pin it for every build it starts, else one per core.
 */
export function defaultThreads(): number {
  const pinned = process.env.LEAFLETS_JOBS;
  if (pinned !== undefined && /^[1-9]\d*$/.test(pinned.trim())) return Number(pinned);
  return Math.max(1, availableParallelism());
}
