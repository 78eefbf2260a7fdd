import { availableParallelism } from 'node:os';

/**
 * Cores one render thread keeps busy. Measured on the shipped project (`npm run bench --
 * cores`): a one-thread clean build uses about 1.5 cores, its JavaScript thread plus V8's
 * optimizing compiler and garbage collector on helper threads, and every extra render thread
 * repeats that warm-up (its own compiled code, memos and fonts). On 2 cores a second thread
 * made the build slower (0.84x), so render threads get two cores each.
 */
const CORES_PER_RENDER_THREAD = 2;

/**
 * Render threads when a build names none: `LEAFLETS_JOBS` (a whole number from 1) if set, so a
 * CI machine or a test run can pin it for every build it starts, else one per two cores.
 */
export function defaultThreads(): number {
  return pinnedThreads() ?? Math.max(1, Math.floor(availableParallelism() / CORES_PER_RENDER_THREAD));
}

/** `LEAFLETS_JOBS` when it is a whole number from 1, else undefined (the command's own default applies). */
export function pinnedThreads(): number | undefined {
  const pinned = process.env.LEAFLETS_JOBS;
  return pinned !== undefined && /^[1-9]\d*$/.test(pinned.trim()) ? Number(pinned) : undefined;
}
