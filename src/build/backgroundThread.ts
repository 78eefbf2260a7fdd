import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Niceness for background threads: they still run whenever a core is free. */
const BACKGROUND_NICENESS = 19;

/**
 * Marks the calling thread as background work, so the kernel runs the thread rendering the
 * PDF someone is waiting for first. Linux lets one thread of a process be re-niced on its own
 * (by its thread id, from /proc/thread-self); elsewhere this does nothing.
 */
export function runThisThreadInBackground(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, BACKGROUND_NICENESS);
  } catch {
    // Not Linux, or not allowed: the thread keeps its priority.
  }
}
