import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, run when a long-lived watcher has nothing else to do. Rendering
 * allocates hundreds of megabytes per leaflet; without this V8 lets the heap (and RSS) drift
 * up for a long time before collecting, which looks like a leak from outside.
 *
 * `compact` also moves the surviving objects off sparsely used pages and returns those pages.
 * A plain collection frees objects but keeps every page that still holds one: over hundreds of
 * watch rebuilds the main thread's old space grew from 131 to 160 MB (and on) around a level
 * 114 MB of live objects. Compacting costs more than collecting, so it is only switched on for
 * this one collection (the flag is read by the collector when it runs).
 */
export function collectGarbage(options: { compact?: boolean } = {}): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  if (!options.compact) return gc();
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
