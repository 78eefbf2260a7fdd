/**
 * What one stage read: each input's key and the digest it had. A file is keyed by its
 * project-relative path; a folder listing by `<folder>/*<kind>` (its names, e.g. `content/cy/*file`).
 * A file that was looked for and not found has the digest ABSENT, so creating it later counts
 * as a change.
 */
export type ReadLog = Map<string, string>;

export const ABSENT = 'absent';

export const listingKey = (folder: string, kind: 'dir' | 'file'): string => `${folder}/*${kind}`;

/** A read log as sorted [key, digest] pairs: JSON for the build record, and stable for hashing. */
export const logEntries = (log: ReadLog): Array<[string, string]> => [...log].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Keys whose digest differs between a log and the store now (by `digestOf`). */
export function changedReads(log: Iterable<[string, string]>, digestOf: (key: string) => string): string[] {
  const changed: string[] = [];
  for (const [key, digest] of log) if (digestOf(key) !== digest) changed.push(key);
  return changed;
}
